package latentlab.ui.training;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.eval.ReconstructionError;
import latentlab.nn.Codec;
import latentlab.train.Snapshot;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.session.JobRunner;

/**
 * Measures the current autoencoder's squared reconstruction error on the test images, in the background and only
 * while some view wants it (the PCA comparison, a map coloured by error, the worst-reconstructed list): the mean
 * per image, each image's error (also handed to the autoencoder's latent space, for colouring), and the history of
 * the mean over the current run.
 *
 * <p>Measurements run one at a time on a lane of the window's job runner, with the window's one compute pool. While
 * training runs, a measurement starts after five times as long as the last one took (at least every
 * {@value #MIN_INTERVAL_MS} ms), so it takes a small share of the cores from training; a new run is measured at once.
 */
public final class TestErrorMonitor {
    /** The test squared error per image at a training step. */
    public record ErrorPoint(long step, double error) {
    }

    private static final long MIN_INTERVAL_MS = 400;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ReadOnlyBooleanProperty running;
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final LatentSpaceModel space;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final Set<Object> clients = new HashSet<>();
    private final ReadOnlyDoubleWrapper meanError = new ReadOnlyDoubleWrapper(this, "meanError", Double.NaN);
    private final ReadOnlyObjectWrapper<float[]> perImage = new ReadOnlyObjectWrapper<>(this, "perImage");
    private final ObservableList<ErrorPoint> history = FXCollections.observableArrayList();
    private final AtomicBoolean busy = new AtomicBoolean();
    private String historyOf = "";
    private Snapshot measured;
    private volatile long interval = MIN_INTERVAL_MS * 1_000_000L;
    private long last = System.nanoTime() - 60_000_000_000L;

    /**
     * @param snapshot the training snapshot of the network to measure
     * @param running  whether training runs
     * @param dataset  the open data set, whose test images are measured
     * @param space    the autoencoder's latent space: says whether a view colours by error, and gets the errors
     * @param lane     where the measurements run, one at a time
     * @param pool     the window's compute pool
     */
    public TestErrorMonitor(ReadOnlyObjectProperty<Snapshot> snapshot, ReadOnlyBooleanProperty running,
                            ReadOnlyObjectProperty<DatasetPair> dataset, LatentSpaceModel space, JobRunner.Lane lane,
                            ComputePool pool) {
        this.snapshot = snapshot;
        this.running = running;
        this.dataset = dataset;
        this.space = space;
        this.lane = lane;
        this.pool = pool;
    }

    /** Registers ({@code on}) or removes a view that needs the measurements. */
    public void want(Object client, boolean on) {
        if (on) {
            clients.add(client);
        } else {
            clients.remove(client);
        }
    }

    /** Whether any view needs the measurements. */
    public boolean wanted() {
        return !clients.isEmpty() || space.errorsWantedProperty().get();
    }

    /** Mean squared error per test image of a recent snapshot, NaN until measured. */
    public ReadOnlyDoubleProperty meanErrorProperty() {
        return meanError.getReadOnlyProperty();
    }

    /** Each test image's squared error, null until measured. */
    public ReadOnlyObjectProperty<float[]> perImageProperty() {
        return perImage.getReadOnlyProperty();
    }

    /** The mean error over the current run (cleared when another network starts or the run is reset). */
    public ObservableList<ErrorPoint> history() {
        return history;
    }

    /** Called every frame on the FX thread: starts a measurement when one is wanted and due. */
    public void poll() {
        if (!wanted() || lane.isShutdown()) {
            return;
        }
        Snapshot s = snapshot.get();
        DatasetPair pair = dataset.get();
        if (s == null || pair == null || s.model().inputSize() != pair.test().dimension() || s == measured) {
            return;
        }
        long now = System.nanoTime();
        Codec ae = s.model();
        boolean newRun = !ae.describe().equals(historyOf) || (measured != null && s.step() < measured.step());
        if ((running.get() && !newRun && now - last <= interval) || !busy.compareAndSet(false, true)) {
            return;
        }
        measured = s;
        last = now;
        lane.execute(() -> {
            long t0 = System.nanoTime();
            try {
                ReconstructionError.Result r = ReconstructionError.evaluate(ae, pair.test(), pool);
                interval = Math.max(MIN_INTERVAL_MS * 1_000_000L, 5 * (System.nanoTime() - t0));
                Platform.runLater(() -> {
                    if (dataset.get() == pair) {
                        meanError.set(r.squaredError());
                        perImage.set(r.perImage());
                        if (space.getDisplay() == pair.test()) {
                            space.setErrors(r.perImage());
                        }
                        record(s, ae, r.squaredError());
                    }
                });
            } finally {
                busy.set(false);
            }
        });
    }

    private void record(Snapshot s, Codec ae, double error) {
        String run = ae.describe();
        if (!run.equals(historyOf) || (!history.isEmpty() && history.get(history.size() - 1).step() > s.step())) {
            history.clear();
            historyOf = run;
        }
        if (history.isEmpty() || history.get(history.size() - 1).step() < s.step()) {
            history.add(new ErrorPoint(s.step(), error));
        }
    }

    /** Forgets everything (another data set). */
    public void clear() {
        meanError.set(Double.NaN);
        perImage.set(null);
        history.clear();
        historyOf = "";
        measured = null;
    }
}
