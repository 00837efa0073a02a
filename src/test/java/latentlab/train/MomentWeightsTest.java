package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.math.Rng;
import org.junit.jupiter.api.Test;

/** Compact weights: a quarter of the bytes, every weight within the stated bound, and the exact ones recognised. */
class MomentWeightsTest {
    private static float[] gaussian(int n, double sd, long seed) {
        Rng rng = new Rng(seed);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (rng.nextGaussian() * sd);
        }
        return w;
    }

    @Test
    void theDifferenceFromTheBaseIsKeptInEightBitsWithinHalfAStep() {
        int n = 10 * MomentWeights.BLOCK + 17;
        float[] base = gaussian(n, 0.05, 1);
        float[] step = gaussian(n, 0.01, 2);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = base[i] + step[i];
        }
        MomentWeights.Compact c = MomentWeights.compact(w, base);
        assertSame(base, c.base(), "the base is shared, not copied");
        assertEquals(n + 4L * 11 + 8, c.bytes(), "a byte a weight, a scale a block and the hash");
        float[] back = c.values();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(back[i] - w[i]));
        }
        assertTrue(worst <= c.maxError(), worst + " within the bound " + c.maxError());
        // Half a step of the largest difference in a block (about 4 sd of 0.01) over 127 steps.
        assertTrue(c.maxError() < 0.05 / 127 / 2 * 1.1 && worst > c.maxError() / 4, worst + " / " + c.maxError());
        assertTrue(c.matches(w));
        w[5] = Math.nextUp(w[5]);
        assertFalse(c.matches(w), "one ulp off is not the moment's weights");
    }

    @Test
    void aBlockThatDidNotMoveIsDecodedExactly() {
        float[] base = gaussian(600, 0.1, 3);
        float[] w = base.clone();
        w[599] += 0.25f;
        float[] back = MomentWeights.compact(w, base).values();
        for (int i = 0; i < 2 * MomentWeights.BLOCK; i++) {
            assertEquals(base[i], back[i], 0.0, "weight " + i);
        }
        assertEquals(w[599], back[599], 1e-6);
    }

    @Test
    void exactWeightsAreTheArrayItself() {
        float[] w = {1, 2, 3};
        MomentWeights e = MomentWeights.exact(w);
        assertSame(w, e.values());
        assertEquals(12, e.bytes());
        assertEquals(0, e.maxError());
        assertTrue(e.matches(new float[] {1, 2, 3}));
        Moment m = new Moment(4, 0, 0, w, null, null);
        assertTrue(m.exact());
        Moment c = m.compacted(new float[] {0, 0, 0});
        assertFalse(c.exact());
        assertArrayEquals(w, c.weights(), 3 / 127f / 2);
    }
}
