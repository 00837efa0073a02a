package latentlab.ui.comparison;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.KnnClassifier;
import latentlab.eval.ReconstructionError;
import latentlab.nn.Codec;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.common.Changes;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;

/**
 * The numbers above the two maps: how well each map's codes separate the digits (the accuracy of a 5-nearest-
 * neighbour classifier of the test codes, trained on the training codes) and each model's test error, as one
 * badge per map; and PCA's squared error of every test image at the autoencoder's k (its worst-reconstructed list,
 * and its map coloured by error).
 *
 * <p>PCA's numbers are measured whenever its codes change; the autoencoder's accuracy at once when it is paused and
 * every {@value #KNN_INTERVAL_MS} ms while it trains ({@link #refreshAutoencoder()}, called every frame while the
 * comparison is shown). Its test error comes from the window's test-error monitor.
 */
public final class MapStatistics {
    /** Neighbours that vote in the accuracy measure. */
    static final int NEIGHBOURS = 5;
    private static final long KNN_INTERVAL_MS = 8000;

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ReadOnlyBooleanProperty running;
    private final LatentSpaceModel autoencoderSpace;
    private final PcaFit fit;
    private final ReadOnlyDoubleProperty aeError;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final Notices notices;
    private final ReadOnlyDoubleWrapper pcaKnn = new ReadOnlyDoubleWrapper(this, "pcaKnn", Double.NaN);
    private final ReadOnlyDoubleWrapper aeKnn = new ReadOnlyDoubleWrapper(this, "aeKnn", Double.NaN);
    private final ReadOnlyObjectWrapper<float[]> pcaErrors = new ReadOnlyObjectWrapper<>(this, "pcaErrors");
    private final ReadOnlyStringWrapper aeBadge = new ReadOnlyStringWrapper(this, "aeBadge", "");
    private final ReadOnlyStringWrapper pcaBadge = new ReadOnlyStringWrapper(this, "pcaBadge", "");
    private final AtomicBoolean knnBusy = new AtomicBoolean();
    private long lastKnn = System.nanoTime() - 60_000_000_000L;
    private Codec aeKnnFor;

    /**
     * @param running whether training runs (the autoencoder's accuracy is then measured less often)
     * @param aeError the autoencoder's mean test squared error per image, NaN while unknown
     */
    public MapStatistics(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                         ReadOnlyBooleanProperty running, LatentSpaceModel autoencoderSpace, PcaFit fit,
                         ReadOnlyDoubleProperty aeError, JobRunner.Lane lane, ComputePool pool, Notices notices) {
        this.dataset = dataset;
        this.snapshot = snapshot;
        this.running = running;
        this.autoencoderSpace = autoencoderSpace;
        this.fit = fit;
        this.aeError = aeError;
        this.lane = lane;
        this.pool = pool;
        this.notices = notices;
        fit.space().codesProperty().addListener((o, was, now) -> {
            if (now != null) {
                refreshPca();
            }
        });
        dataset.addListener((o, was, now) -> clear());
        Changes.onAny(this::refreshBadges, aeKnn, pcaKnn, aeError, fit.curveProperty(), fit.modelProperty(),
                autoencoderSpace.codecProperty(), fit.space().latentSizeProperty());
    }

    /** 5-NN accuracy of PCA's codes (PC1, PC2, ... to the autoencoder's k), NaN until measured. */
    public ReadOnlyDoubleProperty pcaKnnProperty() {
        return pcaKnn.getReadOnlyProperty();
    }

    /** 5-NN accuracy of the autoencoder's codes, NaN until measured. */
    public ReadOnlyDoubleProperty aeKnnProperty() {
        return aeKnn.getReadOnlyProperty();
    }

    /** The autoencoder's test squared error per image, NaN until measured. */
    public ReadOnlyDoubleProperty aeErrorProperty() {
        return aeError;
    }

    /** PCA's squared error of each test image at the autoencoder's k, null until measured. */
    public ReadOnlyObjectProperty<float[]> pcaErrorsProperty() {
        return pcaErrors.getReadOnlyProperty();
    }

    /** The autoencoder's map's badge: the network, its accuracy and its test error. */
    public ReadOnlyStringProperty autoencoderBadgeProperty() {
        return aeBadge.getReadOnlyProperty();
    }

