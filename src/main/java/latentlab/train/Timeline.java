package latentlab.train;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A run's kept history, as published by the training thread (immutable): the moments from the oldest to the newest,
 * every change of the live settings, the budget it is kept within, and where the run branched from.
 *
 * @param moments  kept moments, by step
 * @param settings every change of the live settings, by step (the first is the run's start)
 * @param budget   what the history may hold, or null when none is kept
 * @param parent   the run this one branched from, or null
 */
public record Timeline(List<Moment> moments, List<SettingsChange> settings, HistoryBudget budget, Lineage parent) {
    /** No history. */
    public static final Timeline NONE = new Timeline(List.of(), List.of(), null, null);

    public Timeline {
        moments = List.copyOf(moments);
        settings = List.copyOf(settings);
    }

    public boolean isEmpty() {
        return moments.isEmpty();
    }

    /**
     * Bytes the history holds: weights (exact or compact), optimiser states, and each distinct batch order and each
     * compact moments' base once.
     */
    public long bytes() {
        long b = 0;
        Set<int[]> orders = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<float[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Moment m : moments) {
            if (m.stored() instanceof MomentWeights.Exact e) {
                b += arrays.add(e.weights()) ? e.bytes() : 0;
            } else {
                MomentWeights.Compact c = (MomentWeights.Compact) m.stored();
                b += c.bytes() + (arrays.add(c.base()) ? 4L * c.base().length : 0);
            }
            if (m.optimizer() != null) {
                b += m.optimizer().bytes();
            }
            if (m.sampler() != null && orders.add(m.sampler().order())) {
                b += 4L * m.sampler().order().length;
            }
        }
        return b;
    }

    /** How many moments are keyframes. */
    public int keyframes() {
        return (int) moments.stream().filter(Moment::keyframe).count();
    }

    /** The kept moment nearest to {@code step} (the earlier of two equally near); null if there is none. */
    public Moment nearest(long step) {
        Moment best = null;
        for (Moment m : moments) {
            if (best == null || Math.abs(m.step() - step) < Math.abs(best.step() - step)) {
                best = m;
            }
        }
        return best;
    }

    /** The kept moments with {@code from <= step <= to}, oldest first (empty when none is in the range). */
    public List<Moment> between(long from, long to) {
        return moments.stream().filter(m -> m.step() >= from && m.step() <= to).toList();
    }

    /** The index of the moment at exactly {@code step}, or -1. */
    public int indexOf(long step) {
        for (int i = 0; i < moments.size(); i++) {
            if (moments.get(i).step() == step) {
                return i;
            }
        }
        return -1;
    }

    /** The latest keyframe at or before {@code step}, or null. */
    public Moment keyframeAtOrBefore(long step) {
        Moment best = null;
        for (Moment m : moments) {
            if (m.keyframe() && m.step() <= step) {
                best = m;
            }
        }
        return best;
    }

    /** The settings in force for the step after {@code step}, or null if the history has none that early. */
    public SettingsChange settingsAt(long step) {
        SettingsChange best = null;
        for (SettingsChange c : settings) {
            if (c.step() <= step) {
                best = c;
            }
        }
        return best;
    }

    /**
     * This history thinned as the training thread thins it ({@link MomentSchedule}: first the moment whose loss
     * leaves the smallest gap in log(1 + step), then, when only keyframes are left to drop, a keyframe's optimiser
     * state) until it holds at most {@code bytes}; this one when it already does. The first and newest moments stay.
     */
    public Timeline thinnedTo(long bytes) {
        if (bytes() <= bytes) {
            return this;
        }
        List<Moment> kept = new java.util.ArrayList<>(moments);
        while (new Timeline(kept, settings, budget, parent).bytes() > bytes) {
            int i = MomentSchedule.leastNeeded(kept);
            if (i >= 0) {
                kept.remove(i);
                continue;
            }
            int k = MomentSchedule.leastNeededKeyframe(kept);
            if (k < 0) {
                break;
            }
            kept.set(k, compact(kept, k, kept.get(k).withoutOptimizer()));
        }
        return new Timeline(kept, settings, budget, parent);
    }

    /**
     * Moment {@code i} of {@code list} as it is kept there: {@code m} itself if it is a keyframe, the first or the
     * newest moment or already compact; else compact, its weights as 8-bit differences from the first moment's
     * (when those are exact).
     */
    static Moment compact(List<Moment> list, int i, Moment m) {
        if (m.keyframe() || !m.exact() || i == 0 || i == list.size() - 1 || !list.get(0).exact()) {
            return m;
        }
        return m.compacted(list.get(0).weights());
    }

    /** The same history with another parent. */
    public Timeline withParent(Lineage p) {
        return new Timeline(moments, settings, budget, p);
    }
}
