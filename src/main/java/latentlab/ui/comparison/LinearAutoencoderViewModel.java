package latentlab.ui.comparison;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import latentlab.eval.PrincipalAngles;
import latentlab.nn.Autoencoder;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.common.Changes;
import latentlab.ui.common.XyChart;
import latentlab.ui.training.TestErrorMonitor;
import latentlab.ui.training.TrainingSettings;
import latentlab.ui.training.TrainingViewModel;

/**
 * A linear autoencoder becoming PCA: with identity activations and squared error the best an autoencoder can learn
 * is PCA's subspace (Baldi and Hornik 1989), though not PCA's axes. Records, with every snapshot of a linear
 * network, the principal angles between its decoder's column space and the span of PCA's first k axes (largest and
 * mean, in degrees), and shows them and its test error against PCA's as they fall; one command sets up and starts
 * such a network.
 */
public final class LinearAutoencoderViewModel {
    /** Learning rate of the one-click linear autoencoder (Adam): fast, and close to PCA's error within 5 epochs. */
    public static final double LEARNING_RATE = 0.005;

    /** Principal angles of a linear autoencoder at a training step, in degrees (largest and mean). */
    public record AnglePoint(long step, double largestDegrees, double meanDegrees) {
    }

    /** A range of the left axis. */
    public record Range(double min, double max) {
    }

    private final TrainingViewModel training;
    private final PcaFit fit;
    private final TestErrorMonitor testErrors;
    private final ObservableList<AnglePoint> angles = FXCollections.observableArrayList();
    private final ObservableList<AnglePoint> anglesView = FXCollections.unmodifiableObservableList(angles);
    private final ReadOnlyObjectWrapper<List<XyChart.Series>> angleSeries = new ReadOnlyObjectWrapper<>(this,
            "angleSeries", List.of());
    private final ReadOnlyObjectWrapper<List<XyChart.Series>> errorSeries = new ReadOnlyObjectWrapper<>(this,
            "errorSeries", List.of());
    private final ReadOnlyObjectWrapper<Range> errorRange = new ReadOnlyObjectWrapper<>(this, "errorRange");
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private boolean linear;

    /**
     * @param training   the training run (this view-model replaces its network with a linear one on request)
     * @param testErrors the current network's test error and its history over the run
     */
    public LinearAutoencoderViewModel(TrainingViewModel training, PcaFit fit, TestErrorMonitor testErrors) {
        this.training = training;
        this.fit = fit;
        this.testErrors = testErrors;
        this.linear = isLinear(training.getSnapshot());
        training.snapshotProperty().addListener((o, was, s) -> {
            if (s == null) {
                // The network was closed (a lesson or data set opens, new settings): its angles go with it.
                angles.clear();
            }
            recordAngles(s);
            boolean nowLinear = isLinear(s);
            if (nowLinear != linear) {
                linear = nowLinear;
                refresh();
            }
        });
        angles.addListener((Observable o) -> refresh());
        testErrors.history().addListener((Observable o) -> refresh());
        Changes.onAny(this::refresh, fit.modelProperty(), fit.curveProperty());
        refresh();
    }

    private static boolean isLinear(Snapshot s) {
        return s != null && s.model().architecture().isLinear();
    }

    /** Principal angles recorded so far (empty unless a linear network trains). */
    public ObservableList<AnglePoint> angles() {
        return anglesView;
    }

    /** The angle chart's series: the largest and the mean angle against the training step. */
    public ReadOnlyObjectProperty<List<XyChart.Series>> angleSeriesProperty() {
        return angleSeries.getReadOnlyProperty();
    }

    /** The error chart's series: the linear network's test error as it trains, and PCA's at the same k. */
    public ReadOnlyObjectProperty<List<XyChart.Series>> errorSeriesProperty() {
        return errorSeries.getReadOnlyProperty();
    }

    /** The error chart's left-axis range: the later measurements and PCA's error (null: from the data). */
    public ReadOnlyObjectProperty<Range> errorRangeProperty() {
        return errorRange.getReadOnlyProperty();
    }

    /** The last angles and errors in words, or what to do first. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** Whether there is a network to replace (a data set is open). */
    public ReadOnlyBooleanProperty readyProperty() {
        return training.readyProperty();
    }

    /** Whether starting would throw away a trained network (ask first); the steps it trained, or 0. */
    public long stepsDiscarded() {
        Snapshot s = training.getSnapshot();
        return training.applyDiscardsProgress() && s != null ? s.step() : 0;
    }

    /**
     * Replaces the network with a linear autoencoder of the current k (identity activations everywhere, squared
     * error, one layer each way, Adam at {@link #LEARNING_RATE}) and starts training it, without asking; PCA is
     * fitted too if it is not yet.
     */
    public void start() {
        TrainingSettings settings = training.settings();
        Snapshot s = training.getSnapshot();
        int k = s == null ? settings.latentSizeProperty().get() : s.model().latentSize();
        settings.variationalProperty().set(false);
        settings.corruptionProperty().set(0);
        settings.hiddenLayersProperty().set("");
        settings.latentSizeProperty().set(k);
        settings.linearProperty().set(true);
        settings.learningRateProperty().set(LEARNING_RATE);
        angles.clear();
        // The monitor clears its history at the new run's first measurement; until then the old one would show.
        testErrors.history().clear();
        training.applySettings();
        fit.ensureFitted();
        training.play();
    }

