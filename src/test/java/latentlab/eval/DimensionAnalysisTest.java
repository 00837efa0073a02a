package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.morpho.Morphometric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The per-dimension analysis on a model whose dimensions are known by construction: a decoder that draws a pen
 * stroke whose slant is a1 and whose thickness is a2, and codes that are each image's true slant and thickness.
 */
class DimensionAnalysisTest {
    static final int SIZE = Strokes.SIZE;
    private static final ComputePool POOL = new ComputePool(2);

    @AfterAll
    static void closePool() {
        POOL.close();
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
            Strokes.draw(img, 0, slant, width);
            for (int p = 0; p < img.length; p++) {
                pixels[i * img.length + p] = (byte) Math.round(img[p] * 255);
            }
        }
        Dataset test = new Dataset("strokes", SIZE, SIZE, pixels, labels);
        MorphometricTable table = MorphometricTable.measure(test, POOL, Progress.NONE);
        DimensionAnalysis a = DimensionAnalysis.of(new Strokes.Codec(), test, codes, table, POOL);

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
