package latentlab.ui.comparison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.KnnClassifier;
import latentlab.eval.PrincipalAngles;
import latentlab.eval.ReconstructionError;
import latentlab.io.Messages;
import latentlab.io.model.ModelFile;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import latentlab.pca.ErrorCurve;
import latentlab.pca.Pca;
import latentlab.pca.PcaCodec;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.training.TestErrorMonitor;

/**
 * The PCA comparison: PCA fitted once per data set in the background (with progress and cancellation, cached, and
 * restorable from lesson files), its latent space beside the autoencoder's (same images, shared selection), the
 * test error against the number of components, 5-NN accuracies of both 2-D maps, per-image errors for the
 * "worst reconstructed" galleries, and — for a linear autoencoder — the principal angles between its decoder's
 * column space and PCA's subspace as it trains.
 */
public final class ComparisonViewModel {
    /** A saved autoencoder added to the error chart. */
    public record ModelPoint(String name, int k, double testSquaredError) {
    }

    /** Principal angles of a linear autoencoder at a training step, in degrees (largest and mean). */
    public record AnglePoint(long step, double largestDegrees, double meanDegrees) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ReadOnlyBooleanProperty running;
    private final TestErrorMonitor testErrors;
    private final LatentSpaceModel space;
    private final ReadOnlyObjectWrapper<PcaModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<ErrorCurve> curve = new ReadOnlyObjectWrapper<>(this, "curve");
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(this, "fitting");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper pcaKnn = new ReadOnlyDoubleWrapper(this, "pcaKnn", Double.NaN);
    private final ReadOnlyDoubleWrapper aeKnn = new ReadOnlyDoubleWrapper(this, "aeKnn", Double.NaN);
    private final ReadOnlyObjectWrapper<float[]> pcaErrors = new ReadOnlyObjectWrapper<>(this, "pcaErrors");
    private final ObservableList<ModelPoint> savedModels = FXCollections.observableArrayList();
    private final ObservableList<AnglePoint> angles = FXCollections.observableArrayList();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latentlab-comparison");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean knnBusy = new AtomicBoolean();
    private DatasetPair fittedFor;
    private FitTask fitTask;