    /**
     * Records the principal angles between a linear autoencoder's decoder and PCA's subspace of the same k (once
     * per step; a step before the last one means a new run). Ignored for non-linear networks and before the fit.
     */
    public void recordAngles(Snapshot s) {
        PcaModel m = fit.getModel();
        if (s == null || m == null || !s.model().architecture().isLinear() || s.model().inputSize() != m.dimension()) {
            return;
        }
        if (!angles.isEmpty() && angles.get(angles.size() - 1).step() == s.step()) {
            return;
        }
        if (!angles.isEmpty() && angles.get(angles.size() - 1).step() > s.step()) {
            angles.clear();
        }
        double[] a = anglesOf(s.model(), m);
        double mean = 0;
        double max = 0;
        for (double v : a) {
            mean += v / a.length;
            max = Math.max(max, v);
        }
        angles.add(new AnglePoint(s.step(), Math.toDegrees(max), Math.toDegrees(mean)));
    }

    /** Principal angles (radians) between a decoder's column space and the span of PCA's first k axes. */
    public static double[] anglesOf(Autoencoder ae, PcaModel m) {
        int k = ae.latentSize();
        int d = m.dimension();
        double[] pcs = new double[d * k];
        for (int j = 0; j < k; j++) {
            float[] v = m.component(j);
            for (int i = 0; i < d; i++) {
                pcs[i * k + j] = v[i];
            }
        }
        return PrincipalAngles.between(PrincipalAngles.decoderColumns(ae), k, pcs, k, d);
    }

    /** Forgets the angles (another data set). */
    public void clear() {
        angles.clear();
    }

    private void refresh() {
        angleSeries.set(angleSeries(angles));
        Snapshot snap = training.getSnapshot();
        ErrorCurve c = fit.curveProperty().get();
        int k = snap == null ? 0 : snap.model().latentSize();
        double pca = c != null && k <= c.maxComponents() ? c.errorPerImage(k) : Double.NaN;
        List<TestErrorMonitor.ErrorPoint> h = testErrors.history();
        if (linear && !h.isEmpty()) {
            errorSeries.set(errorSeries(h, pca, k));
            errorRange.set(errorRange(h, pca));
        } else {
            errorSeries.set(List.of());
        }
        readout.set(readout(linear, angles, fit.getModel() != null, testErrors.meanErrorProperty().get(), pca));
    }

    static List<XyChart.Series> angleSeries(List<AnglePoint> a) {
        if (a.isEmpty()) {
            return List.of();
        }
        double[] steps = new double[a.size()];
        double[] max = new double[a.size()];
        double[] mean = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            steps[i] = a.get(i).step();
            max[i] = a.get(i).largestDegrees();
            mean[i] = a.get(i).meanDegrees();
        }
        return List.of(new XyChart.Series("largest angle", ComparisonColours.PCA, ComparisonColours.PCA_DARK, steps,
                max, XyChart.Style.LINE, false, null), new XyChart.Series("mean angle", ComparisonColours.AUTOENCODER,
                ComparisonColours.AUTOENCODER_DARK, steps, mean, XyChart.Style.LINE, false, null));
    }

    /** The run's error history, and PCA's error at the same k as a dashed level (if known). */
    static List<XyChart.Series> errorSeries(List<TestErrorMonitor.ErrorPoint> h, double pca, int k) {
        double[] steps = new double[h.size()];
        double[] err = new double[h.size()];
        for (int i = 0; i < h.size(); i++) {
            steps[i] = h.get(i).step();
            err[i] = h.get(i).error();
        }
        List<XyChart.Series> out = new ArrayList<>();
        out.add(new XyChart.Series("linear autoencoder", ComparisonColours.AUTOENCODER,
                ComparisonColours.AUTOENCODER_DARK, steps, err, XyChart.Style.LINE_AND_POINTS, false, null));
        if (!Double.isNaN(pca)) {
            out.add(new XyChart.Series("PCA, k = " + k, ComparisonColours.PCA, ComparisonColours.PCA_DARK,
                    new double[] {steps[0], steps[steps.length - 1]}, new double[] {pca, pca},
                    XyChart.Style.DASHED_LINE, false, null));
        }
        return out;
    }

    /**
     * The left axis for the error history: the first measurements (random weights) would flatten the rest, so it
     * spans the measurements after the first tenth of the steps (and the last two), PCA's error, and a margin.
     */
    static Range errorRange(List<TestErrorMonitor.ErrorPoint> h, double pca) {
        long last = h.get(h.size() - 1).step();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).step() >= 0.1 * last || i >= h.size() - 2) {
                lo = Math.min(lo, h.get(i).error());
                hi = Math.max(hi, h.get(i).error());
            }
        }
        if (!Double.isNaN(pca)) {
            lo = Math.min(lo, pca);
            hi = Math.max(hi, pca);
        }
        double pad = Math.max(0.5, (hi - lo) * 0.15);
        return new Range(lo - pad, hi + pad);
    }

    static String readout(boolean linear, List<AnglePoint> a, boolean fitted, double error, double pca) {
        if (!linear) {
            return "The current network is not linear.";
        }
        if (a.isEmpty()) {
            return fitted ? "Press Play to train it." : "Waiting for the PCA fit…";
        }
        AnglePoint last = a.get(a.size() - 1);
        StringBuilder t = new StringBuilder(String.format("Step %,d: angles %.1f° (largest), %.1f° (mean)",
                last.step(), last.largestDegrees(), last.meanDegrees()));
        if (!Double.isNaN(error) && !Double.isNaN(pca)) {
            t.append(String.format("%nTest error %.2f, PCA's %.2f", error, pca));
        }
        return t.toString();
    }
}
