package latentlab.ui.comparison;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.XyChart;

/** The test error against k: PCA's curve, the variance it explains, this autoencoder and saved ones. */
final class ErrorAgainstKPane extends VBox {
    private final XyChart chart;

    ErrorAgainstKPane(ErrorAgainstKViewModel vm, Appearance look) {
        super(4);
        chart = new XyChart(look);
        chart.setId("error-chart");
        chart.setAxisTitles("k, the number of latent dimensions (components)", "test squared error per image",
                "variance explained (%)");
        chart.setIntegerX(true);
        chart.setXRange(0, ErrorAgainstKViewModel.MAX_K + 1);
        chart.setRightRange(0, 100);
        chart.setEmptyMessage("The PCA curve appears once PCA is fitted");
        chart.setSeries(vm.seriesProperty().get());
        vm.seriesProperty().addListener((o, a, b) -> chart.setSeries(b));
        Label caption = new Label();
        caption.getStyleClass().add("section-title");
        caption.textProperty().bind(vm.captionProperty());
        Label how = new Label("Errors are Σ over the pixels of (x − x′)², averaged over the test images: the numbers "
                + "latent-lab eval and latent-lab pca print. Hover over a point for its value.");
        how.getStyleClass().add("muted");
        getChildren().addAll(chart, caption, how);
        VBox.setVgrow(chart, Priority.ALWAYS);
        setPadding(new Insets(6, 12, 6, 12));
    }

    /** The chart (tests read its series). */
    XyChart chart() {
        return chart;
    }
}
