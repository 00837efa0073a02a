package latentlab.ui.comparison;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import latentlab.data.Dataset;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Changes;
import latentlab.ui.explorer.LatentSlidersView;

/**
 * PCA used as a decoder: sliders over PCA's codes with the decoded image (as the explorer's for the autoencoder),
 * and the eigen-digits, the mean image and the first principal components that the decoder adds up.
 */
final class PcaDecoderPane extends HBox {
    private static final int COMPONENTS_SHOWN = 15;

    PcaDecoderPane(PcaFit fit, Appearance look) {
        LatentSlidersView sliders = new LatentSlidersView(fit.space(), "PC", look, true);
        sliders.setId("pca-sliders");
        sliders.setPadding(new Insets(8, 12, 8, 12));
        ScrollPane left = new ScrollPane(sliders);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(480);
        left.setPrefWidth(600);
        left.getStyleClass().add("side-scroll");
        Label t = new Label("Eigen-digits: the mean image and the first principal components");
        t.getStyleClass().add("section-title");
        Label c = new Label("PCA decodes a code (PC1, PC2, …) as the mean plus PC1 times the first image, plus PC2 "
                + "times the second, and so on: red pixels get darker ink, blue ones lighter. The sliders on the left "
                + "move along these directions; the Manifold button on PCA's map decodes a whole grid.");
        c.getStyleClass().add("muted");
        c.setWrapText(true);
        EigenDigitGallery eigenDigits = new EigenDigitGallery(look, COMPONENTS_SHOWN);
        // The gallery follows the fit; its images have the size of the images PCA's space shows.
        Changes.onAny(() -> {
            Dataset d = fit.space().getDisplay();
            eigenDigits.show(fit.getModel(), d == null ? 0 : d.rows(), d == null ? 0 : d.cols());
        }, fit.modelProperty(), fit.space().displayProperty());
        VBox right = new VBox(6, t, c, eigenDigits);
        right.setPadding(new Insets(8, 12, 8, 12));
        ScrollPane rs = new ScrollPane(right);
        rs.setFitToWidth(true);
        rs.getStyleClass().add("side-scroll");
        rs.setPrefWidth(200);
        HBox.setHgrow(rs, Priority.ALWAYS);
        getChildren().addAll(left, rs);
    }
}
