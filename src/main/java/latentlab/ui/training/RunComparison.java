package latentlab.ui.training;

import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.Procrustes;
import latentlab.nn.Autoencoder;
import latentlab.train.Checkpoint;
import latentlab.train.Moment;
import latentlab.train.Snapshot;
import latentlab.ui.session.JobRunner;

/**
 * Two runs of the tree compared: the run shown (live, or at the kept moment the timeline shows) and another run the
 * user picks. The loss chart overlays the other run's loss curve ({@link #overlayProperty()}); side by side, the
 * two runs' maps at the same step ({@link #mapsProperty()}): the other run's codes come from its kept moment
 * nearest the step shown (or its last state), computed on a lane ({@code submitLatest}) and handed over on the FX
 * thread, which never waits for them. With {@link TimelineViewModel#alignProperty()} the other map is turned onto
 * this one ({@link Procrustes}, for display only).
 */
public final class RunComparison {
    /**
     * One run's map.
     *
     * @param title what it shows, e.g. "Run 1 · step 412 (kept moment nearest 400)"
     * @param codes the test images' codes, n x k row-major
     * @param k     the code size
     */
    public record Side(String title, float[] codes, int k) {
    }

    /** The two maps: the run shown on the left, the other on the right; the images' labels (for colours). */
    public record Pair(Side left, Side right, int[] labels) {
    }

    private final RunsViewModel runs;
    private final TimelineViewModel timeline;
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final ReadOnlyIntegerWrapper other = new ReadOnlyIntegerWrapper(this, "other", -1);
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(this, "sideBySide");
    private final ReadOnlyObjectWrapper<LossOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final ReadOnlyObjectWrapper<Pair> maps = new ReadOnlyObjectWrapper<>(this, "maps");
    // FX thread only: the request last made, and the other run's codes last computed (run id, step).
    private long request;
    private String cachedKey;
    private float[] cachedCodes;
    private DatasetPair labelled;
    private int[] labels;

    public RunComparison(RunsViewModel runs, TimelineViewModel timeline, ReadOnlyObjectProperty<DatasetPair> dataset,
                         JobRunner.Lane lane, ComputePool pool) {
        this.runs = runs;
        this.timeline = timeline;
        this.dataset = dataset;
        this.lane = lane;
        this.pool = pool;
        runs.runs().addListener((javafx.collections.ListChangeListener<RunsViewModel.Run>) c -> refresh());
        runs.activeProperty().addListener(o -> refresh());
        other.addListener(o -> refresh());
        sideBySide.addListener(o -> refresh());
        timeline.shownProperty().addListener(o -> refreshMaps());
        timeline.alignProperty().addListener(o -> refreshMaps());
        dataset.addListener(o -> {
            cachedKey = null;
            cachedCodes = null;
            other.set(-1);
        });
    }

    /** The id of the run compared with, or -1 for none. */
    public ReadOnlyIntegerProperty otherProperty() {
        return other.getReadOnlyProperty();
    }

    /** Compares with the run of id {@code id} (-1, the live run's own or an unknown id: no comparison). */
    public void compareWith(int id) {
        other.set(id);
    }

    /** Whether the map shows the two runs side by side. */
    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    /** The other run's loss curve for the chart, or null. */
    public ReadOnlyObjectProperty<LossOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** The two maps side by side, or null (not asked for, no other run, or its codes not computed yet). */
    public ReadOnlyObjectProperty<Pair> mapsProperty() {
        return maps.getReadOnlyProperty();
    }

    /** The other run, or null (none picked, it is the live run, or it is gone). */
    RunsViewModel.Run otherRun() {
        int a = runs.activeProperty().get();
        for (int i = 0; i < runs.runs().size(); i++) {
            RunsViewModel.Run r = runs.runs().get(i);
            if (r.id() == other.get()) {
                return i == a || r.end() == null ? null : r;
            }
        }
        return null;
    }

    private String liveName() {
        int a = runs.activeProperty().get();
        return a < 0 || a >= runs.runs().size() ? "this run" : runs.runs().get(a).name();
    }

    private void refresh() {
        RunsViewModel.Run o = otherRun();
        DatasetPair pair = dataset.get();
        if (o == null || pair == null) {
            overlay.set(null);
        } else {
            int perEpoch = (pair.train().size() + o.end().config().batchSize() - 1) / o.end().config().batchSize();
            overlay.set(new LossOverlay(liveName(), o.name(), o.end().batchLosses(), perEpoch));
        }
        refreshMaps();
    }

    /** Asks for the two maps at the step shown; returns at once. */
    private void refreshMaps() {
        RunsViewModel.Run o = otherRun();
        Snapshot shown = timeline.shownProperty().get();
        DatasetPair pair = dataset.get();
        long r = ++request;
        if (!sideBySide.get() || o == null || shown == null || pair == null || shown.displayCodes() == null) {
            maps.set(null);
            return;
        }
        int k = shown.model().architecture().latentSize();
        long step = shown.codesStep();
        Side left = new Side(String.format(Locale.ROOT, "%s · step %,d%s", liveName(), step,
                timeline.liveProperty().get() ? " (live)" : ""), shown.displayCodes(), k);
        Target t = nearest(o, step);
        boolean align = timeline.alignProperty().get();
        String key = o.id() + "@" + t.step();
        float[] known = key.equals(cachedKey) ? cachedCodes : null;
        String title = String.format(Locale.ROOT, "%s · step %,d%s", o.name(), t.step(), t.step() == step ? ""
                : String.format(Locale.ROOT, " (kept moment nearest %,d)", step));
        if (o.end().architecture().latentSize() != k) {
            maps.set(null);
            return;
        }
        lane.submitLatest(() -> {
            float[] codes = known;
            if (codes == null) {
                Autoencoder net = Autoencoder.withParameters(o.end().architecture(), t.weights());
                codes = Encoding.encode(net, pair.test(), pool);
            }
            float[] computed = codes;
            float[] shownCodes = align && left.codes().length == codes.length
                    ? Procrustes.align(codes, left.codes(), codes.length / k, k) : codes;
            Platform.runLater(() -> {
                cachedKey = key;
                cachedCodes = computed;
                if (r == request) {
                    maps.set(new Pair(left, new Side(title + (align ? " · aligned" : ""), shownCodes, k),
                            labels(pair)));
                }
            });
        });
    }

    /** The test images' labels, read once per data set. */
    private int[] labels(DatasetPair pair) {
        if (pair != labelled) {
            labels = new int[pair.test().size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = pair.test().label(i);
            }
            labelled = pair;
        }
        return labels;
    }

    /** A step of the other run and its weights. */
    private record Target(long step, float[] weights) {
    }

    /** The other run's kept moment nearest {@code step}, or its last state when that is nearer (or all it has). */
    static Target nearest(RunsViewModel.Run run, long step) {
        Checkpoint end = run.end();
        Moment m = run.timeline().nearest(step);
        if (m == null || Math.abs(end.step() - step) < Math.abs(m.step() - step)) {
            return new Target(end.step(), end.parameters());
        }
        return new Target(m.step(), m.weights());
    }
}
