package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import latentlab.math.Rng;
import org.junit.jupiter.api.Test;

class CorruptionTest {
    static float[] filled(int n, float v) {
        float[] x = new float[n];
        Arrays.fill(x, v);
        return x;
    }

    @Test
    void maskingZeroesAboutAFractionPOfThePixels() {
        float[] x = filled(100 * 784, 0.8f);
        Corruption.masking(0.3).apply(x, 0, 100, 28, 28, new Rng(1));
        int zeros = 0;
        for (float v : x) {
            assertTrue(v == 0f || v == 0.8f, "a pixel is either kept or masked");
            zeros += v == 0 ? 1 : 0;
        }
        // 78,400 Bernoulli(0.3) draws: standard deviation 128, so 5 sigma is 640.
        assertEquals(0.3 * x.length, zeros, 640);
        float[] none = filled(50, 0.5f);
        Corruption.masking(0).apply(none, 0, 2, 5, 5, new Rng(1));
        assertArrayEquals(filled(50, 0.5f), none, 0f);
        float[] all = filled(50, 0.5f);
        Corruption.masking(1).apply(all, 0, 2, 5, 5, new Rng(1));
        assertArrayEquals(new float[50], all, 0f);
    }

    @Test
    void gaussianNoiseStaysInTheUnitIntervalAndHasTheRightSpread() {
        float[] x = filled(20_000, 0.5f);
        Corruption.gaussian(0.1).apply(x, 0, 1, 100, 200, new Rng(2));
        double sum = 0;
        double sq = 0;
        for (float v : x) {
            assertTrue(v >= 0 && v <= 1);
            sum += v - 0.5;
            sq += (v - 0.5) * (v - 0.5);
        }
        assertEquals(0, sum / x.length, 0.005);
        assertEquals(0.1, Math.sqrt(sq / x.length), 0.005);
        float[] edge = filled(1000, 1f);
        Corruption.gaussian(5).apply(edge, 0, 1, 10, 100, new Rng(3));
        for (float v : edge) {
            assertTrue(v == 0f || v == 1f || (v > 0 && v < 1));
        }
        assertTrue(min(edge) == 0f, "large noise clamps at 0");
    }

    private static float min(float[] x) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    @Test
    void occlusionBlanksOneRectangleInsideEachImage() {
        int rows = 10;
        int cols = 8;
        float[] x = filled(3 * rows * cols + 2, 1f);
        Corruption.occlusion(0.5).apply(x, 2, 3, rows, cols, new Rng(4));
        assertEquals(1f, x[0]);
        assertEquals(1f, x[1]);
        for (int i = 0; i < 3; i++) {
            int top = rows;
            int bottom = -1;
            int left = cols;
            int right = -1;
            int zeros = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (x[2 + i * rows * cols + r * cols + c] == 0) {
                        zeros++;
                        top = Math.min(top, r);
                        bottom = Math.max(bottom, r);
                        left = Math.min(left, c);
                        right = Math.max(right, c);
                    }
                }
            }
            assertEquals(5 * 4, zeros, "a 5 x 4 rectangle");
            assertEquals(5, bottom - top + 1);
            assertEquals(4, right - left + 1);
        }
    }

    @Test
    void fillIsClippedToTheImage() {
        float[] x = filled(12, 1f);
        Occlusion.fill(x, 0, 3, 4, -1, 2, 2, 10, 0.25f);
        assertArrayEquals(new float[] {1, 1, 0.25f, 0.25f, 1, 1, 1, 1, 1, 1, 1, 1}, x, 0f);
        Occlusion.fill(x, 0, 3, 4, 5, 5, 3, 3, 0f);
        assertEquals(10 + 2 * 0.25f, sum(x), 1e-6, "entirely outside: nothing changes");
        assertThrows(IllegalArgumentException.class, () -> Occlusion.fill(x, 0, 3, 4, 0, 0, -1, 2, 0f));
    }

    private static double sum(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    @Test
    void theSameSeedGivesTheSameCorruptionAndPerImageSeedsIgnoreTheSplit() {
        for (Corruption c : new Corruption[] {Corruption.masking(0.4), Corruption.gaussian(0.3),
            Corruption.occlusion(0.3)}) {
            float[] a = InterpolationTest.randomImage(9, 4 * 49);
            float[] b = a.clone();
            c.apply(a, 0, 4, 7, 7, new Rng(5));
            c.apply(b, 0, 4, 7, 7, new Rng(5));
            assertArrayEquals(a, b, 0f, c.describe());
            float[] whole = InterpolationTest.randomImage(9, 4 * 49);
            float[] split = whole.clone();
            c.applyEach(whole, 0, 4, 7, 7, 77, 100);
            c.applyEach(split, 0, 1, 7, 7, 77, 100);
            c.applyEach(split, 49, 3, 7, 7, 77, 101);
            assertArrayEquals(whole, split, 0f, c.describe() + ": image i's noise depends on its position only");
            assertFalse(Arrays.equals(whole, InterpolationTest.randomImage(9, 4 * 49)), "something changed");
        }
    }

    @Test
    void textFormsRoundTrip() {
        assertSame(Corruption.NONE, Corruption.parse("none"));
        for (String s : new String[] {"masking:0.25", "gaussian:0.1", "occlusion:0.5", "occlusion:0.25,0.75"}) {
            assertEquals(s, Corruption.parse(s).describe());
        }
        assertEquals(new MaskingNoise(0.5), Corruption.parse(" Mask:0.5 "));
        float[] x = filled(4, 0.5f);
        Corruption.NONE.apply(x, 0, 1, 2, 2, new Rng(1));
        Corruption.NONE.applyEach(x, 0, 1, 2, 2, 1, 0);
        assertArrayEquals(filled(4, 0.5f), x, 0f);
    }

    @Test
    void badSettingsAreNamed() {
        assertMessage(() -> Corruption.masking(1.5), "masking probability must be between 0 and 1");
        assertMessage(() -> Corruption.gaussian(-1), "standard deviation must be a finite number >= 0");
        assertMessage(() -> Corruption.occlusion(Double.NaN), "occlusion height fraction");
        assertMessage(() -> Corruption.parse("blur:3"), "unknown corruption 'blur'");
        assertMessage(() -> Corruption.parse("masking"), "write none, masking:P");
        assertMessage(() -> Corruption.parse("masking:x"), "'x' is not a number");
        assertMessage(() -> Corruption.parse("gaussian:0.1,0.2"), "takes 1 number, got 2");
    }

    private static void assertMessage(Runnable r, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
