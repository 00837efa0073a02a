package latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The signed colour map of the eigen-digits. */
class DivergingScaleTest {
    private static int red(int c) {
        return (c >> 16) & 0xFF;
    }

    private static int blue(int c) {
        return c & 0xFF;
    }

    @Test
    void zeroIsPaperAndTheSignPicksTheHue() {
        DivergingScale s = new DivergingScale(0xFFFFFF, false);
        assertEquals(0xFFFFFFFF, s.colour(0, 1), "zero is the paper");
        int pos = s.colour(1, 1);
        int neg = s.colour(-1, 1);
        assertEquals(0xFFB2182B, pos, "the red end");
        assertEquals(0xFF2166AC, neg, "the blue end");
        assertTrue(red(s.colour(0.5, 1)) > blue(s.colour(0.5, 1)), "positive is reddish");
        assertTrue(blue(s.colour(-0.5, 1)) > red(s.colour(-0.5, 1)), "negative is bluish");
        assertEquals(pos, s.colour(7, 1), "clamped above");
        assertEquals(neg, s.colour(-7, 1), "clamped below");
        assertEquals(0xFFFFFFFF, s.colour(Double.NaN, 1), "NaN shows as zero, not as a colour");
        assertEquals(0xFFFFFFFF, s.colour(3, 0), "a zero range shows everything as zero");
        // Strength grows with |v|: further from the paper.
        assertTrue(red(s.colour(-0.8, 1)) < red(s.colour(-0.2, 1)));
        DivergingScale dark = new DivergingScale(0x000000, true);
        assertEquals(0xFF000000, dark.colour(0, 1), "on a dark theme zero is black");
    }

    @Test
    void renderScalesEachPixelIntoABlock() {
        DivergingScale s = new DivergingScale(0xFFFFFF, false);
        float[] v = {-2, 0, 0, 2};
        int[] out = new int[16];
        s.render(v, 0, 2, 2, 2, DivergingScale.maxAbs(v, 0, 4), out);
        assertEquals(2.0, DivergingScale.maxAbs(v, 0, 4));
        int n = s.colour(-1, 1);
        int w = 0xFFFFFFFF;
        int p = s.colour(1, 1);
        assertArrayEquals(new int[] {n, n, w, w, n, n, w, w, w, w, p, p, w, w, p, p}, out);
    }
}
