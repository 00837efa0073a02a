package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import latentlab.train.EpochRecord;
import latentlab.train.LossTrace;
import latentlab.train.Snapshot;
import latentlab.train.TrainingConfig;
import latentlab.train.TrainingState;
import org.junit.jupiter.api.Test;

/** The training card's texts for a snapshot. */
class TrainingReadoutTest {
    private static final TrainingConfig CONFIG = new TrainingSettings().toConfig(784);

    private static Snapshot snapshot(TrainingState state, long step, double rate, double loss, double kl,
                                     List<EpochRecord> epochs) {
        return new Snapshot(1, null, CONFIG, state, null, step, epochs.size(), 0.25, 469, loss, loss, rate, null, -1,
                LossTrace.View.empty(), epochs, LossTrace.View.empty(), kl);
    }

    @Test
    void beforeADataSetItAsksForOne() {
        assertSame(TrainingReadout.NONE, TrainingReadout.of(null));
        assertEquals("Open a data set to start", TrainingReadout.NONE.counters());
    }

    @Test
    void aFreshPausedAndRunningNetwork() {
        TrainingReadout fresh = TrainingReadout.of(snapshot(TrainingState.PAUSED, 0, 0, Double.NaN, Double.NaN,
                List.of()));
        assertEquals("Ready", fresh.state());
        assertEquals("784-256-64-2  ·  epoch 0.25  ·  step 0  ·  idle", fresh.counters());
        assertEquals("Training loss: not yet measured (cross-entropy per image)", fresh.losses());
        assertEquals(0.25, fresh.epochFraction());

        TrainingReadout running = TrainingReadout.of(snapshot(TrainingState.RUNNING, 1234, 5678.4, 101.234,
                Double.NaN, List.of()));
        assertEquals("● Running", running.state());
        assertTrue(running.running());
        assertFalse(running.diverged());
        assertEquals(String.format("784-256-64-2  ·  epoch 0.25  ·  step %,d  ·  %,.0f images/s", 1234, 5678.4),
                running.counters());
        assertEquals(String.format("Training loss %.2f (cross-entropy per image)", 101.234), running.losses());
        assertEquals("Paused", TrainingReadout.of(snapshot(TrainingState.PAUSED, 5, 0, 1, Double.NaN, List.of()))
                .state());
        TrainingReadout diverged = TrainingReadout.of(snapshot(TrainingState.DIVERGED, 5, 0, 1, Double.NaN,
                List.of()));
        assertEquals("Diverged", diverged.state());
        assertTrue(diverged.diverged());
    }

    @Test
    void aVaesKlTermAndTheLastEpochsTestWithTheElbo() {
        EpochRecord e = new EpochRecord(3, 1407, 150, 140.5, 30.25, 2, 1000, 5.5);
        TrainingReadout r = TrainingReadout.of(snapshot(TrainingState.PAUSED, 1407, 0, 145, 6.5, List.of(e)));
        assertEquals(String.format("Training loss %.2f (cross-entropy per image)%nKL term %.2f per image (β = 1.0)"
                + "%nTest after epoch 3: loss %.2f, squared error %.2f, KL %.2f, ELBO %.1f", 145.0, 6.5, 140.5, 30.25,
                5.5, -146.0), r.losses());
        assertEquals("0.001", TrainingReadout.plain(0.001));
        assertEquals("2.0", TrainingReadout.plain(2));
    }
}
