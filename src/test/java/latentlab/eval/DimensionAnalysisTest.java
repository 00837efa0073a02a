package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.morpho.Morphometric;
import latentlab.nn.Codec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The per-dimension analysis on a model whose dimensions are known by construction: a decoder that draws a pen
 * stroke whose slant is a1 and whose thickness is a2, and codes that are each image's true slant and thickness.
 */
class DimensionAnalysisTest {
    static final int SIZE = 24;
    private static final ComputePool POOL = new ComputePool(2);

    @AfterAll
    static void closePool() {
        POOL.close();
    }

    /**
     * A pen stroke 16 px long through the centre, turned {@code degrees} from upright (top to the right), {@code width}
     * wide.
     */
    static void drawStroke(float[] out, int offset, double degrees, double width) {
        double c = SIZE / 2.0;
        double half = 8;
        double a = Math.toRadians(degrees);
        // The stroke's centre line runs from (x0, y0) at the top to (x0 + dx, y0 + dy) at the bottom.
        double x0 = c + half * Math.sin(a);
        double y0 = c - half * Math.cos(a);
        double dx = -2 * half * Math.sin(a);
        double dy = 2 * half * Math.cos(a);
        double len2 = dx * dx + dy * dy;
        int sub = 4;
        for (int r = 0; r < SIZE; r++) {
            for (int col = 0; col < SIZE; col++) {
                int in = 0;
                for (int i = 0; i < sub; i++) {
                    for (int j = 0; j < sub; j++) {
                        double y = r + (i + 0.5) / sub;
                        double x = col + (j + 0.5) / sub;
                        double s = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
                        if (Math.hypot(x - x0 - s * dx, y - y0 - s * dy) <= width / 2) {
                            in++;
                        }
                    }
                }
                out[offset + r * SIZE + col] = (float) in / (sub * sub);
            }
        }
    }

    /** A "decoder" that draws the stroke of a = (slant in degrees / 10, thickness). */
    static final class StrokeCodec implements Codec {
        @Override
        public int inputSize() {
            return SIZE * SIZE;
        }

        @Override
        public int latentSize() {
            return 2;
        }

        @Override
        public String describe() {
            return "stroke drawer";
        }

        @Override
        public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
            throw new UnsupportedOperationException("the test gives the codes");
        }

        @Override
        public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
            for (int i = 0; i < n; i++) {
                drawStroke(x, xOff + i * SIZE * SIZE, 10 * a[aOff + 2 * i], a[aOff + 2 * i + 1]);
            }
        }
    }

    @Test
    void findsTheDimensionThatTracksEachFactorAndMeasuresItsTraversal() {
        int n = 600;
        Random rnd = new Random(11);
        float[] codes = new float[2 * n];
        byte[] pixels = new byte[n * SIZE * SIZE];
        byte[] labels = new byte[n];
        float[] img = new float[SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            double slant = -30 + 60 * rnd.nextDouble();
            double width = 1.5 + 3 * rnd.nextDouble();
            codes[2 * i] = (float) (slant / 10);
            codes[2 * i + 1] = (float) width;
            labels[i] = (byte) (slant > 0 ? 1 : 0);
            drawStroke(img, 0, slant, width);
            for (int p = 0; p < img.length; p++) {
                pixels[i * img.length + p] = (byte) Math.round(img[p] * 255);
            }
        }
        Dataset test = new Dataset("strokes", SIZE, SIZE, pixels, labels);
        MorphometricTable table = MorphometricTable.measure(test, POOL, Progress.NONE);
        DimensionAnalysis a = DimensionAnalysis.of(new StrokeCodec(), test, codes, table, POOL);

        assertEquals(Morphometric.SLANT, a.strongest(0, 1).get(0).property());
        assertTrue(a.rho(0, Morphometric.SLANT) > 0.98, "a1 is the slant: " + a.rho(0, Morphometric.SLANT));
        assertTrue(a.rho(1, Morphometric.THICKNESS) > 0.95, "a2 the thickness: " + a.rho(1, Morphometric.THICKNESS));
        assertTrue(Math.abs(a.rho(0, Morphometric.THICKNESS)) < 0.2, "a1 is not the thickness");
        assertTrue(Math.abs(a.rho(1, Morphometric.SLANT)) < 0.2, "a2 is not the slant");
        // The label is the slant's sign: a1 tells it (about 1 bit), a2 nothing.
        assertTrue(a.labelBits()[0] > 0.8, "a1 tells the label: " + a.labelBits()[0]);
        assertTrue(a.labelBits()[1] < 0.05, "a2 does not: " + a.labelBits()[1]);
        // Sweeping a1 turns the decoded stroke from leaning left to leaning right, at constant thickness.
        assertTrue(a.traversalStart(0, Morphometric.SLANT) < -20 && a.traversalEnd(0, Morphometric.SLANT) > 20,
                a.describe(0));
        assertEquals(a.traversalStart(0, Morphometric.THICKNESS), a.traversalEnd(0, Morphometric.THICKNESS), 0.5);
        assertTrue(a.traversalEnd(1, Morphometric.THICKNESS) - a.traversalStart(1, Morphometric.THICKNESS) > 2,
                a.describe(1));
        assertTrue(a.describe(0).startsWith("a1: slant −"), a.describe(0));
        assertEquals(DimensionAnalysis.STEPS, a.traversal().steps());
        assertTrue(DisentanglementScore.gap(a, Morphometric.SLANT) > 0.8);
        assertTrue(DisentanglementScore.gap(a, Morphometric.THICKNESS) > 0.75);
    }
}
