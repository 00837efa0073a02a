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

    @Test
    void aPropertyUndefinedOnSomeInkedImagesIsCorrelatedOverTheOthers() {
        int strokes = 300;
        int dots = 20;
        float[] strokeCodes = new float[2 * strokes];
        Dataset s = Strokes.images(strokes, 11, strokeCodes);
        int d = SIZE * SIZE;
        byte[] pixels = new byte[(strokes + dots) * d];
        byte[] labels = new byte[strokes + dots];
        float[] codes = new float[2 * (strokes + dots)];
        float[] img = new float[d];
        for (int i = 0; i < strokes; i++) {
            s.copyImage(i, img, 0);
            for (int p = 0; p < d; p++) {
                pixels[i * d + p] = (byte) Math.round(img[p] * 255);
            }
            labels[i] = (byte) s.label(i);
        }
        System.arraycopy(strokeCodes, 0, codes, 0, strokeCodes.length);
        for (int i = strokes; i < strokes + dots; i++) {
            // A lone inked pixel: ink and area, but no stroke, so no thickness.
            pixels[i * d + (i % SIZE) * SIZE + SIZE / 2] = (byte) 255;
            codes[2 * i] = -5 + i % 7;
            codes[2 * i + 1] = i % 5;
        }
        Dataset withDots = new Dataset("strokes and dots", SIZE, SIZE, pixels, labels);
        MorphometricTable table = MorphometricTable.measure(withDots, POOL, Progress.NONE);
        assertTrue(table.hasInk(strokes) && Double.isNaN(table.get(strokes, Morphometric.THICKNESS)),
                "a lone dot has ink but no thickness");
        DimensionAnalysis a = DimensionAnalysis.of(new Strokes.Codec(), withDots, codes, table, POOL);
        DimensionAnalysis strokesOnly = DimensionAnalysis.of(new Strokes.Codec(), s, strokeCodes,
                MorphometricTable.measure(s, POOL, Progress.NONE), POOL);
        assertEquals(strokesOnly.rho(1, Morphometric.THICKNESS), a.rho(1, Morphometric.THICKNESS), 1e-12,
                "thickness over the images that have one: the strokes");
        assertTrue(a.rho(0, Morphometric.SLANT) > 0.9, "the others over every inked image: " + a.rho(0,
                Morphometric.SLANT));
    }
}
