package latentlab.ui.training;

import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.io.model.ModelFile;
import latentlab.nn.Autoencoder;
import latentlab.ui.common.Appearance;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.shell.MainView;

/**
 * A plain autoencoder and a variational one trained on the same MNIST, side by side, with the decoder's manifold
 * behind each map: the plain one leaves gaps between its clusters that decode to nothing in particular, the VAE
 * fills a continuous space. Selecting or isolating a digit shows in both.
 */
public final class CompareWindow {
    /** The plain model shown on the left (bundled). */
    public static final String PLAIN = "/latentlab/pretrained/mnist-784-256-64-2.llm";
    /** The VAE shown on the right unless the current model is a VAE (bundled). */
    public static final String VAE = "/latentlab/pretrained/mnist-784-256-64-2-vae.llm";

    private final Stage stage = new Stage();
    private final SelectionModel selection = new SelectionModel();
    private final LatentSpaceModel plain = new LatentSpaceModel("Autoencoder", selection);
    private final LatentSpaceModel vae = new LatentSpaceModel("VAE", selection);
    private final Label status = new Label("Encoding the test images…");

    /**
     * @param current the model being trained (used on the right if it is a VAE for these images), or null
     */
    public CompareWindow(Window owner, Dataset test, Autoencoder current, Appearance look) {
        plain.setDisplay(test);
        vae.setDisplay(test);
        ScatterPane left = new ScatterPane(plain, "a", "Autoencoder: gaps between the clusters", look,
                new latentlab.ui.session.JobRunner("latentlab-map").lane("autoencoder map"), // temporary: the
                new ComputePool(1)); // shell's runner and pool go here (issue 20)
        ScatterPane right = new ScatterPane(vae, "a", "Variational autoencoder: a filled space", look,
                new latentlab.ui.session.JobRunner("latentlab-map").lane("VAE map"), // temporary: the shell's
                new ComputePool(1)); // runner and pool go here (issue 20)
        for (ScatterPane p : new ScatterPane[] {left, right}) {
            p.scatter().manifoldProperty().set(true);
        }
        SplitPane split = new SplitPane(left, right);
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        Label explain = new Label("Both nets are 784-256-64-2 trained on MNIST; behind the dots, what each decoder draws "
                + "at every point. The VAE's codes were pulled towards N(0, I), so every point decodes to a digit-like "
                + "image and the prior can be sampled (Training > Generate digits).");
        explain.setWrapText(true);
        VBox bottom = new VBox(4, explain, status);
        bottom.setPadding(new Insets(8, 12, 8, 12));
        BorderPane root = new BorderPane(split);
        root.setBottom(bottom);
        Scene scene = new Scene(root, 1400, 820);
        MainView.applyStyles(scene, look.getTheme());
        scene.getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", look.fontSize()));
        stage.setScene(scene);
        stage.setTitle("Latent Lab — autoencoder and VAE");
        if (owner != null) {
            stage.initOwner(owner);
        }
        boolean useCurrent = current != null && current.architecture().isVariational()
                && current.inputSize() == test.dimension() && current.latentSize() == 2;
        CompletableFuture.supplyAsync(() -> {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                Autoencoder a = ModelFile.loadResource(PLAIN).autoencoder();
                Autoencoder b = useCurrent ? current : ModelFile.loadResource(VAE).autoencoder();
                if (a.inputSize() != test.dimension()) {
                    throw new IllegalArgumentException("the bundled models are for 28 × 28 MNIST images; open MNIST "
                            + "to compare");
                }
                return new Object[] {a, Encoding.encode(a, test, pool), b, Encoding.encode(b, test, pool)};
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((r, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.setText("Could not show the comparison: " + latentlab.io.Messages.describe(
                        e.getCause() != null ? e.getCause() : e));
                return;
            }
            plain.update((Autoencoder) r[0], (float[]) r[1]);
            vae.update((Autoencoder) r[2], (float[]) r[3]);
            status.setText(useCurrent ? "Right: the VAE you are training." : "Right: the bundled VAE (20 epochs, β = 1).");
        }));
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** The two latent spaces (tests). */
    public LatentSpaceModel[] spaces() {
        return new LatentSpaceModel[] {plain, vae};
    }
}
