package latentlab.train;

import java.util.List;

/**
 * When a history keeps a moment, and which it lets go when it is over its budget.
 *
 * <p><b>Candidates.</b> Step t is a candidate when t is a multiple of g(t) = 2^floor(log2(max(1, t / 32))): every
 * step up to 63, every second up to 127, every fourth up to 255, ... — 32 candidates per doubling of the step count,
 * so copying the weights costs next to nothing once training is under way.
 *
 * <p><b>Thinning.</b> Over budget, the history drops the moment whose removal leaves the smallest gap in log(1 + t):
 * for moments at t[i-1] < t[i] < t[i+1], the cost of dropping i is ln(1 + t[i+1]) - ln(1 + t[i-1]). The survivors
 * are spread evenly in log(1 + t): every step at first, later a fixed ratio apart (about 9 % of the step count with
 * 100 moments over 10,000 steps) — dense where a run changes fast and sparse where it settles. The first and the
 * newest moments and the keyframes are never dropped.
 *
 * <p><b>Keyframes</b> (moments that keep the optimiser's state) are thinned by the gap in t itself, t[i+1] - t[i-1],
 * since what they save — steps to replay — grows linearly with the gap; the first and newest keyframes stay.
 */
final class MomentSchedule {
    /** Candidates per doubling of the step count. */
    static final int PER_OCTAVE = 32;

    private MomentSchedule() {
    }

    /** Whether step {@code t} is a candidate moment. */
    static boolean isCandidate(long t) {
        long g = Long.highestOneBit(Math.max(1, t / PER_OCTAVE));
        return t % g == 0;
    }

    /** The index of the moment to drop first (smallest log gap, not the first, the newest or a keyframe), or -1. */
    static int leastNeeded(List<Moment> moments) {
        int best = -1;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < moments.size() - 1; i++) {
            if (moments.get(i).keyframe()) {
                continue;
            }
            double gap = Math.log1p(moments.get(i + 1).step()) - Math.log1p(moments.get(i - 1).step());
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    /**
     * The index of the keyframe whose optimiser state to drop first: the smallest gap in steps between the keyframes
     * either side of it, not the first or the newest keyframe, nor a fresh optimiser (it costs nothing); or -1.
     */
    static int leastNeededKeyframe(List<Moment> moments) {
        int[] keys = new int[moments.size()];
        int n = 0;
        for (int i = 0; i < moments.size(); i++) {
            if (moments.get(i).keyframe()) {
                keys[n++] = i;
            }
        }
        int best = -1;
        long bestGap = Long.MAX_VALUE;
        for (int j = 1; j < n - 1; j++) {
            if (moments.get(keys[j]).optimizer().buffers() == null) {
                continue;
            }
            long gap = moments.get(keys[j + 1]).step() - moments.get(keys[j - 1]).step();
            if (gap < bestGap) {
                bestGap = gap;
                best = keys[j];
            }
        }
        return best;
    }
}
