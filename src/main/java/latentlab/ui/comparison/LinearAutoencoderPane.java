package latentlab.ui.comparison;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DiscardDialog;
import latentlab.ui.common.Icons;
import latentlab.ui.common.XyChart;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * A linear autoencoder becoming PCA: what to expect, a button that trains one, its angles to PCA's subspace and
 * its test error against PCA's as it trains.
 */
final class LinearAutoencoderPane extends HBox {
    private final LinearAutoencoderViewModel vm;
    private final XyChart angleChart;
    private final Runnable onStart;

    /**
     * @param onStart run after the linear autoencoder was started (e.g. to show this pane)
     */
    LinearAutoencoderPane(LinearAutoencoderViewModel vm, Appearance look, Runnable onStart) {
        super(16);
        this.vm = vm;
        this.onStart = onStart;
        angleChart = new XyChart(look);
        angleChart.setId("angle-chart");
        angleChart.setAxisTitles("training steps (minibatches)", "angle to PCA's subspace (degrees)", "");
        angleChart.setEmptyMessage("Train a linear autoencoder to see its decoder turn towards PCA");
        angleChart.setSeries(vm.angleSeriesProperty().get());
        vm.angleSeriesProperty().addListener((o, a, b) -> angleChart.setSeries(b));
        XyChart errorChart = new XyChart(look);
        errorChart.setAxisTitles("training steps (minibatches)", "test squared error per image", "");
        errorChart.setYFromZero(false);
        errorChart.setEmptyMessage("Its test error, measured while this view is open, appears here");
        errorChart.setSeries(vm.errorSeriesProperty().get());
        vm.errorSeriesProperty().addListener((o, a, b) -> errorChart.setSeries(b));
        vm.errorRangeProperty().addListener((o, a, r) -> {
            if (r != null) {
                errorChart.setYRange(r.min(), r.max());
            }
        });

        Label c = new Label("With identity activations and squared error, the best an autoencoder can learn is PCA's "
                + "subspace (Baldi and Hornik 1989), though not PCA's axes. Watch the angles between the two "
                + "subspaces fall towards 0° and the error reach PCA's; minibatch noise keeps a few degrees.");
        c.getStyleClass().add("muted");
        c.setWrapText(true);
        Label readout = new Label();
        readout.getStyleClass().add("readout");
        readout.setId("linear-readout");
        readout.setWrapText(true);
        readout.textProperty().bind(vm.readoutProperty());
        Button train = Icons.button(MaterialDesignV.VECTOR_LINE, "Train a linear autoencoder",
                "Identity activations, squared error, one layer each way, the same k as now");
        train.setOnAction(e -> trainLinear());
        train.disableProperty().bind(vm.readyProperty().not());
        VBox left = new VBox(10, c, train, readout);
        left.setPrefWidth(330);
        left.setMinWidth(260);
        left.setMaxWidth(360);
        HBox charts = new HBox(12, angleChart, errorChart);
        HBox.setHgrow(angleChart, Priority.ALWAYS);
        HBox.setHgrow(errorChart, Priority.ALWAYS);
        HBox.setHgrow(charts, Priority.ALWAYS);
        getChildren().addAll(left, charts);
        setPadding(new Insets(10, 12, 10, 12));
    }

    /** The principal angles' chart. */
    XyChart angleChart() {
        return angleChart;
    }

    /** One click: a linear autoencoder with the current k, trained at once (asks before discarding a run). */
    void trainLinear() {
        long steps = vm.stepsDiscarded();
        if (steps > 0 && !DiscardDialog.confirm(this, "Train a linear autoencoder?", steps,
                "Replace it with a linear autoencoder? (Save it first with File > Save lesson if you want to keep"
                        + " it.)")) {
            return;
        }
        startLinear();
    }

    /** Starts the linear autoencoder without asking (tests, and after the user agreed). */
    void startLinear() {
        vm.start();
        onStart.run();
    }
}
