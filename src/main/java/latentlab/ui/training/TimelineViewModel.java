package latentlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.eval.Procrustes;
import latentlab.nn.Autoencoder;
import latentlab.train.EpochRecord;
import latentlab.train.Moment;
import latentlab.train.Rewind;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;
import latentlab.train.TrainingState;
import latentlab.ui.session.JobRunner;

/**
 * The moment the window shows: the live run, or a kept moment of its history. {@link #shownProperty()} is the one
 * place the map, the sliders, the reconstructions, the PCA comparison and the Embeddings tools read it from: the
 * live snapshot while live, otherwise a snapshot made from the moment's weights, whose codes of the display images
 * are computed on a lane ({@code submitLatest}: while the user drags, only the newest request is worked on) and
 * handed over on the FX thread. The FX thread never waits for them; until they come the previous moment stays.
 */
public final class TimelineViewModel {
    private final ReadOnlyObjectProperty<Snapshot> live;
    private final ReadOnlyObjectProperty<Timeline> timeline;
    private final BooleanBinding scrubbable;
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final ReadOnlyObjectWrapper<Snapshot> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyBooleanWrapper isLive = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "Live");
    private final ReadOnlyStringWrapper budget = new ReadOnlyStringWrapper(this, "budget", "");
    private final BooleanProperty align = new SimpleBooleanProperty(this, "align");
    // FX thread only.
    private long request;
    private long shownStep = -1;

    public TimelineViewModel(ReadOnlyObjectProperty<Snapshot> live, ReadOnlyObjectProperty<Timeline> timeline,
                             ReadOnlyObjectProperty<DatasetPair> dataset, JobRunner.Lane lane, ComputePool pool) {
        this.live = live;
        this.timeline = timeline;
        scrubbable = Bindings.createBooleanBinding(
                () -> timeline.get() != null && timeline.get().moments().size() > 1, timeline);
        this.dataset = dataset;
        this.lane = lane;
        this.pool = pool;
        shown.set(live.get());
        live.addListener((o, was, now) -> {
            if (isLive.get() || now == null || was == null || now.model().architecture() != was.model().architecture()
                    || now.step() < was.step()) {
                // A new run (or none) ends the look back: its history is another's.
                goLive();
            }
        });
        timeline.addListener((o, was, now) -> timelineChanged(now));
        dataset.addListener(o -> goLive());
        align.addListener(o -> {
            if (!isLive.get()) {
                shownStep = -1;
                show(index.get());
            }
        });
    }

    /**
     * Whether a kept moment's map is turned onto the live run's orientation ({@link Procrustes}), so that a map that
     * rotates or flips while it trains does not jump while scrubbing. For display only: the codes shown are no
     * longer the network's own (the decoder's sliders and the backdrop still use the network's).
     */
    public BooleanProperty alignProperty() {
        return align;
    }

    /** The snapshot to show: the live one, or a kept moment's. */
    public ReadOnlyObjectProperty<Snapshot> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether the live run is shown. */
    public ReadOnlyBooleanProperty liveProperty() {
        return isLive.getReadOnlyProperty();
    }

    /** The index of the moment shown (or asked for) in the history; -1 while live. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** "Live", or the step, epoch and place of the moment shown. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** What the history holds and may hold, e.g. "100 moments · 174 MB of 200 MB". */
    public ReadOnlyStringProperty budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return timeline;
    }

    /** Whether there is anything to scrub: the run has kept two moments or more. */
    public ObservableBooleanValue scrubbableProperty() {
        return scrubbable;
    }

    public ReadOnlyObjectProperty<Snapshot> liveSnapshotProperty() {
        return live;
    }

    /** Back to the present. */
    public void goLive() {
        request++;
        shownStep = -1;
        index.set(-1);
        isLive.set(true);
        caption.set("Live");
        shown.set(live.get());
    }

    /** One moment back (from live: the newest kept moment). */
    public void previous() {
        int n = timeline.get().moments().size();
        if (n == 0) {
            return;
        }
        show(isLive.get() ? n - 1 : Math.max(0, index.get() - 1));
    }

    /** One moment on; past the newest, live. */
    public void next() {
        int n = timeline.get().moments().size();
        if (isLive.get()) {
            return;
        }
        if (index.get() + 1 >= n) {
            goLive();
        } else {
            show(index.get() + 1);
        }
    }

    /** Shows the kept moment nearest to {@code step}. */
    public void showStep(long step) {
        Timeline t = timeline.get();
        Moment m = t.nearest(step);
        if (m != null) {
            show(t.indexOf(m.step()));
        }
    }

    /**
     * Shows kept moment {@code i}: its codes are computed on the lane, and the moment replaces the one shown when
     * they are ready (unless another was asked for since). Returns at once.
     */
    public void show(int i) {
        Timeline t = timeline.get();
        Snapshot base = live.get();
        DatasetPair pair = dataset.get();
        if (i < 0 || i >= t.moments().size() || base == null || pair == null) {
            return;
        }
        Moment m = t.moments().get(i);
        isLive.set(false);
        index.set(i);
        if (m.step() == shownStep) {
            return;
        }
        shownStep = m.step();
        caption.set(String.format(Locale.ROOT, "Step %,d · epoch %.2f — moment %d of %d", m.step(),
                m.epochProgress(), i + 1, t.moments().size()));
        long r = ++request;
        boolean turn = align.get();
        lane.submitLatest(() -> {
            Autoencoder net = m.network(base.model().architecture());
            // Someone is dragging the timeline: the encoding takes the pool from training for its few tens of ms.
            float[] codes = Encoding.encodeUrgently(net, pair.test(), pool);
            int k = base.model().architecture().latentSize();
            if (turn && base.displayCodes() != null && base.displayCodes().length == codes.length) {
                codes = Procrustes.align(codes, base.displayCodes(), codes.length / k, k);
            }
            Snapshot past = past(base, m, net, codes, r);
            Platform.runLater(() -> {
                if (r == request) {
                    shown.set(past);
                }
            });
        });
    }

    private void timelineChanged(Timeline t) {
        budget.set(t.isEmpty() || t.budget() == null ? "" : String.format(Locale.ROOT,
                "history: %d moments · %.0f MB of %.0f MB", t.moments().size(), t.bytes() / 1e6,
                Math.min(t.budget().bytes(), 1e15) / 1e6));
        if (!isLive.get()) {
            // Thinning may have moved the moment shown to another index, or dropped it.
            int i = t.indexOf(shownStep);
            if (i >= 0) {
                index.set(i);
            } else {
                showStep(shownStep);
            }
        }
    }

    /** The live snapshot as it was at {@code m}: its model, codes, step and the losses up to it. */
    static Snapshot past(Snapshot base, Moment m, Autoencoder net, float[] codes, long request) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (EpochRecord e : base.epochs()) {
            if (e.step() <= m.step()) {
                epochs.add(e);
            }
        }
        var losses = Rewind.upTo(base.batchLosses(), m.step());
        double last = losses.length() == 0 ? Double.NaN : losses.value(losses.length() - 1);
        return new Snapshot(-request, net, base.config(), TrainingState.PAUSED, null, m.step(), m.epoch(),
                m.epochFraction(), base.batchesPerEpoch(), last, last, 0, codes, m.step(), losses, List.copyOf(epochs),
                Rewind.upTo(base.klLosses(), m.step()), Double.NaN);
    }
}