    /**
     * @param dataset    the open data set (PCA is fitted to its training images)
     * @param snapshot   the autoencoder's training snapshot
     * @param running    whether it trains
     * @param selection  the selection PCA's space shares with the autoencoder's
     * @param testErrors the autoencoder's test error
     */
    public ComparisonViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                               ReadOnlyBooleanProperty running, SelectionModel selection, TestErrorMonitor testErrors) {
        this.dataset = dataset;
        this.snapshot = snapshot;
        this.running = running;
        this.testErrors = testErrors;
        this.space = new LatentSpaceModel("PCA", selection);
    }

    /** PCA's latent space over the test images (shares the selection with the autoencoder's). */
    public LatentSpaceModel space() {
        return space;
    }

    public ReadOnlyObjectProperty<PcaModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public PcaModel getModel() {
        return model.get();
    }

    /** Test squared error per image for every k = 0..d. */
    public ReadOnlyObjectProperty<ErrorCurve> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** Progress of the fit in [0, 1], -1 unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 5-NN accuracy of PCA's codes (PC1, PC2, ... to the autoencoder's k), NaN until computed. */
    public ReadOnlyDoubleProperty pcaKnnProperty() {
        return pcaKnn.getReadOnlyProperty();
    }

    /** 5-NN accuracy of the autoencoder's codes, NaN until computed. */
    public ReadOnlyDoubleProperty aeKnnProperty() {
        return aeKnn.getReadOnlyProperty();
    }

    /** The current autoencoder's test squared error per image (refreshed while it trains). */
    public ReadOnlyDoubleProperty aeErrorProperty() {
        return testErrors.meanErrorProperty();
    }

    /** The current autoencoder's squared error of each test image. */
    public ReadOnlyObjectProperty<float[]> aeErrorsProperty() {
        return testErrors.perImageProperty();
    }

    /** PCA's squared error of each test image at the autoencoder's k. */
    public ReadOnlyObjectProperty<float[]> pcaErrorsProperty() {
        return pcaErrors.getReadOnlyProperty();
    }

    /** Saved autoencoders the user added to the error chart. */
    public ObservableList<ModelPoint> savedModels() {
        return savedModels;
    }

    /** Principal angles of the linear autoencoder so far (empty unless one trains). */
    public ObservableList<AnglePoint> angles() {
        return angles;
    }

    /** The current run's test error as it trains (evaluated while the comparison is shown); reset with the run. */
    public ObservableList<TestErrorMonitor.ErrorPoint> errorHistory() {
        return testErrors.history();
    }

    /** Starts the PCA fit for the open data set, unless it is fitted (or being fitted) already. */
    public void ensureFitted() {
        DatasetPair pair = dataset.get();
        if (worker.isShutdown() || pair == null || pair == fittedFor || (fitTask != null && fitTask.pair == pair)) {
            return;
        }
        cancelFit();
        FitTask task = new FitTask(pair, Math.max(1, currentK()));
        fitTask = task;
        fitting.set(true);
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            if (release(task)) {
                Object[] r = task.getValue();
                fittedFor = pair;
                show(pair, (PcaModel) r[0], (ErrorCurve) r[1], (float[]) r[2]);
            }
        });
        task.setOnFailed(e -> {
            if (release(task)) {
                status.set("PCA failed: " + Messages.describe(task.getException()));
            }
        });
        task.setOnCancelled(e -> {
            if (release(task)) {
                status.set("PCA fit cancelled");
            }
        });
        submit(task);
    }

    /** Cancels a running fit. */
    public void cancelFit() {
        FitTask t = fitTask;
        if (t != null) {
            release(t);
            t.cancel();
            status.set("PCA fit cancelled");
        }
    }

    /** Detaches the properties from {@code task}; false if a newer fit has replaced it (its result is stale). */
    private boolean release(FitTask task) {
        if (task != fitTask) {
            return false;
        }
        progress.unbind();
        status.unbind();
        fitting.set(false);
        fitTask = null;
        return true;
    }

    /** Fits PCA, its error curve and the test images' scores; fitting is about 70% of the work. */
    private static final class FitTask extends Task<Object[]> implements Progress {
        private final DatasetPair pair;
        private final int k;
        private double offset;
        private double share;

        FitTask(DatasetPair pair, int k) {
            this.pair = pair;
            this.k = k;
        }

        @Override
        protected Object[] call() {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                updateMessage(String.format("Fitting PCA to %,d training images…", pair.train().size()));
                phase(0, 0.7);
                PcaModel m = Pca.fit(pair.train(), pool, this);
                updateMessage("PCA: test error for every number of components…");
                phase(0.7, 0.3);
                ErrorCurve c = ErrorCurve.compute(m, pair.test(), pool, this);
                PcaCodec codec = m.codec(Math.min(k, m.dimension()));
                float[] codes = Encoding.encode(codec, pair.test(), pool);
                return new Object[] {m, c, codes};
            }
        }

        private void phase(double from, double width) {
            offset = from;
            share = width;
            updateProgress(from, 1);
        }

        @Override
        public void update(double done, double total, String message) {
            if (total > 0) {
                updateProgress(offset + share * Math.min(1, done / total), 1);
            }
        }
    }

    /** Uses a fit read from a lesson file for {@code pair} instead of fitting again (scores computed off the FX thread). */
    public void restore(DatasetPair pair, PcaModel m, ErrorCurve c) {
        if (m.dimension() != pair.train().dimension()) {
            return;
        }
        cancelFit();
        fittedFor = pair;
        int k = Math.max(1, Math.min(currentK(), m.dimension()));
        PcaCodec codec = m.codec(k);
        submit(() -> {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                ErrorCurve curveToShow = c != null && c.imageCount() == pair.test().size() ? c
                        : ErrorCurve.compute(m, pair.test(), pool, Progress.NONE);
                float[] codes = Encoding.encode(codec, pair.test(), pool);
                Platform.runLater(() -> {
                    if (fittedFor == pair) {
                        show(pair, m, curveToShow, codes);
                    }
                });
            }
        });
    }

    private void show(DatasetPair pair, PcaModel m, ErrorCurve c, float[] codes) {
        model.set(m);
        curve.set(c);
        space.setDisplay(pair.test());
        space.update(m.codec(codes.length / pair.test().size()), codes);
        status.set(String.format("PCA of %,d training images: the first two components explain %.1f%% of the variance",
                m.sampleCount(), 100 * m.explainedVariance(Math.min(2, m.dimension()))));
        refreshPcaStatistics();
    }

    /** The autoencoder's latent size (PCA is compared at the same k). */
    private int currentK() {
        Snapshot s = snapshot.get();
        return s == null ? 2 : s.model().latentSize();
    }

    /** Follows the autoencoder's k: PCA's space gets as many components. Call when the autoencoder changes. */
    public void followAutoencoder() {
        PcaModel m = model.get();
        DatasetPair pair = dataset.get();
        if (m == null || pair == null || pair != fittedFor) {
            return;
        }
        int k = Math.max(1, Math.min(currentK(), m.dimension()));
        if (space.getLatentSize() == k) {
            return;
        }
        PcaCodec codec = m.codec(k);
        submit(() -> {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                float[] codes = Encoding.encode(codec, pair.test(), pool);
                Platform.runLater(() -> {
                    space.update(codec, codes);
                    refreshPcaStatistics();
                });
            }
        });
    }

    /** 5-NN accuracy and per-image errors of PCA at the current k (background). */
    private void refreshPcaStatistics() {
        DatasetPair pair = dataset.get();
        Codec codec = space.getCodec();
        float[] codes = space.getCodes();
        if (pair == null || codec == null || codes == null) {
            return;
        }
        submit(() -> {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                double acc = knn(codec, codes, pair, pool);
                float[] errors = ReconstructionError.evaluate(codec, pair.test(), pool).perImage();
                Platform.runLater(() -> {
                    pcaKnn.set(acc);
                    pcaErrors.set(errors);
                    if (space.getDisplay() == pair.test()) {
                        space.setErrors(errors);
                    }
                });
            }
        });
    }

    private static double knn(Codec codec, float[] testCodes, DatasetPair pair, ComputePool pool) {
        float[] train = Encoding.encode(codec, pair.train(), pool);
        return new KnnClassifier(train, KnnClassifier.labels(pair.train()), codec.latentSize(), 5)
                .accuracy(testCodes, KnnClassifier.labels(pair.test()), pool);
    }

    /**
     * Re-measures the 5-NN accuracy of the current autoencoder's codes in the background: at once when it is
     * paused, every {@value #KNN_INTERVAL_MS} ms on one thread while it trains (its test error comes from
     * {@link TestErrorMonitor}, which the comparison asks for while it is shown). Cheap to call every frame.
     */
    public void refreshAutoencoder() {
        Snapshot s = snapshot.get();
        DatasetPair pair = dataset.get();
        if (worker.isShutdown() || s == null || pair == null || s.model().inputSize() != pair.test().dimension()) {
            return;
        }
        long now = System.nanoTime();
        boolean running = this.running.get();
        int threads = running ? 1 : ComputePool.defaultThreads();
        Codec ae = s.model();
        if (ae != aeKnnFor && (!running || now - lastKnn > KNN_INTERVAL_MS * 1_000_000L)
                && knnBusy.compareAndSet(false, true)) {
            aeKnnFor = ae;
            lastKnn = now;
            submit(() -> {
                try (ComputePool pool = new ComputePool(threads)) {
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

    private static final long KNN_INTERVAL_MS = 8000;
    private long lastKnn = System.nanoTime() - 60_000_000_000L;
    private Codec aeKnnFor;

    /** Adds a saved autoencoder to the error chart (its test error at its k), in the background. */
    public void addModel(Path file) {
        DatasetPair pair = dataset.get();
        if (pair == null) {
            return;
        }
        submit(() -> {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                Codec c = ModelFile.load(file).codec();
                double se = ReconstructionError.evaluate(c, pair.test(), pool).squaredError();
                ModelPoint p = new ModelPoint(file.getFileName().toString(), c.latentSize(), se);
                Platform.runLater(() -> savedModels.add(p));
            } catch (Exception e) {
                Platform.runLater(() -> status.set("Could not add " + file.getFileName() + ": "
                        + Messages.describe(e)));
            }
        });
    }

    /**
     * Records the principal angles between a linear autoencoder's decoder and PCA's subspace of the same k (call
     * with each new snapshot; ignored for non-linear networks).
     */
    public void recordAngles(Snapshot s) {
        PcaModel m = model.get();
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

    /** The sections a lesson file stores to skip the fit next time (null before a fit). */
    public java.util.Map<String, byte[]> lessonSections() {
        PcaModel m = model.get();
        return m == null ? null : ModelFile.pcaSections(m, Math.max(1, space.getLatentSize()), curve.get());
    }

    /** Forgets the fit (a new data set). */
    public void clear() {
        cancelFit();
        fittedFor = null;
        space.setDisplay(null);
        model.set(null);
        curve.set(null);
        pcaKnn.set(Double.NaN);
        aeKnn.set(Double.NaN);
        pcaErrors.set(null);
        angles.clear();
        savedModels.clear();
        aeKnnFor = null;
    }

    /** Indices of the {@code m} test images with the largest errors, worst first. */
    public static int[] worst(float[] errors, int m) {
        if (errors == null) {
            return new int[0];
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> Float.compare(errors[b], errors[a]) != 0 ? Float.compare(errors[b], errors[a])
                : Integer.compare(a, b));
        int[] out = new int[Math.min(m, idx.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx.get(i);
        }
        return out;
    }

    /** Runs work on the comparison's thread, unless the window has closed (both happen on the FX thread). */
    private void submit(Runnable work) {
        if (!worker.isShutdown()) {
            worker.execute(work);
        }
    }

    public void shutdown() {
        cancelFit();
        worker.shutdownNow();
    }
}
