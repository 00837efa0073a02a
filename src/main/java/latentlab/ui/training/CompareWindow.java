package latentlab.ui.training;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import latentlab.compute.ComputePool;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.StyleSheets;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.session.JobRunner;

/**
 * A plain autoencoder and a variational one trained on the same MNIST, side by side, with the decoder's manifold
 * behind each map: the plain one leaves gaps between its clusters that decode to nothing in particular, the VAE
 * fills a continuous space. Selecting or isolating a digit shows in both. The models come from a
 * {@link CompareViewModel}.
 */
public final class CompareWindow {
    private final Stage stage = new Stage();
    private final CompareViewModel vm;

    public CompareWindow(Window owner, CompareViewModel vm, Appearance look, JobRunner jobs, ComputePool pool) {
        this.vm = vm;
        ScatterPane left = new ScatterPane(vm.plain(), "a", "Autoencoder: gaps between the clusters", look,
                jobs.lane("autoencoder map"), pool);
        ScatterPane right = new ScatterPane(vm.vae(), "a", "Variational autoencoder: a filled space", look,
                jobs.lane("VAE map"), pool);
        for (ScatterPane p : new ScatterPane[] {left, right}) {
            p.scatter().manifoldProperty().set(true);
        }
        SplitPane split = new SplitPane(left, right);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
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
        StyleSheets.apply(scene, look);
        stage.setScene(scene);
        stage.setTitle("Latent Lab — autoencoder and VAE");
        if (owner != null) {
            stage.initOwner(owner);
        }
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
        return new LatentSpaceModel[] {vm.plain(), vm.vae()};
    }
}
