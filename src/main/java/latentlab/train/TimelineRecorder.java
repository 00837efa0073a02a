package latentlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import latentlab.data.BatchSampler;
import latentlab.nn.optim.Optimizer;

/**
 * Keeps a run's history while it trains (on the training thread): a moment at each candidate step
 * ({@link MomentSchedule}), keyframes spread so that replaying to any moment stays short, every change of the live
 * settings, and the budget, thinning as it goes. Publishes an immutable {@link Timeline} after every change, which
 * any thread may read. Off until {@link #start} is given a budget.
 */
final class TimelineRecorder {
    private final AtomicReference<Timeline> published = new AtomicReference<>(Timeline.NONE);
    private final List<Moment> moments = new ArrayList<>();
    private final List<SettingsChange> settings = new ArrayList<>();
    private HistoryBudget budget;
    private Lineage parent;
    private BatchSampler.State lastSampler;

    /** The newest published history (any thread). */
    Timeline timeline() {
        return published.get();
    }

    boolean isOn() {
        return budget != null;
    }

    /**
     * Starts keeping history within {@code b} (null: stop and forget it), continuing {@code earlier} (a saved run's
     * history, or null) up to the run's present, which becomes a keyframe.
     */
    void start(HistoryBudget b, Timeline earlier, TrainingRun run) {
        begin(b);
        if (b == null) {
            return;
        }
        if (earlier != null) {
            parent = earlier.parent();
            for (Moment m : earlier.moments()) {
                if (m.step() < run.step()) {
                    moments.add(m);
                    lastSampler = m.sampler();
                }
            }
            for (SettingsChange c : earlier.settings()) {
                if (c.step() <= run.step()) {
                    settings.add(c);
                }
            }
        }
        logSettings(run);
        capture(run, true);
        for (int i = 1; i < moments.size() - 1; i++) {
            compactAt(i); // a file written before compact moments keeps them all exact
        }
        thinAndPublish();
    }

    /** Forgets the history and keeps one within {@code b} from now on (null: none). */
    void begin(HistoryBudget b) {
        budget = b;
        moments.clear();
        settings.clear();
        parent = null;
        lastSampler = null;
        published.set(Timeline.NONE);
    }

    /** Keeps {@code m}, a moment after the newest, as given (exact or compact), and thins to the budget. */
    void add(Moment m) {
        moments.add(m);
        thinAndPublish();
    }

    /** Sets the parent this run branched from. */
    void setParent(Lineage p) {
        parent = p;
        if (budget != null) {
            thinAndPublish();
        } else {
            published.set(Timeline.NONE.withParent(p));
        }
    }

    /** The run started over: forget the history, keep the first moment. */
    void restarted(TrainingRun run) {
        if (budget != null) {
            start(budget, null, run);
        }
    }

    /** Before a step: notes the live settings if they changed. */
    void beforeStep(TrainingRun run) {
        if (budget != null) {
            logSettings(run);
        }
    }

    /** After a step: keeps the moment if its step is a candidate. */
    void stepped(TrainingRun run) {
        if (budget != null && MomentSchedule.isCandidate(run.step())) {
            capture(run, false);
            thinAndPublish();
        }
    }

    /** Keeps the present as the newest moment (before a save), if it is not kept already. */
    void captureNow(TrainingRun run) {
        if (budget != null && (moments.isEmpty() || moments.get(moments.size() - 1).step() != run.step())) {
            capture(run, false);
            thinAndPublish();
        }
    }

    /** The run went back to an earlier step with a fresh optimiser: the moments after it are gone. */
    void rolledBack(TrainingRun run) {
        if (budget == null) {
            return;
        }
        moments.removeIf(m -> m.step() >= run.step());
        settings.removeIf(c -> c.step() > run.step());
        lastSampler = moments.isEmpty() ? null : moments.get(moments.size() - 1).sampler();
        logSettings(run);
        capture(run, true);
        thinAndPublish();
    }

