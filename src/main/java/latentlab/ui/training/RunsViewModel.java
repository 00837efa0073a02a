package latentlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.io.model.RunsSection;
import latentlab.io.model.SavedRun;
import latentlab.train.Checkpoint;
import latentlab.train.HistoryBudget;
import latentlab.train.Lineage;
import latentlab.train.Moment;
import latentlab.train.Rewind;
import latentlab.train.Timeline;
import latentlab.train.TrainingConfig;
import latentlab.ui.session.JobRunner;

/**
 * The runs of a session as a small tree: "Train from here" at a kept moment keeps the run shown as it is (its last
 * state and history) and trains a branch from the moment with the panel's settings; any run of the tree can be
 * taken up again. The exact state at the moment is rebuilt on a lane (restore the keyframe before it, replay the
 * steps between, {@link Rewind}); the FX thread never waits for it. Runs kept aside hold their history: at most
 * {@link #KEPT_HISTORIES} do, older ones keep only their last state.
 */
public final class RunsViewModel {
    /** How many runs besides the live one keep their history in memory. */
    static final int KEPT_HISTORIES = 3;

    /**
     * One run of the tree.
     *
     * @param id       1, 2, ... in the order made
     * @param parent   the run and step it branched from, or null (the first)
     * @param settings what it trains with, in short
     * @param end      its last state when kept aside, or null for the live run
     * @param timeline its history when kept aside
     */
    public record Run(int id, Lineage parent, String settings, Checkpoint end, Timeline timeline) {
        public String name() {
            return "Run " + id;
        }

        @Override
        public String toString() {
            return parent == null ? name() + " · " + settings
                    : "└ " + name() + " (" + parent.parent() + " @ step " + String.format("%,d", parent.step())
                    + ") · " + settings;
        }
    }

    private final TrainingViewModel training;
    private final TimelineViewModel timeline;
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper active = new ReadOnlyIntegerWrapper(this, "active", -1);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public RunsViewModel(TrainingViewModel training, TimelineViewModel timeline,
                         ReadOnlyObjectProperty<DatasetPair> dataset, JobRunner.Lane lane, ComputePool pool) {
        this.training = training;
        this.timeline = timeline;
        this.dataset = dataset;
        this.lane = lane;
        this.pool = pool;
        dataset.addListener(o -> forget());
        training.snapshotProperty().addListener((o, was, now) -> {
            if (now != null && runs.isEmpty()) {
                runs.add(new Run(1, null, summary(now.config()), null, Timeline.NONE));
                active.set(0);
            }
        });
    }

    /** The runs, the first at the root, each branch after the run it came from. */
    public ObservableList<Run> runs() {
        return FXCollections.unmodifiableObservableList(runs);
    }

    /** The index in {@link #runs()} of the live run. */
    public ReadOnlyIntegerProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Whether a branch or a switch is being prepared. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last branch or switch failed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A new data set or a new network: the tree starts again from the run that trains now. */
    public void forget() {
        runs.clear();
        active.set(-1);
    }

    /** Trains a branch from the kept moment shown, with the panel's settings; the run shown is kept as it is. */
    public void trainFromHere() {
        int i = timeline.indexProperty().get();
        Timeline t = timeline.timelineProperty().get();
        DatasetPair pair = dataset.get();
        int from = active.get();
        if (busy.get() || timeline.liveProperty().get() || i < 0 || i >= t.moments().size() || pair == null
                || from < 0) {
            return;
        }
        Moment m = t.moments().get(i);
        busy.set(true);
        problem.set(null);
        lane.execute(() -> {
            try {
                Checkpoint end = training.checkpoint();
                Checkpoint at = Rewind.checkpointAt(t, m, end, pair.train(), pool);
                Platform.runLater(() -> branched(from, end, t, m, at, pair));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Platform.runLater(() -> failed("interrupted"));
            } catch (RuntimeException e) {
                Platform.runLater(() -> failed(e.getMessage()));
            }
        });
    }

    private void branched(int from, Checkpoint end, Timeline t, Moment m, Checkpoint at, DatasetPair pair) {
        busy.set(false);
        if (dataset.get() != pair || active.get() != from) {
            return;
        }
        Run parent = runs.get(from);
        String why = training.branch(at, new Lineage(parent.name(), m.step()));
        if (why != null) {
            problem.set(why);
            return;
        }
        keepAside(from, end, t);
        Run child = new Run(runs.size() + 1, new Lineage(parent.name(), m.step()),
                summary(training.snapshotProperty().get().config()), null, Timeline.NONE);
        runs.add(child);
        active.set(runs.size() - 1);
        timeline.goLive();
    }

