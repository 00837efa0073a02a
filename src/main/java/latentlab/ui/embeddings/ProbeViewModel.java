package latentlab.ui.embeddings;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetPair;
import latentlab.embed.Probe;
import latentlab.io.Messages;
import latentlab.nn.Codec;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.common.Changes;
import latentlab.ui.comparison.ComparisonViewModel;

/**
 * "Codes as features" in the window: the notes' "replace the decoder by a supervised network trained on a smaller
 * labelled set", run as a {@link Probe} on the newest training snapshot. Logistic regression is trained on the codes
 * of only N labelled training images and tested on the whole test set, next to the same classifier on the raw pixels
 * and on PCA codes of the same size k (PCA from the {@link ComparisonViewModel}, fitted first if it is not yet).
 *
 * <p>Runs one probe at a time on its own thread with its own {@link ComputePool} (the trainer's pool serialises its
 * callers, so sharing it would stall training), with progress and cancellation. Results are kept as {@link Row}s,
 * newest first; each row remembers the model it measured, so rows of an earlier model can be told apart.
 */
public final class ProbeViewModel {
    /** The choice "all labelled training images". */
    public static final int ALL = Integer.MAX_VALUE;
    /** The numbers of labelled images offered: 10 (one per digit), 100, 1,000 and all. */
    public static final List<Integer> CHOICES = List.of(10, 100, 1000, ALL);

