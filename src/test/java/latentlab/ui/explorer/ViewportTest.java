package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The map's code <-> screen transforms, zoom, pan and fitting, without a display. */
class ViewportTest {
    private static Viewport viewport(double w, double h, double... bounds) {
        Viewport v = new Viewport();
        v.setSize(w, h);
        assertTrue(v.setBounds(bounds));
        return v;
    }

    @Test
    void theVisibleRegionSpansThePlotRectangleWithLargerCodesUpwards() {
        Viewport v = viewport(600, 400, -2, 2, 0, 10);
        assertEquals(600 - Viewport.LEFT - Viewport.RIGHT, v.plotWidth(), 1e-12);
        assertEquals(400 - Viewport.TOP - Viewport.BOTTOM, v.plotHeight(), 1e-12);
        assertEquals(v.plotLeft(), v.screenX(-2), 1e-9);
        assertEquals(v.plotRight(), v.screenX(2), 1e-9);
        assertEquals(v.plotBottom(), v.screenY(0), 1e-9, "the lowest code at the bottom");
        assertEquals(v.plotTop(), v.screenY(10), 1e-9);
        assertEquals(v.plotWidth() / 4, v.pixelsPerUnitX(), 1e-12);
        for (double c : new double[] {-1.7, 0, 0.3, 5}) {
            assertEquals(c, v.codeX(v.screenX(c)), 1e-12, "codeX inverts screenX");
            assertEquals(c, v.codeY(v.screenY(c)), 1e-12, "codeY inverts screenY");
        }
    }

    @Test
    void aWiderRightMarginNarrowsThePlotOnly() {
        Viewport v = viewport(600, 400, 0, 1, 0, 1);
        double before = v.plotWidth();
        v.setRightMargin(200);
        assertEquals(before - (200 - Viewport.RIGHT), v.plotWidth(), 1e-12);
        assertEquals(v.plotLeft(), v.screenX(0), 1e-12);
        assertEquals(600 - 200, v.screenX(1), 1e-12, "the region ends where the margin begins");
    }

    @Test
    void zoomKeepsTheCodeUnderTheCursorInPlace() {
        Viewport v = viewport(500, 300, -4, 4, -3, 3);
        double x = 200;
        double y = 100;
        double cx = v.codeX(x);
        double cy = v.codeY(y);
        v.zoom(0.5, x, y);
        assertEquals(4, v.x1() - v.x0(), 1e-12, "factor 0.5 halves the range");
        assertEquals(3, v.y1() - v.y0(), 1e-12);
        assertEquals(x, v.screenX(cx), 1e-9, "the code under the cursor stays there");
        assertEquals(y, v.screenY(cy), 1e-9);
        v.zoom(2, x, y);
        assertArrayEquals(new double[] {-4, 4, -3, 3}, v.bounds(), 1e-12, "zooming back out restores the region");
    }

    @Test
    void panningMovesTheCodeUnderThePointerWithIt() {
        Viewport v = viewport(500, 300, -4, 4, -3, 3);
        double cx = v.codeX(250);
        double cy = v.codeY(120);
        v.pan(30, -20);
        assertEquals(280, v.screenX(cx), 1e-9);
        assertEquals(100, v.screenY(cy), 1e-9);
        assertEquals(8, v.x1() - v.x0(), 1e-12, "panning keeps the size");
    }

    @Test
    void emptyOrInvertedRegionsAreRefused() {
        Viewport v = viewport(500, 300, -1, 1, -1, 1);
        assertFalse(v.setBounds(new double[] {1, 1, 0, 2}));
        assertFalse(v.setBounds(new double[] {0, 1, 3, 2}));
        assertFalse(v.setBounds(new double[] {0, 1}));
        assertFalse(v.setBounds(new double[] {0, Double.NaN, 0, 1}));
        assertArrayEquals(new double[] {-1, 1, -1, 1}, v.bounds());
    }

    @Test
    void fittingIgnoresFarOutliersAndPadsByEightPercent() {
        int n = 10_000;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i / (float) (n - 1);        // uniform on [0, 1]
            ys[i] = 10 + 2 * i / (float) (n - 1); // uniform on [10, 12]
        }
        xs[17] = 1e6f;    // one far outlier on each side: beyond the 0.2nd and 99.8th percentiles
        xs[4242] = -1e6f;
        Viewport v = viewport(500, 300, -1, 1, -1, 1);
        v.fitTo(xs, ys, n);
        double[] f = v.fit();
        assertTrue(f[1] < 2 && f[0] > -1, "the outliers are ignored: " + f[0] + " .. " + f[1]);
        assertEquals(-0.08, f[0], 0.01, "0.2nd percentile less 8% of the range");
        assertEquals(1.08, f[1], 0.01, "99.8th percentile plus 8% of the range");
        assertEquals(10 - 0.16, f[2], 0.02);
        assertEquals(12 + 0.16, f[3], 0.02);
        assertArrayEquals(new double[] {-1, 1, -1, 1}, v.bounds(), "fitting alone does not move the view");
        v.showFit();
        assertArrayEquals(f, v.bounds());
    }

    @Test
    void aConstantCoordinateStillGetsARange() {
        double[] r = Viewport.robustRange(new float[] {3, 3, 3, 3}, 4);
        assertEquals(3 - 1e-3, r[0], 1e-12);
        assertEquals(3 + 1e-3, r[1], 1e-12);
    }

    @Test
    void easingApproachesTheFitExponentiallyAndStopsWhenClose() {
        Viewport v = viewport(500, 300, 0, 10, 0, 10);
        v.fitTo(new float[] {2, 4}, new float[] {2, 4}, 2);
        double[] target = v.fit();
        double before = Math.abs(v.x0() - target[0]);
        assertTrue(v.easeTowardsFit(0.15));
        double after = Math.abs(v.x0() - target[0]);
        assertEquals(Math.exp(-1), after / before, 1e-9, "one time constant closes 1 - 1/e of the gap");
        int steps = 0;
        while (v.easeTowardsFit(0.1)) {
            steps++;
            assertTrue(steps < 1000, "the easing ends");
        }
        assertArrayEquals(target, v.bounds(), 1e-3 * 4, "it stopped close to the fit");
        assertFalse(v.easeTowardsFit(0.1), "and stays stopped");
    }

    @Test
    void ticksFallInsideTheRegionAtNiceSteps() {
        Viewport v = viewport(9 * 90 + Viewport.LEFT + Viewport.RIGHT, 400, -3.3, 7.9, 0, 1);
        double[] t = v.xTicks();
        assertTrue(t.length >= 5, "about one tick per 90 px: " + t.length);
        for (double x : t) {
            assertTrue(x >= v.x0() && x <= v.x1());
            assertEquals(Math.round(x), x, 1e-9, "whole numbers at this range: " + x);
        }
    }
}
