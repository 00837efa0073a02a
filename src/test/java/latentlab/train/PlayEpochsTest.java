package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Playing a given number of epochs: the window's presets train a recipe's epochs and stop by themselves. */
class PlayEpochsTest {
    @Test
    void playsExactlyTheEpochsAskedForThenPausesAtTheirEnd() throws InterruptedException {
        TrainingConfig c = TrainerTest.small(2);
        float[] stepped;
        try (Trainer t = new Trainer(c, TrainerTest.train(), null, null)) {
            t.stepEpoch();
            TrainerTest.await(t);
            t.stepEpoch();
            TrainerTest.await(t);
            stepped = t.latest().model().parameters().clone();
        }
        try (Trainer t = new Trainer(c, TrainerTest.train(), null, null)) {
            t.playEpochs(2);
            TrainerTest.await(t);
            assertFalse(t.isRunning());
            Snapshot s = t.latest();
            assertEquals(2, s.epoch());
            assertEquals(2L * s.batchesPerEpoch(), s.step());
            assertArrayEquals(stepped, s.model().parameters());
            t.play();
            t.pause();
            TrainerTest.await(t);
            t.playEpochs(1);
            TrainerTest.await(t);
            assertEquals(3, t.latest().epoch(), "the limit counts from where it is given, to an epoch's end");
            assertEquals(0, t.latest().step() % t.latest().batchesPerEpoch());
        }
    }
}
