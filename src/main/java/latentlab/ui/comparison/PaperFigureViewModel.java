package latentlab.ui.comparison;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.nn.Codec;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.train.TrainingPreset;
import latentlab.ui.session.JobRunner;
import latentlab.ui.training.TestErrorMonitor;

/**
 * Fig. 2A of Hinton and Salakhutdinov, "Reducing the dimensionality of data with neural networks", Science 313:504
 * (2006), for the network being trained: one test digit of each class, its reconstruction by PCA with as many
 * components as the code has dimensions, and the autoencoder's, each with its squared error; beside them the two
 * averages over all test images and the paper's (13.87 for PCA-30, 3.00 for its net c).
 *
 * <p>The digits are reconstructed on a lane of the job runner whenever a new snapshot or PCA fit arrives (only the
 * newest request runs); the autoencoder's average is the {@link TestErrorMonitor}'s, PCA's comes from its error
 * curve. Everything is read and published on the FX thread.
 */
public final class PaperFigureViewModel {
    /** The paper's average squared error per test image of PCA with 30 components. */
    public static final double PAPER_PCA = 13.87;
    /** The paper's average squared error per test image of its deep autoencoder (net c). */
    public static final double PAPER_AUTOENCODER = 3.00;

    /** One test digit and its two reconstructions (either may be null until there is a model). */
    public record Digit(int index, int label, float[] original, float[] pca, double pcaError, float[] autoencoder,
                        double autoencoderError) {
    }

    /** The figure: digits of {@code rows x cols} pixels, PCA with {@code k} components. */
    public record Figure(int rows, int cols, int k, List<Digit> digits) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final PcaFit fit;
    private final TestErrorMonitor testErrors;
    private final JobRunner.Lane lane;
    private final ReadOnlyObjectWrapper<Figure> figure = new ReadOnlyObjectWrapper<>(this, "figure");
    private final ReadOnlyDoubleWrapper pcaMean = new ReadOnlyDoubleWrapper(this, "pcaMean", Double.NaN);
    private final ReadOnlyDoubleWrapper autoencoderMean = new ReadOnlyDoubleWrapper(this, "autoencoderMean",
            Double.NaN);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final InvalidationListener refresh = o -> refresh();
    private int epochs;
    private boolean active;
    /** The step the autoencoder's average was measured at (-1: not measured). */
    private long measuredStep = -1;

