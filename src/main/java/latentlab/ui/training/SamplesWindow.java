package latentlab.ui.training;

import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import latentlab.data.Dataset;
import latentlab.nn.Autoencoder;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DecodedImageView;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.Icons;
import latentlab.ui.common.StyleSheets;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * Generating new digits: decodes of codes drawn from the prior N(0, I), and the manifold of the prior (a grid
 * at equal steps of probability). A VAE was trained to make these meaningful; a plain autoencoder was not, and
 * the window says so.
 */
public final class SamplesWindow {
    private final Stage stage = new Stage();
    private final GenerativeViewModel vm = new GenerativeViewModel();
    private final Supplier<Autoencoder> model;
    private final Supplier<Dataset> images;
    private final DecodedImageView samples;
    private final DecodedImageView manifold;
    private final Label note = new Label();
    private final Spinner<Integer> size = new Spinner<>(3, 16, 8);
    private final Spinner<Integer> manifoldSize = new Spinner<>(5, 25, 15);
    private final javafx.scene.control.ChoiceBox<String> source = new javafx.scene.control.ChoiceBox<>();
    private long updates;
    private static final String CURRENT = "the network being trained";
    private static final String BUNDLED = "the bundled VAE (20 epochs)";

    public SamplesWindow(Window owner, Supplier<Autoencoder> model, Supplier<Dataset> images, Appearance look) {
        this.model = model;
        this.images = images;
        DigitImages digits = DigitImages.of(look.getTheme());
        samples = new DecodedImageView(digits, 560);
        manifold = new DecodedImageView(digits, 600);
        samples.setId("prior-samples");
        Button again = Icons.button(MaterialDesignD.DICE_5, "Sample again", "Draw new codes from N(0, I) and decode them");
        again.setId("sample-again");
        again.setOnAction(e -> {
            vm.next();
            refresh();
        });
        size.valueProperty().addListener(o -> refresh());
        manifoldSize.valueProperty().addListener(o -> refresh());
        source.getItems().setAll(CURRENT, BUNDLED);
        Autoencoder now = model.get();
        source.setValue(now != null && now.architecture().isVariational() ? CURRENT : BUNDLED);
        source.setId("sample-source");
        source.valueProperty().addListener(o -> refresh());
        HBox bar = new HBox(8, again, new Label("Grid"), size, new Label("Model"), source);
        bar.setAlignment(Pos.CENTER_LEFT);
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        VBox sampleBox = new VBox(10, bar, samples, note);
        sampleBox.setPadding(new Insets(12));
        Label mLabel = new Label("Decodes over a1 (left to right) and a2 (bottom to top) at equal steps of probability, "
                + "±2 standard deviations of N(0, 1): z = Φ⁻¹(p). Other dimensions at 0.");
        mLabel.setWrapText(true);
        mLabel.getStyleClass().add("muted");
        HBox mBar = new HBox(8, new Label("Grid"), manifoldSize);
        mBar.setAlignment(Pos.CENTER_LEFT);
        VBox manifoldBox = new VBox(10, mBar, manifold, mLabel);
        manifoldBox.setPadding(new Insets(12));
        TabPane tabs = new TabPane(new Tab("Samples from the prior", sampleBox), new Tab("Manifold of the prior",
                manifoldBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 660, 690);
        StyleSheets.apply(scene, look);
        stage.setScene(scene);
        stage.setTitle("Latent Lab — generate digits");
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    /** Shows the window with decodes of the current model. */
    public void show() {
        refresh();
        stage.show();
        stage.toFront();
    }

    /** Decodes again (new model or new settings). */
    public void refresh() {
        Autoencoder ae = model.get();
        if (BUNDLED.equals(source.getValue())) {
            Autoencoder bundled = vm.bundledVae();
            ae = bundled != null ? bundled : ae;
        }
        Dataset d = images.get();
        if (ae == null || d == null || ae.inputSize() != d.dimension()) {
            return;
        }
        int n = size.getValue();
        float[] s = vm.samples(ae, n);
        samples.show(GenerativeViewModel.tile(s, n, d.rows(), d.cols(), 2), 0, n * d.rows() + (n - 1) * 2,
                n * d.cols() + (n - 1) * 2);
        int m = manifoldSize.getValue();
        float[] g = GenerativeViewModel.priorManifold(ae, m, 0, Math.min(1, ae.latentSize() - 1), 2.0);
        manifold.show(GenerativeViewModel.tile(g, m, d.rows(), d.cols(), 1), 0, m * d.rows() + (m - 1),
                m * d.cols() + (m - 1));
        note.setText(ae.architecture().isVariational()
                ? "Codes z ~ N(0, I) decoded by the VAE: trained so that the whole prior decodes to digit-like images."
                : "This is a plain autoencoder: its codes were never asked to follow N(0, I). Codes drawn from "
                        + "N(0, I) land wherever its map happens to lie near the origin — some digits, often the same "
                        + "few, and nothing says the gaps between clusters decode to digits. A VAE is trained so that "
                        + "the whole prior decodes to digits: tick \"Variational autoencoder\", apply and train.");
        updates++;
    }

    /** How many times the samples were drawn (tests). */
    public long updates() {
        return updates;
    }

    public Stage stage() {
        return stage;
    }
}
