package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.ComputePool;
import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Continuing from a kept moment gives, bit for bit, what the original run gave (same seed, same threads), whether
 * the moment is a keyframe or has to be replayed from one.
 */
class RewindTest {
    private static final int STEPS = 90;
    private final Dataset train = TrainerTest.train();
    private final ComputePool pool = TestPool.get();

    /** A run of 90 steps (4.5 epochs of 20 batches) whose history holds 24 moments and 3 keyframes. */
    private record Run(Checkpoint end, Timeline timeline) {
    }

    private Run original(TrainingConfig config) throws InterruptedException {
        try (Trainer t = new Trainer(config, train, null, null, null, pool)) {
            t.keepHistory(new HistoryBudget(Long.MAX_VALUE, 24), null);
            steps(t, STEPS);
            return new Run(t.checkpoint(), t.timeline());
        }
    }

    private static void steps(Trainer t, long n) throws InterruptedException {
        for (long i = 0; i < n; i++) {
            t.stepBatch();
        }
        TrainerTest.await(t);
    }

    private Checkpoint continued(Run run, Moment from) throws InterruptedException {
        Checkpoint at = Rewind.checkpointAt(run.timeline(), from, run.end(), train, pool);
        assertEquals(from.step(), at.step());
        if (from.exact()) {
            assertArrayEquals(from.weights(), at.parameters(), "the replay gives the kept weights");
        } else {
            assertTrue(from.stored().matches(at.parameters()), "the replay gives the exact weights of the moment");
            float[] approx = from.weights();
            for (int i = 0; i < approx.length; i++) {
                assertEquals(at.parameters()[i], approx[i], from.stored().maxError(), "weight " + i);
            }
        }
        try (Trainer t = new Trainer(at.config(), train, null, null, at, pool)) {
            steps(t, STEPS - from.step());
            return t.checkpoint();
        }
    }

    private static void assertSameState(Checkpoint expected, Checkpoint actual) {
        assertEquals(expected.step(), actual.step());
        assertArrayEquals(expected.parameters(), actual.parameters(), "weights");
        assertEquals(expected.optimizerState().length, actual.optimizerState().length);
        for (int i = 0; i < expected.optimizerState().length; i++) {
            assertArrayEquals(expected.optimizerState()[i], actual.optimizerState()[i], "optimiser state " + i);
        }
        assertEquals(expected.sampler().epoch(), actual.sampler().epoch());
        assertEquals(expected.sampler().position(), actual.sampler().position());
        assertEquals(expected.sampler().rngState(), actual.sampler().rngState());
        assertArrayEquals(expected.sampler().order(), actual.sampler().order());
    }

    @Test
    void continuingFromAKeptMomentIsBitIdenticalToTheOriginalRun() throws InterruptedException {
        Run run = original(TrainerTest.small(2));
        Timeline tl = run.timeline();
        assertTrue(tl.moments().size() <= 24, tl.moments().size() + " moments");
        assertEquals(STEPS, tl.moments().get(tl.moments().size() - 1).step(), "the saved present is the newest");
        Moment replayed = null;
        Moment keyframe = null;
        for (Moment m : tl.moments()) {
            if (m.step() > 20 && m.step() < 80) {
                if (m.keyframe() && m.optimizer().buffers() != null && keyframe == null) {
                    keyframe = m;
                } else if (!m.keyframe() && (replayed == null || m.step() - tl.keyframeAtOrBefore(m.step()).step()
                        > replayed.step() - tl.keyframeAtOrBefore(replayed.step()).step())) {
                    replayed = m;
                }
            }
        }
        assertTrue(keyframe != null && replayed != null, "the history has a keyframe and a moment to replay: " + tl);
        assertTrue(replayed.step() - tl.keyframeAtOrBefore(replayed.step()).step() > 1, "steps are replayed");
        assertFalse(replayed.exact(), "a moment between keyframes is kept compact");
        assertSameState(run.end(), continued(run, keyframe));
        assertSameState(run.end(), continued(run, replayed));
        assertSameState(run.end(), continued(run, tl.moments().get(0)));
    }

    @Test
    void aLearningRateChangedWhileTrainingIsReplayedToo() throws InterruptedException {
        TrainingConfig config = TrainerTest.small(1);
        Checkpoint end;
        Timeline tl;
        try (Trainer t = new Trainer(config, train, null, null, null, pool)) {
            t.keepHistory(new HistoryBudget(Long.MAX_VALUE, 24), null);
            steps(t, 33);
            t.setLearningRate(3e-3);
            steps(t, STEPS - 33);
            end = t.checkpoint();
            tl = t.timeline();
        }
        assertEquals(2, tl.settings().size(), "the start and the change: " + tl.settings());
        assertEquals(33, tl.settings().get(1).step());
        // Keep only the first keyframe, so that the replay to a moment after the change starts before it.
        java.util.List<Moment> stripped = new java.util.ArrayList<>();
        for (Moment m : tl.moments()) {
            stripped.add(m.step() == 0 ? m : m.withoutOptimizer());
        }
        Timeline onlyStart = new Timeline(stripped, tl.settings(), tl.budget(), null);
        Moment late = onlyStart.nearest(70);
        assertEquals(0, onlyStart.keyframeAtOrBefore(late.step()).step());
        assertSameState(end, continued(new Run(end, onlyStart), late));
        Timeline withoutChange = new Timeline(stripped, tl.settings().subList(0, 1), tl.budget(), null);
        assertThrows(IllegalStateException.class, () -> Rewind.checkpointAt(withoutChange, late, end, train, pool),
                "without the change the replay misses the kept weights");
    }

    @Test
    void aReplayOnOtherDataIsRefused() throws InterruptedException {
        Run run = original(TrainerTest.small(2));
        Moment m = run.timeline().nearest(50);
        Dataset other = TrainerTest.test().first(300);
        // Same size would be needed for the batch order; the test set's 300 images are not the run's 1,000.
        assertThrows(IllegalArgumentException.class, () -> Rewind.checkpointAt(run.timeline(), m, run.end(), other,
                pool));
    }
}