    /**
     * @param dataset    the open data set (its test images are shown)
     * @param snapshot   the newest training snapshot (the autoencoder shown)
     * @param fit        the window's PCA fit
     * @param testErrors the autoencoder's average test error
     * @param lane       where the reconstructions are computed
     */
    public PaperFigureViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                                PcaFit fit, TestErrorMonitor testErrors, JobRunner.Lane lane) {
        this.dataset = dataset;
        this.snapshot = snapshot;
        this.fit = fit;
        this.testErrors = testErrors;
        this.lane = lane;
    }

    /** The digits and their reconstructions, null before a data set is open. */
    public ReadOnlyObjectProperty<Figure> figureProperty() {
        return figure.getReadOnlyProperty();
    }

    /** PCA's average squared error per test image with the figure's k components, NaN before the fit. */
    public ReadOnlyDoubleProperty pcaMeanProperty() {
        return pcaMean.getReadOnlyProperty();
    }

    /**
     * The autoencoder's average squared error per test image, NaN until measured: the newer of the trainer's own
     * measurement after the last epoch and the test-error monitor's of a recent snapshot.
     */
    public ReadOnlyDoubleProperty autoencoderMeanProperty() {
        return autoencoderMean.getReadOnlyProperty();
    }

    /** What is being computed or trained. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The preset being trained: the status counts its epochs. */
    public void trainingPreset(TrainingPreset p) {
        epochs = p.epochs();
        refresh();
    }

    /** Starts ({@code on}) or stops following the training and the PCA fit (the figure is shown or hidden). */
    public void setActive(boolean on) {
        if (on == active) {
            return;
        }
        active = on;
        testErrors.want(this, on);
        for (var p : new javafx.beans.Observable[] {snapshot, fit.modelProperty(), fit.curveProperty(), dataset,
            testErrors.meanErrorProperty()}) {
            if (on) {
                p.addListener(refresh);
            } else {
                p.removeListener(refresh);
            }
        }
        if (on) {
            fit.ensureFitted();
            refresh();
        }
    }

    private void refresh() {
        DatasetPair pair = dataset.get();
        Snapshot s = snapshot.get();
        if (pair == null) {
            figure.set(null);
            status.set("Open a data set first.");
            return;
        }
        PcaModel pca = fit.getModel();
        ErrorCurve curve = fit.curveProperty().get();
        int k = s != null ? s.model().latentSize() : 30;
        pcaMean.set(curve != null && k <= curve.maxComponents() ? curve.errorPerImage(k) : Double.NaN);
        autoencoderMean.set(newestError(s));
        status.set(describe(s, pca));
        Codec ae = s != null && s.model().inputSize() == pair.test().dimension() ? s.model() : null;
        Codec pcaCodec = pca != null && k <= pca.dimension() && pca.dimension() == pair.test().dimension()
                ? pca.codec(k) : null;
        lane.submitLatest(() -> {
            Figure f = compute(pair.test(), k, pcaCodec, ae);
            Platform.runLater(() -> {
                if (dataset.get() == pair) {
                    figure.set(f);
                }
            });
        });
    }

    /** The newer of the trainer's test error after the last epoch and the monitor's latest measurement. */
    private double newestError(Snapshot s) {
        long step = -1;
        double error = Double.NaN;
        if (s != null && !s.epochs().isEmpty() && s.epochs().get(s.epochs().size() - 1).step() <= s.step()) {
            latentlab.train.EpochRecord r = s.epochs().get(s.epochs().size() - 1);
            step = r.step();
            error = r.testSquaredError();
        }
        var measured = testErrors.history();
        // A point past the snapshot's step is an earlier run's, not yet cleared.
        if (s != null && !measured.isEmpty()) {
            var last = measured.get(measured.size() - 1);
            if (last.step() > step && last.step() <= s.step()) {
                error = last.error();
                step = last.step();
            }
        }
        measuredStep = step;
        return error;
    }

    private String describe(Snapshot s, PcaModel pca) {
        String training = s == null ? "No network yet."
                : epochs > 0 && s.epoch() < epochs ? String.format("Training: epoch %d of %d (%.0f%%).",
                        s.epoch() + 1, epochs, 100 * s.epochProgress() / epochs)
                : String.format("Trained %d epoch%s (%,d steps).", s.epoch(), s.epoch() == 1 ? "" : "s", s.step());
        String measured = s == null || measuredStep < 0 ? ""
                : String.format(" The autoencoder's average was measured at step %,d.", measuredStep);
        return training + measured + (pca == null ? " Fitting PCA…" : "");
    }

    /** The first test image of each class and its reconstructions; either codec may be null. */
    static Figure compute(Dataset test, int k, Codec pca, Codec ae) {
        int d = test.dimension();
        List<Digit> digits = new ArrayList<>();
        boolean[] seen = new boolean[test.classCount()];
        for (int i = 0; i < test.size() && digits.size() < seen.length; i++) {
            int label = test.label(i);
            if (label < 0 || label >= seen.length || seen[label]) {
                continue;
            }
            seen[label] = true;
            float[] x = test.image(i);
            float[] p = reconstruct(pca, x, d);
            float[] a = reconstruct(ae, x, d);
            digits.add(new Digit(i, label, x, p, squaredError(x, p), a, squaredError(x, a)));
        }
        digits.sort(java.util.Comparator.comparingInt(Digit::label));
        return new Figure(test.rows(), test.cols(), k, List.copyOf(digits));
    }

    private static float[] reconstruct(Codec c, float[] x, int d) {
        if (c == null) {
            return null;
        }
        float[] out = new float[d];
        c.reconstruct(x, 0, 1, out, 0);
        return out;
    }

    /** Sum over pixels of (x - y)^2, the paper's measure; NaN without a reconstruction. */
    static double squaredError(float[] x, float[] y) {
        if (y == null) {
            return Double.NaN;
        }
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            double e = x[j] - y[j];
            s += e * e;
        }
        return s;
    }
}
