package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.math.Rng;
import org.junit.jupiter.api.Test;

/** The brush profile and the canvas: bounds, max-combining, eraser, pressure, tools. */
class DrawingCanvasTest {
    @Test
    void theProfileIsFlatInTheCoreAndFallsSmoothlyToZeroAtTheRadius() {
        Brush b = new Brush(2, 0.5);
        assertEquals(1, b.intensity(0), 0);
        assertEquals(1, b.intensity(1), 0, "core radius r (1 - s) = 1");
        assertEquals(0.5, b.intensity(1.5), 1e-12, "smoothstep is 1/2 half way");
        assertEquals(0, b.intensity(2), 0);
        assertEquals(0, b.intensity(50), 0);
        double previous = 1;
        for (double rho = 0; rho <= 2.5; rho += 0.01) {
            double v = b.intensity(rho);
            assertTrue(v >= 0 && v <= 1 && v <= previous, "monotone in [0, 1] at " + rho);
            previous = v;
        }
        // Continuous at both ends of the fall-off, with zero slope (no visible ring).
        assertEquals(1, b.intensity(1 + 1e-6), 1e-9);
        assertEquals(0, b.intensity(2 - 1e-6), 1e-9);
        Brush hard = new Brush(1.5, 0);
        assertEquals(1, hard.intensity(1.5), 0);
        assertEquals(0, hard.intensity(1.5 + 1e-9), 0);
        Brush soft = new Brush(3, 1);
        assertEquals(1, soft.intensity(0), 0);
        assertTrue(soft.intensity(0.5) < 1, "no flat core at softness 1");
    }

    @Test
    void badBrushesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Brush(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Brush(Double.NaN, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Brush(2, 1.5));
        assertTrue(e.getMessage().contains("softness must be between 0 and 1"), e.getMessage());
    }

    @Test
    void aDabIsRoundCentredAndNeverAboveOne() {
        DrawingCanvas c = new DrawingCanvas(28, 28);
        assertTrue(c.isEmpty());
        c.paint(14, 14, new Brush(3, 0.5));
        // Pixel centres at (13.5, 13.5) etc. are 0.71 from the dab centre: inside the core.
        assertEquals(1f, c.get(13, 13));
        assertEquals(1f, c.get(14, 14));
        assertEquals(c.get(13, 10), c.get(10, 13), 0f, "round");
        assertEquals(c.get(13, 10), c.get(14, 17), 0f, "symmetric about the centre");
        assertEquals(0f, c.get(13, 9), "beyond the radius");
        float[] once = c.toImage();
        for (int i = 0; i < 5; i++) {
            c.paint(14, 14, new Brush(3, 0.5));
        }
        assertArrayEquals(once, c.toImage(), 0f, "painting over the same spot changes nothing");
        for (float v : c.toImage()) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void aStrokeIsTheSameDrawnInOneGoOrInPieces() {
        Brush b = Brush.MNIST_LIKE;
        DrawingCanvas whole = new DrawingCanvas(28, 28);
        whole.stroke(5, 5, 22, 20, b);
        DrawingCanvas pieces = new DrawingCanvas(28, 28);
        for (int i = 0; i < 10; i++) {
            double t0 = i / 10.0;
            double t1 = (i + 1) / 10.0;
            pieces.stroke(5 + 17 * t0, 5 + 15 * t0, 5 + 17 * t1, 5 + 15 * t1, b);
        }
        assertArrayEquals(whole.toImage(), pieces.toImage(), 1e-5f, "no beads at the joints");
        assertEquals(1f, whole.get(5, 5), 1e-6f, "full ink on the line");
    }

    @Test
    void strokesOffTheEdgeAreClipped() {
        DrawingCanvas c = new DrawingCanvas(4, 6);
        c.stroke(-10, -10, 100, 100, new Brush(1, 0));
        c.paint(-50, 2, new Brush(2, 0.3));
        assertEquals(4, c.rows());
        assertEquals(6, c.cols());
        assertEquals(1f, c.get(0, 0));
        assertEquals(0f, c.get(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.get(4, 0));
        assertThrows(IllegalArgumentException.class, () -> c.stroke(0, 0, Double.NaN, 1, Brush.MNIST_LIKE));
        assertThrows(IllegalArgumentException.class, () -> new DrawingCanvas(0, 28));
    }

    @Test
    void pressureScalesTheInkAndTheEraserTakesItAway() {
        DrawingCanvas c = new DrawingCanvas(28, 28);
        c.stroke(4, 14, 0.25, 24, 14, 1.0, new Brush(2, 0));
        assertEquals(0.25f, c.get(13, 3), 0f, "light at the start (the nearest point is the start)");
        assertEquals(1f, c.get(13, 23), 0.02f, "full at the end");
        assertTrue(c.get(13, 14) > 0.5f && c.get(13, 14) < 0.7f, "interpolated: " + c.get(13, 14));
        c.paint(14, 14, new Brush(3, 0));
        c.erase(14, 14, new Brush(1.5, 0));
        assertEquals(0f, c.get(13, 13));
        assertEquals(1f, c.get(13, 11), "outside the eraser");
        c.erase(0, 14, 28, 14, new Brush(3, 0.5));
        for (int col = 0; col < 28; col++) {
            assertEquals(0f, c.get(13, col));
        }
        assertThrows(IllegalArgumentException.class, () -> c.stroke(1, 1, 2, 2, 2, 1, Brush.MNIST_LIKE));
    }

    @Test
    void toolsAndTheRevisionCounter() {
        DrawingCanvas c = new DrawingCanvas(28, 28);
        long r0 = c.revision();
        c.paint(100, 100, Brush.MNIST_LIKE);
        assertEquals(r0, c.revision(), "nothing painted, nothing changed");
        c.paint(14, 14, Brush.MNIST_LIKE);
        assertNotEquals(r0, c.revision());
        float[] image = c.toImage();
        image[0] = 0.5f;
        assertEquals(0f, c.get(0, 0), "toImage is a copy");
        float[] digit = InterpolationTest.randomImage(4, 784);
        digit[3] = 7f;
        digit[4] = Float.NaN;
        c.setImage(digit);
        assertEquals(1f, c.get(0, 3), "clamped");
        assertEquals(0f, c.get(0, 4), "NaN becomes background");
        c.occlude(0, 0, 28, 14);
        for (int row = 0; row < 28; row++) {
            assertEquals(0f, c.get(row, 13));
        }
        assertTrue(c.get(10, 20) > 0 || digit[10 * 28 + 20] == 0);
        c.corrupt(Corruption.masking(1), new Rng(1));
        assertTrue(c.isEmpty());
        c.paint(3, 3, Brush.MNIST_LIKE);
        assertFalse(c.isEmpty());
        c.clear();
        assertTrue(c.isEmpty());
        float[] dst = new float[790];
        c.toImage(dst, 6);
        assertThrows(IllegalArgumentException.class, () -> c.setImage(new float[783]));
    }
}
