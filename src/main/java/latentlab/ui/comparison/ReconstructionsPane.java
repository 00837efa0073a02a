package latentlab.ui.comparison;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DecodedImageView;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.ThumbnailStrip;

/**
 * The selected image beside its reconstructions by the autoencoder and by PCA, with their errors, and the test
 * images each model reconstructs worst (click one to select it).
 */
final class ReconstructionsPane extends HBox {
    private static final int IMAGE_SIZE = 112;
    private final ReconstructionsViewModel vm;
    private final DecodedImageView original;
    private final DecodedImageView aeReconstruction;
    private final DecodedImageView pcaReconstruction;
    private final Label aeErrorLabel = new Label();
    private final Label pcaErrorLabel = new Label();
    private final Label selectedHint = new Label("Click an image in either map to compare its reconstructions.");
    private final ThumbnailStrip aeWorst;
    private final ThumbnailStrip pcaWorst;
    private final Label aeWorstTitle = new Label();
    private final Label pcaWorstTitle = new Label();

    ReconstructionsPane(ReconstructionsViewModel vm, Appearance look) {
        super(24);
        this.vm = vm;
        DigitImages digits = DigitImages.of(look.getTheme());
        original = new DecodedImageView(digits, IMAGE_SIZE);
        aeReconstruction = new DecodedImageView(digits, IMAGE_SIZE);
        pcaReconstruction = new DecodedImageView(digits, IMAGE_SIZE);
        DecodedImageView[] views = {original, aeReconstruction, pcaReconstruction};
        for (DecodedImageView v : views) {
            v.show(new float[28 * 28], 0, 28, 28);
        }
        look.themeProperty().addListener((o, a, b) -> {
            for (DecodedImageView v : views) {
                v.setDigits(DigitImages.of(b));
            }
        });
        aeWorst = new ThumbnailStrip(look, vm::select);
        aeWorst.setId("worst-autoencoder");
        pcaWorst = new ThumbnailStrip(look, vm::select);
        pcaWorst.setId("worst-pca");

        Label t = new Label("Selected image");
        t.getStyleClass().add("section-title");
        Label pcaCaption = muted("");
        pcaCaption.textProperty().bind(vm.pcaCaptionProperty());
        aeErrorLabel.getStyleClass().add("muted");
        pcaErrorLabel.getStyleClass().add("muted");
        HBox triple = new HBox(10, column(original, muted("original"), new Label(" ")),
                column(aeReconstruction, muted("autoencoder"), aeErrorLabel),
                column(pcaReconstruction, pcaCaption, pcaErrorLabel));
        selectedHint.getStyleClass().add("muted");
        selectedHint.setWrapText(true);
        VBox selected = new VBox(6, t, triple, selectedHint);
        selected.setMinWidth(Region.USE_PREF_SIZE);

        aeWorstTitle.getStyleClass().add("section-title");
        pcaWorstTitle.getStyleClass().add("section-title");
        VBox worst = new VBox(6, aeWorstTitle, scrollable(aeWorst), pcaWorstTitle, scrollable(pcaWorst));
        HBox.setHgrow(worst, Priority.ALWAYS);
        getChildren().addAll(selected, worst);
        setPadding(new Insets(10, 12, 10, 12));

        vm.selectedProperty().addListener((o, a, b) -> showSelected());
        vm.autoencoderWorstProperty().addListener((o, a, b) -> showWorst(b, aeWorst, aeWorstTitle));
        vm.pcaWorstProperty().addListener((o, a, b) -> showWorst(b, pcaWorst, pcaWorstTitle));
        showSelected();
        showWorst(vm.autoencoderWorstProperty().get(), aeWorst, aeWorstTitle);
        showWorst(vm.pcaWorstProperty().get(), pcaWorst, pcaWorstTitle);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static ScrollPane scrollable(Region r) {
        ScrollPane s = new ScrollPane(r);
        s.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.setFitToHeight(true);
        s.getStyleClass().add("strip-scroll");
        return s;
    }

    private static VBox column(DecodedImageView v, Label caption, Label value) {
        StackPane frame = new StackPane(v);
        frame.getStyleClass().add("image-frame");
        VBox b = new VBox(2, frame, caption, value);
        b.setAlignment(Pos.TOP_CENTER);
        return b;
    }

    private void showSelected() {
        ReconstructionsViewModel.Selected s = vm.selectedProperty().get();
        selectedHint.setVisible(s == null);
        selectedHint.setManaged(s == null);
        if (s == null) {
            original.clear();
            aeReconstruction.clear();
            pcaReconstruction.clear();
            aeErrorLabel.setText("");
            pcaErrorLabel.setText("");
            return;
        }
        int rows = s.images().rows();
        int cols = s.images().cols();
        original.show(s.original(), 0, rows, cols);
        show(aeReconstruction, s.autoencoder(), rows, cols);
        show(pcaReconstruction, s.pca(), rows, cols);
        aeErrorLabel.setText(s.aeError());
        pcaErrorLabel.setText(s.pcaError());
    }

    private static void show(DecodedImageView view, float[] pixels, int rows, int cols) {
        if (pixels == null) {
            view.clear();
        } else {
            view.show(pixels, 0, rows, cols);
        }
    }

    private static void showWorst(ReconstructionsViewModel.Worst w, ThumbnailStrip strip, Label title) {
        strip.show(w.images(), w.indices(), w.errors(), "%.1f");
        title.setText(w.title());
    }
}
