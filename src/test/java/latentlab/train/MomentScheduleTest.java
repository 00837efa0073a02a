package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import latentlab.data.BatchSampler;
import org.junit.jupiter.api.Test;

/** The thinning schedule and the budget of a run's history, on moments of a made-up network of 1,000 weights. */
class MomentScheduleTest {
    private static final int WEIGHTS = 1000;
    private static final long MOMENT_BYTES = 4L * WEIGHTS;
    private static final int[] ORDER = new int[10];

    private static Moment moment(long step, boolean keyframe) {
        // At step 0 the optimiser is fresh: all zeros, nothing to keep.
        Moment.OptimizerState os = !keyframe ? null : step == 0 ? new Moment.OptimizerState("adam", 0, null)
                : new Moment.OptimizerState("adam", step, new float[][] {new float[WEIGHTS], new float[WEIGHTS]});
        return new Moment(step, 0, 0, new float[WEIGHTS], new BatchSampler.State(1, 0, 0, ORDER), os);
    }

    @Test
    void candidatesAreEveryStepAtFirstThenThirtyTwoPerDoubling() {
        for (long t = 0; t < 64; t++) {
            assertTrue(MomentSchedule.isCandidate(t), "step " + t);
        }
        assertFalse(MomentSchedule.isCandidate(65));
        assertTrue(MomentSchedule.isCandidate(66));
        assertFalse(MomentSchedule.isCandidate(130));
        assertTrue(MomentSchedule.isCandidate(132));
        int perOctave = 0;
        for (long t = 4096; t < 8192; t++) {
            perOctave += MomentSchedule.isCandidate(t) ? 1 : 0;
        }
        assertEquals(32, perOctave);
    }

    /** Records every candidate step of a run and its last step (as a save does). */
    private static Timeline run(long steps, HistoryBudget budget) {
        TimelineRecorder r = new TimelineRecorder();
        r.begin(budget);
        for (long t = 0; t <= steps; t++) {
            if (MomentSchedule.isCandidate(t) || t == steps) {
                r.add(moment(t, t == 0));
            }
        }
        return r.timeline();
    }

    @Test
    void aFullHistoryStaysWithinItsBytesAndIsDenseEarlyAndSparseLate() {
        long budget = 100 * MOMENT_BYTES + 4L * ORDER.length;
        Timeline t = run(100_000, new HistoryBudget(budget, Integer.MAX_VALUE));
        assertTrue(t.bytes() <= budget, t.bytes() + " bytes");
        assertEquals(100, t.moments().size());
        List<Moment> m = t.moments();
        assertEquals(0, m.get(0).step());
        assertEquals(100_000, m.get(m.size() - 1).step(), "the newest moment is kept");
        for (int i = 0; i < 8; i++) {
            assertEquals(i, m.get(i).step(), "every step at first");
        }
        // Spread evenly in log(1 + t): dropping the moment with the smallest gap merges two gaps, so they stay
        // within a factor of about 2 to 3 of each other (once past the first steps, where the gaps are whole steps).
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 20; i < m.size() - 1; i++) {
            double gap = Math.log1p(m.get(i + 1).step()) - Math.log1p(m.get(i).step());
            min = Math.min(min, gap);
            max = Math.max(max, gap);
        }
        assertTrue(max < 3 * min, "log gaps between " + min + " and " + max);
        long lateGap = m.get(m.size() - 1).step() - m.get(m.size() - 2).step();
        assertTrue(lateGap > 1000, "late moments are sparse: " + lateGap + " steps apart");
    }

    @Test
    void aCountLimitKeepsAtMostThatManyMoments() {
        Timeline t = run(5000, new HistoryBudget(Long.MAX_VALUE, 10));
        assertEquals(10, t.moments().size());
        assertEquals(0, t.moments().get(0).step());
        assertEquals(5000, t.moments().get(9).step());
    }

    @Test
    void keyframesAreThinnedEvenlyInStepsWithinTheirShare() {
        TimelineRecorder r = new TimelineRecorder();
        // Room for 100 moments, of which the keyframe share (10 %) pays for 5 optimiser states of 2 arrays.
        HistoryBudget b = new HistoryBudget(100 * MOMENT_BYTES, Integer.MAX_VALUE);
        assertEquals(5, b.maxKeyframes(2 * MOMENT_BYTES));
        r.begin(b);
        for (long t = 0; t <= 1000; t++) {
            r.add(moment(t, t % 10 == 0));
        }
        Timeline t = r.timeline();
        List<Moment> keys = t.moments().stream().filter(Moment::keyframe).toList();
        assertEquals(6, keys.size(), "step 0 (a fresh optimiser costs nothing) and five more");
        assertEquals(0, keys.get(0).step());
        assertEquals(1000, keys.get(keys.size() - 1).step());
        // The newest keyframe stays whatever its gap; between the others the gaps are even.
        for (int i = 1; i < keys.size() - 1; i++) {
            long gap = keys.get(i).step() - keys.get(i - 1).step();
            assertTrue(gap >= 80 && gap <= 350, "keyframes " + keys.get(i - 1).step() + " and " + keys.get(i).step());
        }
        assertTrue(t.bytes() <= b.bytes(), t.bytes() + " bytes of " + b.bytes());
    }

    @Test
    void nearestAndKeyframeLookups() {
        Timeline t = new Timeline(List.of(moment(0, true), moment(4, false), moment(10, true), moment(30, false)),
                List.of(), null, null);
        assertEquals(4, t.nearest(6).step());
        assertEquals(10, t.nearest(19).step());
        assertEquals(30, t.nearest(1_000).step());
        assertEquals(0, t.nearest(-5).step());
        assertEquals(10, t.keyframeAtOrBefore(29).step());
        assertEquals(0, t.keyframeAtOrBefore(9).step());
    }
}
