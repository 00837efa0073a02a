package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** A schedule given to the trainer sets the learning rate of every step, as if it had been set by hand before each. */
class ScheduledTrainingTest {
    private static final int EPOCHS = 2;

    private static float[] byHand(LearningRateSchedule s, boolean perStep) throws InterruptedException {
        TrainingConfig c = TrainerTest.small(2).withLearningRate(0.004);
        try (Trainer t = new Trainer(c, TrainerTest.train(), null, null)) {
            int perEpoch = t.latest().batchesPerEpoch();
            for (int step = 0; step < EPOCHS * perEpoch; step++) {
                if (perStep || step % perEpoch == 0) {
                    t.setLearningRate(perStep ? s.rateAtStep(0.004, step, perEpoch, EPOCHS)
                            : s.rate(0.004, step / perEpoch, EPOCHS));
                }
                t.stepBatch();
                TrainerTest.await(t);
            }
            return t.latest().model().parameters().clone();
        }
    }

    private static float[] scheduled(LearningRateSchedule s) throws InterruptedException {
        TrainingConfig c = TrainerTest.small(2).withLearningRate(0.004);
        try (Trainer t = new Trainer(c, TrainerTest.train(), null, null)) {
            t.setSchedule(s, EPOCHS);
            for (int e = 0; e < EPOCHS; e++) {
                t.stepEpoch();
                TrainerTest.await(t);
            }
            assertEquals(0.004, t.config().learningRate(), "the configuration keeps the base rate");
            return t.latest().model().parameters().clone();
        }
    }

    @Test
    void oneCycleSetsTheRateOfEveryStep() throws InterruptedException {
        OneCycleSchedule s = new OneCycleSchedule(0.3);
        float[] expected = byHand(s, true);
        assertArrayEquals(expected, scheduled(s));
        assertFalse(Arrays.equals(expected, byHand(s, false)), "per epoch differs from per step");
    }

    @Test
    void epochSchedulesChangeTheRateWhereTheCommandLineUsedToAtEachEpoch() throws InterruptedException {
        assertArrayEquals(byHand(LearningRateSchedule.COSINE, false), scheduled(LearningRateSchedule.COSINE));
    }
}
