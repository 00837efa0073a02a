package latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColourScaleTest {
    @Test
    void viridisHasItsPublishedEndsAndMiddle() {
        assertEquals(256, ColourScale.size());
        assertEquals(0x440154, ColourScale.viridis(0));
        assertEquals(0xfde725, ColourScale.viridis(1));
        assertEquals(0x21918c, ColourScale.viridis(0.5));
        assertEquals(0x440154, ColourScale.viridis(-3), "clamped");
        assertEquals(0xfde725, ColourScale.viridis(7), "clamped");
        assertEquals(ColourScale.NAN_COLOUR, ColourScale.viridis(Double.NaN));
        assertEquals(ColourScale.viridisEntry(255), ColourScale.viridis(1));
    }

    @Test
    void lightnessRisesMonotonically() {
        // Relative luminance (ITU-R BT.709 weights on linearised sRGB) never falls along the map, except by the
        // rounding to 8 bits per channel (entries 95 and 146 dip by 2e-4; the published floats do not).
        double previous = -1;
        for (int i = 0; i < 256; i++) {
            int c = ColourScale.viridisEntry(i);
            double y = 0.2126 * linear(c >> 16) + 0.7152 * linear((c >> 8) & 0xFF) + 0.0722 * linear(c & 0xFF);
            assertTrue(y >= previous - 5e-4, "entry " + i);
            previous = y;
        }
        assertTrue(previous > 0.7, "ends light: " + previous);
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void robustRangeIgnoresOutliersAndNonFiniteValues() {
        float[] v = new float[102];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1; // 1..100
        }
        v[100] = Float.NaN;
        v[101] = Float.POSITIVE_INFINITY;
        // Type 7: h = 99 p / 100, so p = 1 gives 1.99 and p = 99 gives 99.01.
        assertEquals(1.99, ColourScale.percentile(v, 1), 1e-9);
        assertEquals(99.01, ColourScale.percentile(v, 99), 1e-9);
        assertEquals(50.5, ColourScale.percentile(v, 50), 1e-9);
        ColourScale s = ColourScale.robust(v);
        assertEquals(1.99, s.min(), 1e-9);
        assertEquals(99.01, s.max(), 1e-9);
        assertEquals(0, s.normalise(-5), 0);
        assertEquals(1, s.normalise(1e9), 0);
        assertEquals(0.5, s.normalise(50.5), 1e-12);
        assertEquals(ColourScale.viridis(0), s.colour(1));
        assertEquals(ColourScale.viridis(1), s.colour(100));
        assertEquals(ColourScale.NAN_COLOUR, s.colour(Double.NaN));
        int[] out = new int[v.length];
        s.colours(v, out);
        assertEquals(ColourScale.NAN_COLOUR, out[100]);
        assertEquals(ColourScale.viridis(1), out[101]);
    }

    @Test
    void degenerateInputsStillGiveAScale() {
        ColourScale flat = ColourScale.robust(new float[] {3, 3, 3});
        assertEquals(2.5, flat.min(), 0);
        assertEquals(3.5, flat.max(), 0);
        assertEquals(ColourScale.viridis(0.5), flat.colour(3));
        ColourScale none = ColourScale.robust(new float[] {Float.NaN});
        assertEquals(0, none.min(), 0);
        assertEquals(1, none.max(), 0);
        assertTrue(Double.isNaN(ColourScale.percentile(new float[0], 50)));
        assertThrows(IllegalArgumentException.class, () -> new ColourScale(2, 1));
        assertThrows(IllegalArgumentException.class, () -> ColourScale.robust(new float[1], 90, 10));
    }
}