    /** PCA's map's badge: k and the variance it explains, its accuracy and its test error (empty before a fit). */
    public ReadOnlyStringProperty pcaBadgeProperty() {
        return pcaBadge.getReadOnlyProperty();
    }

    /** 5-NN accuracy and per-image errors of PCA at its current k (background). */
    private void refreshPca() {
        DatasetPair pair = dataset.get();
        LatentSpaceModel space = fit.space();
        Codec codec = space.getCodec();
        float[] codes = space.getCodes();
        if (pair == null || codec == null || codes == null) {
            return;
        }
        BackgroundWork.submit(lane, notices, "Could not measure PCA's accuracy and errors", () -> {
            double acc = knn(codec, codes, pair, pool);
            float[] errors = ReconstructionError.evaluate(codec, pair.test(), pool).perImage();
            Platform.runLater(() -> {
                if (dataset.get() != pair) {
                    return;
                }
                pcaKnn.set(acc);
                pcaErrors.set(errors);
                if (space.getDisplay() == pair.test()) {
                    space.setErrors(errors);
                }
            });
        });
    }

    /** Accuracy of a 5-NN classifier of {@code testCodes}, trained on the training images' codes. */
    static double knn(Codec codec, float[] testCodes, DatasetPair pair, ComputePool pool) {
        float[] train = Encoding.encode(codec, pair.train(), pool);
        return new KnnClassifier(train, KnnClassifier.labels(pair.train()), codec.latentSize(), NEIGHBOURS)
                .accuracy(testCodes, KnnClassifier.labels(pair.test()), pool);
    }

    /**
     * Re-measures the 5-NN accuracy of the current autoencoder's codes in the background when it has changed: at
     * once when it is paused, every {@value #KNN_INTERVAL_MS} ms while it trains, one measurement at a time. Cheap
     * to call every frame.
     */
    public void refreshAutoencoder() {
        Snapshot s = snapshot.get();
        DatasetPair pair = dataset.get();
        if (lane.isShutdown() || s == null || pair == null || s.model().inputSize() != pair.test().dimension()) {
            return;
        }
        long now = System.nanoTime();
        Codec ae = s.model();
        if (ae != aeKnnFor && (!running.get() || now - lastKnn > KNN_INTERVAL_MS * 1_000_000L)
                && knnBusy.compareAndSet(false, true)) {
            aeKnnFor = ae;
            lastKnn = now;
            BackgroundWork.submit(lane, notices, "Could not measure the autoencoder's accuracy", () -> {
                try {
                    double acc = knn(ae, Encoding.encode(ae, pair.test(), pool), pair, pool);
                    Platform.runLater(() -> {
                        if (dataset.get() == pair) {
                            aeKnn.set(acc);
                        }
                    });
                } finally {
                    knnBusy.set(false);
                }
            });
        }
    }

    private void refreshBadges() {
        Codec ae = autoencoderSpace.getCodec();
        aeBadge.set((ae == null ? "" : ae.describe()) + knnText(aeKnn.get(), ae == null ? 0 : ae.latentSize())
                + errorText(aeError.get()));
        int k = fit.space().getLatentSize();
        ErrorCurve c = fit.curveProperty().get();
        PcaModel m = fit.getModel();
        double pcaError = c != null && k > 0 && k <= c.maxComponents() ? c.errorPerImage(k) : Double.NaN;
        pcaBadge.set(k == 0 || m == null ? "" : String.format("PCA, k = %d (%.1f%% of the variance)", k,
                100 * m.explainedVariance(k)) + knnText(pcaKnn.get(), k) + errorText(pcaError));
    }

    private static String knnText(double acc, int k) {
        return Double.isNaN(acc) ? "" : String.format("  ·  5-NN accuracy of the %d-D codes %.3f", k, acc);
    }

    private static String errorText(double e) {
        return Double.isNaN(e) ? "" : String.format("  ·  test error %.2f", e);
    }

    /** Forgets the measurements (another data set). */
    public void clear() {
        pcaKnn.set(Double.NaN);
        aeKnn.set(Double.NaN);
        pcaErrors.set(null);
        aeKnnFor = null;
    }
}
