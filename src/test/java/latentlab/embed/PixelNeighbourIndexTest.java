package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.math.ByteKernels;
import latentlab.math.Rng;
import org.junit.jupiter.api.Test;

/** Pixel-space search against brute force on the floats of {@link Dataset#image}, in double. */
class PixelNeighbourIndexTest {
    /** Random images (sparse, like digits) with some exact duplicates. */
    static Dataset images(int n, int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        int d = rows * cols;
        byte[] px = new byte[n * d];
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                px[i * d + j] = (byte) (rng.nextDouble() < 0.7 ? 0 : rng.nextInt(256));
            }
            lab[i] = (byte) (i % 10);
        }
        return new Dataset("random", rows, cols, px, lab);
    }

    static Dataset withDuplicates(Dataset data, int source, int... copies) {
        int d = data.dimension();
        byte[] px = new byte[data.size() * d];
        byte[] lab = new byte[data.size()];
        for (int i = 0; i < data.size(); i++) {
            data.copyRaw(i, px, i * d);
            lab[i] = (byte) data.label(i);
        }
        for (int c : copies) {
            data.copyRaw(source, px, c * d);
        }
        return new Dataset(data.name(), data.rows(), data.cols(), px, lab);
    }

    static float[] allImages(Dataset data) {
        float[] x = new float[data.size() * data.dimension()];
        for (int i = 0; i < data.size(); i++) {
            data.copyImage(i, x, i * data.dimension());
        }
        return x;
    }

    @Test
    void agreesWithBruteForceForEveryMeasureAndImageSize() {
        // 6 x 5 = 30 pixels leave a tail after the SIMD lanes; 28 x 28 is MNIST's size.
        for (int[] shape : new int[][] {{6, 5}, {28, 28}, {1, 1}}) {
            Dataset data = images(700, shape[0], shape[1], shape[0]);
            float[] flat = allImages(data);
            int d = data.dimension();
            try (ComputePool pool = new ComputePool(2)) {
                PixelNeighbourIndex index = new PixelNeighbourIndex(data, pool);
                for (Similarity s : Similarity.all()) {
                    for (int trial = 0; trial < 4; trial++) {
                        float[] q = data.image(trial * 101);
                        // Also a query that is not one of the images: an average of two.
                        if (trial == 3) {
                            float[] other = data.image(5);
                            for (int p = 0; p < d; p++) {
                                q[p] = 0.5f * (q[p] + other[p]);
                            }
                        }
                        Neighbours want = NeighbourIndexTest.reference(flat, d, q, 9, s, trial * 101);
                        Neighbours got = index.nearest(q, 9, s, trial * 101);
                        String what = s + " " + shape[0] + "x" + shape[1] + " trial " + trial;
                        if (d > 1) {
                            assertArrayEquals(want.indices(), got.indices(), what);
                        }
                        NeighbourIndexTest.assertAgrees(want, got, flat, d, q, s, 2e-4 * Math.max(1,
                                Math.abs(want.score(0))), what);
                    }
                }
            }
        }
    }

    @Test
    void duplicatesTieAndGoInIndexOrderOnAnyNumberOfThreads() {
        Dataset data = withDuplicates(images(1000, 28, 28, 3), 40, 999, 3, 640, 64, 127);
        float[] q = data.image(40);
        for (Similarity s : new Similarity[] {Similarity.COSINE, Similarity.EUCLIDEAN}) {
            Neighbours one = new PixelNeighbourIndex(data).nearest(q, 5, s, 40);
            assertArrayEquals(new int[] {3, 64, 127, 640, 999}, one.indices(), s.name());
            for (int r = 1; r < 5; r++) {
                assertEquals(one.score(0), one.score(r), 0f, "identical images score identically");
            }
            for (int threads : new int[] {2, 3}) {
                try (ComputePool pool = new ComputePool(threads)) {
                    assertEquals(one, new PixelNeighbourIndex(data, pool).nearest(q, 5, s, 40), threads + " threads");
                    assertEquals(new PixelNeighbourIndex(data).nearest(q, 50, s, -1),
                            new PixelNeighbourIndex(data, pool).nearest(q, 50, s, -1));
                }
            }
        }
        Neighbours self = new PixelNeighbourIndex(data).nearestTo(40, 1, Similarity.EUCLIDEAN);
        assertEquals(3, self.index(0), "nearestTo leaves the image itself out");
        // ~0 up to the rounding of the expanded form, relative to squared norms near 80 here.
        assertEquals(0, Similarity.EUCLIDEAN.displayValue(self.score(0)), 0.01, "a duplicate is at distance ~0");
    }

    @Test
    void byteKernelsAgreeWithTheScalarReference() {
        Rng rng = new Rng(8);
        for (int d : new int[] {1, 15, 16, 17, 33, 784}) {
            int rows = 7;
            byte[] raw = new byte[rows * d];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) rng.nextInt(256);
            }
            float[] q = new float[d];
            float[] shift = new float[d];
            float[] scale = new float[d];
            for (int p = 0; p < d; p++) {
                q[p] = (float) rng.nextGaussian();
                shift[p] = (float) (rng.nextDouble() * 255);
                scale[p] = (float) rng.nextDouble();
            }
            float[] best = new float[rows];
            float[] plain = new float[rows];
            ByteKernels.get().dots(raw, rows, d, q, best);
            ByteKernels.scalar().dots(raw, rows, d, q, plain);
            for (int r = 0; r < rows; r++) {
                double exact = 0;
                for (int p = 0; p < d; p++) {
                    exact += q[p] * (double) (raw[r * d + p] & 0xFF);
                }
                assertEquals(exact, best[r], 1e-5 * 255 * d, "d=" + d);
                assertEquals(exact, plain[r], 1e-5 * 255 * d, "d=" + d);
            }
            float[] a = new float[d + 3];
            float[] b = new float[d + 3];
            ByteKernels.get().standardise(raw, d, d, shift, scale, a, 3);
            ByteKernels.scalar().standardise(raw, d, d, shift, scale, b, 3);
            assertArrayEquals(b, a, "standardising is exactly rounded either way");
        }
    }

    @Test
    void mistakesAreNamed() {
        PixelNeighbourIndex index = new PixelNeighbourIndex(images(3, 2, 2, 1));
        assertEquals(3, index.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.nearest(new float[5], 1, Similarity.COSINE, -1));
        assertTrue(e.getMessage().contains("query has 5 pixels but the images of random have 4"), e.getMessage());
        assertEquals(3, index.nearest(new float[4], 10, Similarity.INNER_PRODUCT, -1).size());
        assertEquals(0, index.nearest(new float[4], 0, Similarity.INNER_PRODUCT, -1).size());
    }
}