    private void logSettings(TrainingRun run) {
        TrainingConfig c = run.config();
        SettingsChange last = settings.isEmpty() ? null : settings.get(settings.size() - 1);
        if (last != null && last.matches(c)) {
            return;
        }
        if (last != null && last.step() == run.step()) {
            settings.remove(settings.size() - 1);
        }
        settings.add(SettingsChange.of(run.step(), c));
    }

    private void capture(TrainingRun run, boolean keyframe) {
        BatchSampler sampler = run.sampler();
        BatchSampler.State st = sampler.state();
        if (lastSampler != null && lastSampler.rngState() == st.rngState() && lastSampler.epoch() == st.epoch()
                && lastSampler.order().length == st.order().length) {
            // The permutation changes only when an epoch's reshuffle moves the generator: share it.
            st = new BatchSampler.State(st.rngState(), st.epoch(), st.position(), lastSampler.order());
        }
        lastSampler = st;
        boolean atEnd = sampler.atEpochEnd();
        Optimizer o = run.optimizer();
        Moment.OptimizerState os = null;
        if (o.steps() == 0) {
            os = new Moment.OptimizerState(o.name(), 0, null);
        } else if (keyframe || keyframeDue(run.step(), stateBytes(o))) {
            float[][] live = o.stateBuffers();
            float[][] copy = new float[live.length][];
            for (int i = 0; i < live.length; i++) {
                copy[i] = live[i].clone();
            }
            os = new Moment.OptimizerState(o.name(), o.steps(), copy);
        }
        Moment m = new Moment(run.step(), atEnd ? sampler.epoch() + 1 : sampler.epoch(),
                atEnd ? 0 : sampler.epochFraction(), run.network().parameters().clone(), st, os);
        if (!moments.isEmpty() && moments.get(moments.size() - 1).step() == m.step()) {
            moments.set(moments.size() - 1, m);
        } else {
            moments.add(m);
            compactAt(moments.size() - 2);
        }
    }

    /** Keeps moment {@code i} compact unless it is a keyframe, the first or the newest ({@link Timeline#compact}). */
    private void compactAt(int i) {
        if (i >= 0) {
            moments.set(i, Timeline.compact(moments, i, moments.get(i)));
        }
    }

    private static long stateBytes(Optimizer o) {
        long b = 0;
        for (float[] a : o.stateBuffers()) {
            b += 4L * a.length;
        }
        return b;
    }

    /** A keyframe is due when the steps since the last one reach 1 / maxKeyframes of the step count. */
    private boolean keyframeDue(long step, long stateBytes) {
        long last = 0;
        for (Moment m : moments) {
            if (m.keyframe()) {
                last = m.step();
            }
        }
        return (step - last) * budget.maxKeyframes(stateBytes) >= step;
    }

    private void thinAndPublish() {
        long stateBytes = 0;
        for (Moment m : moments) {
            if (m.optimizer() != null && m.optimizer().buffers() != null) {
                stateBytes = m.optimizer().bytes();
            }
        }
        int maxKeys = budget.maxKeyframes(stateBytes);
        while (paidKeyframes() > maxKeys) {
            int i = MomentSchedule.leastNeededKeyframe(moments);
            if (i < 0) {
                break;
            }
            moments.set(i, moments.get(i).withoutOptimizer());
            compactAt(i);
        }
        while (moments.size() > budget.maxMoments() || new Timeline(moments, settings, budget, parent).bytes()
                > budget.bytes()) {
            int i = MomentSchedule.leastNeeded(moments);
            if (i >= 0) {
                moments.remove(i);
                continue;
            }
            int k = MomentSchedule.leastNeededKeyframe(moments);
            if (k < 0) {
                break;
            }
            moments.set(k, moments.get(k).withoutOptimizer());
            compactAt(k);
        }
        published.set(new Timeline(moments, settings, budget, parent));
    }

    private int paidKeyframes() {
        int n = 0;
        for (Moment m : moments) {
            if (m.optimizer() != null && m.optimizer().buffers() != null) {
                n++;
            }
        }
        return n;
    }
}
