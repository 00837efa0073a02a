package latentlab.morpho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Morphometrics of synthetic images whose answers are known. */
class MorphometricMeterTest {
    private final MorphometricMeter meter = new MorphometricMeter();

    /** A rows × cols image with a bar of {@code thickness} rows and {@code length} columns at (r0, c0). */
    static float[] bar(int rows, int cols, int r0, int c0, int thickness, int length) {
        float[] img = new float[rows * cols];
        for (int r = r0; r < r0 + thickness; r++) {
            for (int c = c0; c < c0 + length; c++) {
                img[r * cols + c] = 1;
            }
        }
        return img;
    }

    /**
     * A parallelogram: a bar {@code width} wide and {@code height} tall whose centre line x = cx + tan(θ)(cy − y)
     * leans by θ (positive: the top to the right), drawn with its exact coverage of each pixel (16 × 16 samples).
     */
    static float[] shearedBar(int size, double degrees, double width, double height) {
        float[] img = new float[size * size];
        double t = Math.tan(Math.toRadians(degrees));
        double cx = size / 2.0;
        double cy = size / 2.0;
        int sub = 16;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int in = 0;
                for (int i = 0; i < sub; i++) {
                    for (int j = 0; j < sub; j++) {
                        double y = r + (i + 0.5) / sub;
                        double x = c + (j + 0.5) / sub;
                        if (Math.abs(y - cy) <= height / 2 && Math.abs(x - cx - t * (cy - y)) <= width / 2) {
                            in++;
                        }
                    }
                }
                img[r * size + c] = (float) in / (sub * sub);
            }
        }
        return img;
    }

    @Test
    void anEmptyImageHasNoInk() {
        Morphometrics m = meter.measure(new float[28 * 28], 0, 28, 28);
        assertFalse(m.hasInk());
        assertEquals(0, m.ink());
        assertEquals(0, m.area());
        assertEquals(0, m.length());
        assertTrue(Double.isNaN(m.thickness()));
        assertTrue(Double.isNaN(m.slant()));
        assertEquals(0, m.width());
    }

    @Test
    void faintInkIsInkButNoStroke() {
        float[] img = new float[28 * 28];
        img[100] = 0.3f;
        img[101] = 0.2f;
        Morphometrics m = meter.measure(img, 0, 28, 28);
        assertFalse(m.hasInk());
        assertEquals(0.5, m.ink(), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void aBarOfKnownThickness(int thickness) {
        float[] img = bar(40, 40, 10, 5, thickness, 30);
        Morphometrics m = meter.measure(img, 0, 40, 40);
        assertEquals(thickness * 30, m.ink(), 1e-3);
        assertEquals(thickness * 30, m.area(), 1e-9, "area: pixels >= 0.5");
        assertEquals(thickness, m.thickness(), 0.3, "thickness");
        // The skeleton of a bar runs along its middle and stops about half a thickness from each end.
        assertEquals(30 - thickness, m.length(), 1.0, "length");
        assertEquals(0, m.slant(), 1e-9);
        assertEquals(0.98 * 30, m.width(), 1e-6);
        assertEquals(0.98 * thickness, m.height(), 1e-6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-30, -15, 0, 10, 25})
    void aShearedBarOfKnownSlant(double degrees) {
        Morphometrics m = meter.measure(shearedBar(64, degrees, 6, 40), 0, 64, 64);
        assertEquals(degrees, m.slant(), 0.5, "slant");
        assertEquals(6, m.thickness() / Math.cos(Math.toRadians(degrees)), 0.8, "horizontal stroke width");
        // Partly covered pixels along slanted edges widen the ink's spread by up to about a pixel.
        assertEquals(0.98 * 6 + (degrees == 0 ? 0 : 0.5), m.width(), 0.35, "width once the slant is removed");
        assertEquals(0.98 * 40, m.height(), 0.3, "height");
    }

    /** A pen stroke: every point within {@code width / 2} of the segment from (x0, y0) to (x1, y1). */
    static float[] stroke(int size, double x0, double y0, double x1, double y1, double width) {
        float[] img = new float[size * size];
        int sub = 8;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int in = 0;
                for (int i = 0; i < sub; i++) {
                    for (int j = 0; j < sub; j++) {
                        double y = r + (i + 0.5) / sub;
                        double x = c + (j + 0.5) / sub;
                        double t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
                        if (Math.hypot(x - x0 - t * dx, y - y0 - t * dy) <= width / 2) {
                            in++;
                        }
                    }
                }
                img[r * size + c] = (float) in / (sub * sub);
            }
        }
        return img;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 20, 45, 70, 90})
    void aPenStrokesLengthAndThickness(double degrees) {
        double a = Math.toRadians(degrees);
        double half = 15;
        float[] img = stroke(48, 24 - half * Math.cos(a), 24 - half * Math.sin(a), 24 + half * Math.cos(a),
                24 + half * Math.sin(a), 4);
        Morphometrics m = meter.measure(img, 0, 48, 48);
        // Thinning stops short of each rounded end by up to half the width, and a chain code (steps of 1 and √2)
        // over-counts lines between the eight directions by up to 8%.
        assertTrue(m.length() >= 2 * half - 4 && m.length() <= 1.08 * 2 * half, "length " + m.length());
        assertEquals(4, m.thickness(), 0.4, "thickness");
    }

    @Test
    void aDiagonalLineCountsRootTwoPerStep() {
        int n = 30;
        float[] img = new float[40 * 40];
        for (int i = 0; i < n; i++) {
            img[(5 + i) * 40 + 5 + i] = 1;
        }
        Morphometrics m = new MorphometricMeter(1).measure(img, 0, 40, 40);
        assertEquals((n - 1) * Math.sqrt(2), m.length(), 1e-9);
    }

    @Test
    void anyImageSizeAndOffset() {
        float[] img = new float[7 + 20 * 50];
        float[] bar = bar(20, 50, 8, 10, 3, 30);
        System.arraycopy(bar, 0, img, 7, bar.length);
        Morphometrics m = meter.measure(img, 7, 20, 50);
        assertEquals(90, m.area(), 1e-9);
        assertEquals(3, m.thickness(), 0.3);
        Morphometrics one = meter.measure(new float[] {1}, 0, 1, 1);
        assertEquals(1, one.area(), 1e-9);
        assertEquals(0, one.length(), 1e-9);
    }

    @Test
    void theSlantsSignFollowsItalicType() {
        // Top to the right: positive, like italic type.
        assertTrue(meter.measure(shearedBar(48, 20, 4, 30), 0, 48, 48).slant() > 0);
        assertTrue(meter.measure(shearedBar(48, -20, 4, 30), 0, 48, 48).slant() < 0);
    }

    @Test
    void valuesOutsideTheUnitIntervalAreClamped() {
        float[] img = bar(20, 20, 5, 5, 2, 10);
        float[] loud = img.clone();
        for (int i = 0; i < loud.length; i++) {
            loud[i] = loud[i] > 0 ? 7f : -3f;
        }
        assertEquals(meter.measure(img, 0, 20, 20), meter.measure(loud, 0, 20, 20));
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> meter.measure(new float[10], 0, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> meter.measure(new float[10], 0, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new MorphometricMeter(0));
    }
}