    /** Takes up run {@code index} again where it was; the run that trained is kept aside. */
    public void switchTo(int index) {
        int from = active.get();
        DatasetPair pair = dataset.get();
        if (busy.get() || index == from || index < 0 || index >= runs.size() || from < 0 || pair == null
                || runs.get(index).end() == null) {
            return;
        }
        busy.set(true);
        problem.set(null);
        lane.execute(() -> {
            try {
                Checkpoint end = training.checkpoint();
                Platform.runLater(() -> switched(from, index, end, pair));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Platform.runLater(() -> failed("interrupted"));
            }
        });
    }

    private void switched(int from, int index, Checkpoint end, DatasetPair pair) {
        busy.set(false);
        if (dataset.get() != pair || active.get() != from) {
            return;
        }
        Timeline t = timeline.timelineProperty().get();
        Run target = runs.get(index);
        String why = training.continueRun(target.end(), target.timeline());
        if (why != null) {
            problem.set(why);
            return;
        }
        keepAside(from, end, t);
        runs.set(index, new Run(target.id(), target.parent(), target.settings(), null, Timeline.NONE));
        active.set(index);
        timeline.goLive();
    }

    /**
     * Keeps run {@code i} aside with its last state and history, dropping the oldest histories beyond the limit: at
     * most {@link #KEPT_HISTORIES} of them, and together no more than the live run's own budget, so that branching
     * can at most double what histories take of the heap.
     */
    private void keepAside(int i, Checkpoint end, Timeline t) {
        Run r = runs.get(i);
        runs.set(i, new Run(r.id(), r.parent(), r.settings(), end, t));
        int kept = 0;
        long bytes = 0;
        long cap = HistoryBudget.windowDefault().bytes();
        for (int k = runs.size() - 1; k >= 0; k--) {
            Run o = runs.get(k);
            if (o.end() == null || o.timeline().isEmpty()) {
                continue;
            }
            bytes += o.timeline().bytes();
            if (++kept > KEPT_HISTORIES || bytes > cap) {
                runs.set(k, new Run(o.id(), o.parent(), o.settings(), o.end(), Timeline.NONE.withParent(
                        o.timeline().parent())));
            }
        }
    }

    /** The tree as a lesson keeps it (FX thread): the live run's id and the runs kept aside. */
    public RunsSection.Tree tree() {
        List<SavedRun> others = new ArrayList<>();
        int activeId = active.get() < 0 ? 1 : runs.get(active.get()).id();
        for (Run r : runs) {
            if (r.end() != null) {
                others.add(new SavedRun(r.id(), r.settings(), r.end(), r.timeline()));
            }
        }
        return new RunsSection.Tree(activeId, others);
    }

    /** A lesson's tree: after its live run was taken up (with its history), the runs it kept aside. */
    public void restore(Timeline current, RunsSection.Tree tree) {
        forget();
        if (tree == null) {
            // Run 1 comes with the next snapshot.
            return;
        }
        List<Run> all = new ArrayList<>();
        for (SavedRun r : tree.others()) {
            all.add(new Run(r.id(), r.parent(), r.settings(), r.end(), r.timeline()));
        }
        var live = training.snapshotProperty().get();
        all.add(new Run(tree.activeId(), current.parent(), live == null ? "" : summary(live.config()), null,
                Timeline.NONE));
        all.sort(java.util.Comparator.comparingInt(Run::id));
        runs.setAll(all);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).end() == null) {
                active.set(i);
            }
        }
    }

    private void failed(String why) {
        busy.set(false);
        problem.set("Could not go back to that moment: " + why);
    }

    private static String summary(TrainingConfig c) {
        return String.format(Locale.ROOT, "%s lr %.3g, batch %d%s%s", c.optimizer().id(), c.learningRate(),
                c.batchSize(), c.architecture().isVariational() ? String.format(Locale.ROOT, ", β %.3g", c.beta())
                        : "", c.corruption() > 0 ? String.format(Locale.ROOT, ", corruption %.2f", c.corruption()) : "");
    }
}