    /**
     * One probe's outcome.
     *
     * @param labelled       N, the labelled training images used (the training set's size for "all")
     * @param all            whether N was "all"
     * @param codeSize       k, the size of the codes (and of PCA's)
     * @param codesAccuracy  test accuracy of logistic regression on the model's codes
     * @param pixelsAccuracy test accuracy on raw pixels
     * @param pcaAccuracy    test accuracy on PCA codes of size k
     * @param seconds        wall time of the run
     * @param seed           seed of the choice of labelled images
     * @param model          the model's {@link Codec#describe()}
     * @param step           the training step of the snapshot that was probed
     * @param dataset        the data set's name
     */
    public record Row(int labelled, boolean all, int codeSize, double codesAccuracy, double pixelsAccuracy,
                      double pcaAccuracy, double seconds, long seed, String model, long step, String dataset) {
        /** The largest of the three accuracies. */
        public double best() {
            return Math.max(codesAccuracy, Math.max(pixelsAccuracy, pcaAccuracy));
        }
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ComparisonViewModel comparison;
    private final ObjectProperty<Integer> labelled = new SimpleObjectProperty<>(this, "labelled", 100);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose how many training images keep their labels, then Run.");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Row> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final ReadOnlyStringWrapper currentModel = new ReadOnlyStringWrapper(this, "currentModel", "");
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latentlab-probe");
        t.setDaemon(true);
        return t;
    });
    private ProbeTask task;
    private PcaWait waiting;

    // Owned by the worker thread: the pool, and the probe of the last model (it caches the test set's codes).
    private ComputePool pool;
    private Probe probe;
    private Codec probedModel;
    private PcaModel probedPca;
    private DatasetPair probedPair;

    /**
     * @param dataset    the open data set (the probe trains on labelled training images, scores on the test set)
     * @param snapshot   the autoencoder whose codes are the features
     * @param comparison the PCA fit, for PCA's codes as features
     */
    public ProbeViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                          ComparisonViewModel comparison) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.comparison = Objects.requireNonNull(comparison, "comparison");
        Changes.onAny(this::followModel, snapshot, dataset);
        followModel();
    }

    /** How "all" and a number of labelled images read: "all", "10", "1,000". */
    public static String describe(int labelled) {
        return labelled == ALL ? "all" : String.format("%,d", labelled);
    }

    /** N, the number of training images that keep their labels: one of {@link #CHOICES} ({@link #ALL} for all). */
    public ObjectProperty<Integer> labelledProperty() {
        return labelled;
    }

    /** Seed of the class-balanced choice of labelled images. */
    public LongProperty seedProperty() {
        return seed;
    }

    /** True from {@link #run()} until the result, a failure or {@link #cancel()} (also while PCA is fitted first). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Progress of the run in [0, 1], -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, the last result in words, or what went wrong. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Results, newest first. */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** The newest result, or null. */
    public ReadOnlyObjectProperty<Row> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Identifies the current model (its description, step and data set); changes when it trains or is replaced. */
    public ReadOnlyStringProperty currentModelProperty() {
        return currentModel.getReadOnlyProperty();
    }

    /** Whether {@code row} measured the current model (same network, step and data set). */
    public boolean isCurrent(Row row) {
        return key(row.model(), row.step(), row.dataset()).equals(currentModel.get());
    }

    /** Forgets all results. */
    public void clearResults() {
        rows.clear();
        latest.set(null);
    }

    private static String key(String model, long step, String dataset) {
        return model + " @ " + step + " on " + dataset;
    }

    private void followModel() {
        Snapshot s = snapshot.get();
        DatasetPair pair = dataset.get();
        currentModel.set(s == null || pair == null ? "" : key(s.model().describe(), s.step(), pair.name()));
    }

    /**
     * Probes the newest snapshot's model with N = {@link #labelledProperty()} labelled images. If PCA is not fitted
     * for the open data set yet, starts the fit and runs as soon as it is there. Problems end up in the status,
     * never in an exception.
     */
    public void run() {
        if (running.get()) {
            return;
        }
        DatasetPair pair = dataset.get();
        Snapshot s = snapshot.get();
        if (pair == null || s == null) {
            status.set("Nothing to probe yet: open a data set and wait for its model");
            return;
        }
        Integer choice = labelled.get();
        int n = choice == null ? 100 : choice;
        int size = pair.train().size();
        if (n != ALL && (n < 1 || n > size)) {
            status.set(String.format("The training set has %,d images: choose at most that many, or 'all'", size));
            return;
        }
        if (s.model().inputSize() != pair.train().dimension()) {
            status.set(String.format("The model reads %d pixels but %s's images have %d: train a model for this "
                    + "data set first", s.model().inputSize(), pair.name(), pair.train().dimension()));
            return;
        }
        running.set(true);
        PcaModel pca = comparison.getModel();
        if (pca != null && pca.dimension() == pair.train().dimension()) {
            start(pair, n, seed.get());
        } else {
            waitForPca(pair, n, seed.get());
        }
    }

    /** Stops the run (or the wait for PCA); no result is added. */
    public void cancel() {
        if (waiting != null) {
            waiting.stop();
            running.set(false);
            status.set("Probe cancelled; no result");
        }
        ProbeTask t = task;
        if (t != null) {
            release(t);
            t.cancel();
            status.set("Probe cancelled; no result");
        }
    }

    /** Cancels any run and ends the probe's threads (window closing); calling it again does nothing. */
    public void shutdown() {
        if (worker.isShutdown()) {
            return;
        }
        cancel();
        worker.execute(() -> {
            if (pool != null) {
                pool.close();
            }
        });
        worker.shutdown();
    }

    private void start(DatasetPair pair, int n, long seedValue) {
        // The newest model at the moment the work starts: after a wait for PCA, that is not the one at the click.
        Snapshot s = snapshot.get();
        PcaModel pca = comparison.getModel();
        if (s == null || pca == null || pair != dataset.get()) {
            running.set(false);
            status.set("The data set changed before the probe could start; press Run again");
            return;
        }
        int count = n == ALL ? pair.train().size() : n;
        ProbeTask t = new ProbeTask(pair, s.model(), s.step(), pca, count, n == ALL, seedValue);
        task = t;
        progress.bind(t.progressProperty());
        status.bind(t.messageProperty());
        t.setOnSucceeded(e -> {
            if (release(t)) {
                Row r = t.getValue();
                rows.add(0, r);
                latest.set(r);
                status.set(String.format("%s labelled images: codes %.1f%%, pixels %.1f%%, PCA %.1f%% (%.1f s)",
                        r.all() ? String.format("All %,d", r.labelled()) : describe(r.labelled()),
                        100 * r.codesAccuracy(), 100 * r.pixelsAccuracy(), 100 * r.pcaAccuracy(), r.seconds()));
            }
        });
        t.setOnFailed(e -> {
            if (release(t)) {
                status.set("The probe failed: " + Messages.describe(t.getException()));
            }
        });
        t.setOnCancelled(e -> {
            if (release(t)) {
                status.set("Probe cancelled; no result");
            }
        });
        worker.execute(t);
    }

    /** Detaches the properties from {@code t}; false if it is not the current task any more. */
    private boolean release(ProbeTask t) {
        if (t != task) {
            return false;
        }
        progress.unbind();
        status.unbind();
        progress.set(0);
        running.set(false);
        task = null;
        return true;
    }

    private void waitForPca(DatasetPair pair, int n, long seedValue) {
        waiting = new PcaWait(comparison, pair, n, seedValue);
        comparison.ensureFitted();
        waiting.checkNow();
    }

    /** Waits for the comparison's PCA fit, then starts the probe; gives up with a message if the fit ends without. */
    private final class PcaWait {
        private final ComparisonViewModel comparison;
        private final DatasetPair pair;
        private final int n;
        private final long seedValue;
        private final ChangeListener<PcaModel> fitted = (o, was, m) -> checkNow();
        // The comparison marks the fit finished just before it publishes the model: look once both are done.
        private final ChangeListener<Boolean> ended = (o, was, now) -> Platform.runLater(this::checkNow);

        PcaWait(ComparisonViewModel comparison, DatasetPair pair, int n, long seedValue) {
            this.comparison = comparison;
            this.pair = pair;
            this.n = n;
            this.seedValue = seedValue;
            status.set("Fitting PCA first: the comparison needs PCA codes of the same size…");
            progress.bind(comparison.progressProperty());
            comparison.modelProperty().addListener(fitted);
            comparison.fittingProperty().addListener(ended);
        }

        void checkNow() {
            if (waiting != this) {
                return;
            }
            if (comparison.getModel() != null) {
                stop();
                start(pair, n, seedValue);
            } else if (!comparison.fittingProperty().get()) {
                stop();
                running.set(false);
                String why = comparison.statusProperty().get();
                status.set("PCA is needed for the comparison but was not fitted"
                        + (why == null || why.isBlank() ? "" : ": " + why));
            }
        }

        void stop() {
            comparison.modelProperty().removeListener(fitted);
            comparison.fittingProperty().removeListener(ended);
            progress.unbind();
            progress.set(0);
            waiting = null;
        }
    }

    /** One probe on the worker thread; reports progress and stops when cancelled. */
    private final class ProbeTask extends Task<Row> implements Progress {
        private final DatasetPair pair;
        private final Codec model;
        private final long step;
        private final PcaModel pca;
        private final int count;
        private final boolean all;
        private final long seedValue;

        ProbeTask(DatasetPair pair, Codec model, long step, PcaModel pca, int count, boolean all, long seedValue) {
            this.pair = pair;
            this.model = model;
            this.step = step;
            this.pca = pca;
            this.count = count;
            this.all = all;
            this.seedValue = seedValue;
            updateMessage(String.format("Probing with %s labelled images…", all ? "all" : describe(count)));
            updateProgress(-1, 1);
        }

        @Override
        protected Row call() {
            long t0 = System.nanoTime();
            if (pool == null) {
                pool = new ComputePool(ComputePool.defaultThreads());
            }
            if (probe == null || probedModel != model || probedPca != pca || probedPair != pair) {
                probe = null; // its cached test codes belong to another model
                probe = new Probe(model, pca.codec(model.latentSize()), pair.train(), pair.test(), pool);
                probedModel = model;
                probedPca = pca;
                probedPair = pair;
            }
            Probe.Result r;
            try {
                r = probe.run(count, seedValue, this);
            } catch (RuntimeException e) {
                // A run stopped while encoding the test set leaves the probe's code cache half filled.
                probe = null;
                throw e;
            }
            return new Row(r.labelled(), all, r.codeSize(), r.codesAccuracy(), r.pixelsAccuracy(), r.pcaAccuracy(),
                    (System.nanoTime() - t0) / 1e9, seedValue, model.describe(), step, pair.name());
        }

        @Override
        public void update(double done, double total, String message) {
            if (total > 0) {
                updateProgress(done, total);
            }
            if (message != null) {
                updateMessage(message + "…");
            }
        }
    }
}
