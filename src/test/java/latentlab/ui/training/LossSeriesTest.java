package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import latentlab.train.EpochRecord;
import latentlab.train.LossTrace;
import latentlab.train.Snapshot;
import latentlab.train.TrainingState;
import org.junit.jupiter.api.Test;

/** The loss chart's numbers, computed apart from its drawing: column means, the smoothed line, ranges, epochs, KL. */
class LossSeriesTest {
    /** A snapshot at {@code step} with these batch losses (steps 1, 2, ...), 10 batches per epoch. */
    private static Snapshot snapshot(long step, float[] losses, float[] kl, List<EpochRecord> epochs) {
        long[] steps = new long[losses.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
        }
        return new Snapshot(1, null, null, TrainingState.PAUSED, null, step, epochs.size(), 0, 10, Double.NaN,
                Double.NaN, 0, null, -1, LossTrace.View.of(steps, losses), epochs,
                kl == null ? LossTrace.View.empty() : LossTrace.View.of(steps, kl), Double.NaN);
    }

    @Test
    void noLossesNoSeries() {
        assertNull(LossSeries.of(null, 100));
        assertNull(LossSeries.of(snapshot(0, new float[0], null, List.of()), 100));
    }

    @Test
    void batchesAreAveragedPerColumnAndSmoothed() {
        // 20 batches over 2 epochs on 11 columns: column c holds the batches whose step s has (s/10)/2 * 10 in c.
        float[] losses = new float[20];
        for (int i = 0; i < 20; i++) {
            losses[i] = 100 - i;
        }
        LossSeries s = LossSeries.of(snapshot(20, losses, null, List.of()), 11);
        assertEquals(0, s.xMin(), 1e-12, "from before the first batch");
        assertEquals(2, s.xMax(), 1e-12, "to the current step, in epochs");
        assertEquals(11, s.columns());
        // Batch i+1 lands in column (int) ((i + 1) / 20.0 * 10).
        double[] expected = new double[11];
        int[] count = new int[11];
        for (int i = 0; i < 20; i++) {
            int c = (int) ((i + 1) / 20.0 * 10);
            expected[c] += losses[i];
            count[c]++;
        }
        for (int c = 0; c < 11; c++) {
            expected[c] /= count[c];
        }
        assertArrayEquals(expected, s.batchMean(), 1e-9);
        assertArrayEquals(LossSeries.smoothed(expected), s.smoothed(), 1e-12);
        double lo = expected[10];
        double hi = expected[0];
        double pad = (hi - lo) * 0.08;
        assertEquals(lo - pad, s.low(), 1e-9);
        assertEquals(hi + pad, s.high(), 1e-9);
        assertFalse(s.hasKl());
    }

    @Test
    void theSteepStartIsLeftOutOfTheTopAndEpochsAndNonFiniteLossesAreHandled() {
        // 200 columns, 400 batches: the first ten columns (a twentieth) may be far above the rest.
        float[] losses = new float[400];
        for (int i = 0; i < 400; i++) {
            losses[i] = i < 20 ? 1000 : 50;
        }
        losses[300] = Float.NaN;
        EpochRecord epoch = new EpochRecord(1, 200, 60, 55, 30, 1, 100, Double.NaN);
        EpochRecord diverged = new EpochRecord(2, 400, 60, Double.POSITIVE_INFINITY, 30, 1, 100, Double.NaN);
        LossSeries s = LossSeries.of(snapshot(400, losses, null, List.of(epoch, diverged)), 200);
        assertEquals(1000, s.batchMean()[0], 1e-9, "still drawn");
        assertEquals(55 + 5 * 0.08, s.high(), 1e-9, "the top is the test loss, not the first batches");
        assertEquals(50 - 5 * 0.08, s.low(), 1e-9);
        assertArrayEquals(new double[] {20}, s.epochAt(), 1e-12, "the finite test loss only, in epochs");
        assertArrayEquals(new double[] {55}, s.testLoss(), 1e-12);
        for (double v : s.batchMean()) {
            assertTrue(Double.isNaN(v) || Double.isFinite(v));
        }
    }

    @Test
    void aVaesKlTermGetsItsOwnAxisFromZero() {
        float[] losses = {10, 9, 8, 7};
        float[] kl = {1, 2, 3, 4};
        LossSeries s = LossSeries.of(snapshot(4, losses, kl, List.of()), 4);
        assertTrue(s.hasKl());
        assertEquals(4 * 1.1, s.klHigh(), 1e-9, "10% above the largest column mean");
        assertEquals(4, s.klMean().length);
    }

    @Test
    void theSmoothedLineFollowsASteepDropWithoutLagging() {
        // A loss that falls steeply and then levels off, as in the first epoch: m_c = 100 + 400 e^(-c / 10).
        double[] m = new double[200];
        for (int c = 0; c < m.length; c++) {
            m[c] = 100 + 400 * Math.exp(-c / 10.0);
        }
        double[] s = LossSeries.smoothed(m);
        double num = 0;
        double den = 0;
        for (int j = 88; j <= 112; j++) {
            double w = Math.exp(-(j - 100) * (j - 100) / 32.0);
            num += w * m[j];
            den += w;
        }
        assertEquals(num / den, s[100], 1e-9, "s_c = sum w_j m_j / sum w_j, w_j = exp(-(j - c)^2 / 32), |j - c| <= 12");
        // The exponential average it replaces, s_c = s_(c-1) + 0.08 (m_c - s_(c-1)), lagged far above the loss.
        double ema = m[0];
        double worstEma = 0;
        double worst = 0;
        for (int c = 1; c < 60; c++) {
            ema += 0.08 * (m[c] - ema);
            worstEma = Math.max(worstEma, Math.abs(ema - m[c]));
            worst = Math.max(worst, Math.abs(s[c] - m[c]));
        }
        assertTrue(worst < worstEma / 4, "at most " + worst + " from the loss, against " + worstEma);
        m[50] = Double.NaN; // a column without a batch
        assertTrue(Double.isNaN(LossSeries.smoothed(m)[50]));
        assertTrue(Double.isFinite(LossSeries.smoothed(m)[51]));
    }
    @Test
    void anotherRunsLossesShareTheAxes() {
        // This run: 20 batches of 10 a epoch (2 epochs). The other: 60 batches of 20 a epoch (3 epochs), lower.
        float[] losses = new float[20];
        java.util.Arrays.fill(losses, 50);
        long[] steps = new long[60];
        float[] other = new float[60];
        for (int i = 0; i < 60; i++) {
            steps[i] = i + 1;
            other[i] = 10;
        }
        LossSeries s = LossSeries.of(snapshot(20, losses, null, List.of()), 31,
                new LossOverlay("Run 2", "Run 1", LossTrace.View.of(steps, other), 20));
        assertEquals(3, s.xMax(), 1e-12, "the x axis spans the longer run, in each run's own epochs");
        assertEquals(31, s.other().length);
        assertEquals(10, s.other()[30], 1e-9, "the other run's line reaches the end");
        assertTrue(s.low() < 10 && s.high() > 50, "both lines fit the loss axis: " + s.low() + ".." + s.high());
        assertNull(LossSeries.of(snapshot(20, losses, null, List.of()), 31).other(), "no other run, no line");
    }
}
