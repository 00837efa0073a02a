package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fit on synthetic data: exact covariance, known axes and variances, conventions, threads, cancellation. */
class PcaTest {

    @Test
    void recoversTheAxesAndVariancesOfAKnownCovariance() {
        Dataset data = Synthetic.hadamardDesign(3);
        int n = data.size();
        PcaModel model = Pca.fit(data, TestPool.get(), Progress.NONE);
        int d = 20;
        assertEquals(d, model.dimension());
        assertEquals(n, model.sampleCount());
        float[] mean = model.mean();
        for (int p = 0; p < 16; p++) {
            assertEquals(128 / 255.0, mean[p], 1e-7, "mean of pixel " + p);
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(Synthetic.CONSTANT_PIXELS[c] / 255.0, mean[16 + c], 1e-7);
        }
        for (int a = 0; a < Synthetic.AXIS_ROWS.length; a++) {
            assertEquals(Synthetic.hadamardVariance(a, n), model.variance(a), 1e-12, "variance " + a);
            float[] v = model.component(a);
            double dot = 0;
            for (int p = 0; p < 16; p++) {
                dot += v[p] * Synthetic.hadamard(Synthetic.AXIS_ROWS[a], p) / 4.0;
            }
            assertEquals(1, Math.abs(dot), 1e-6, "axis " + a + " is h_" + Synthetic.AXIS_ROWS[a] + " / 4");
            for (int c = 16; c < d; c++) {
                assertEquals(0, v[c], "axis " + a + " does not touch the constant pixels");
            }
        }
        for (int i = Synthetic.AXIS_ROWS.length; i < d; i++) {
            assertEquals(0, model.variance(i), 1e-15, "no variance left along axis " + i);
        }
        // The four constant pixels are deflated: unit axes, last, in pixel order, with variance exactly 0.
        for (int c = 0; c < 4; c++) {
            float[] v = model.component(16 + c);
            float[] e = new float[d];
            e[16 + c] = 1;
            assertArrayEquals(e, v);
            assertEquals(0.0, model.variance(16 + c));
        }
        assertEquals(1, model.explainedVariance(Synthetic.AXIS_ROWS.length), 1e-12);
        assertEquals(40 * 40 / (40 * 40 + 30 * 30 + 20 * 20 + 12 * 12 + 6 * 6.0), model.explainedVarianceRatio(0), 1e-12);
    }

    /**
     * The covariance is formed exactly: compare with long-integer arithmetic over several chunks and thread counts,
     * on ordinary images, on nearly white ones (whose chunk sums come close to the 2^23 the conversion to int
     * takes), and on mostly black ones, where whole panels of pixels are zero in many rows (the rows the product
     * skips).
     */
    @Test
    void theScatterIsExactForAnyThreadCount() {
        int n = 3 * Scatter.CHUNK_ROWS + 17;
        Dataset ordinary = Synthetic.correlated(5, n, 7, 9);
        byte[] px = new byte[n * 40];
        java.util.Random r = new java.util.Random(6);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i % 40 == 0 ? 0 : 255 - r.nextInt(4));
        }
        Dataset white = new Dataset("white", 5, 8, px, new byte[n]);
        Dataset sparse = sparse(7, n, 10, 12); // 120 pixels: panels of 32 with many all-black rows
        Dataset sparse64 = sparse(8, n, 8, 8); // 64 varying pixels: the column of ones opens a panel of its own
        for (Dataset data : new Dataset[] {ordinary, white, sparse, sparse64}) {
            int constant = data == ordinary ? 7 : data == white ? 1 : 0; // the first column of every row / pixel 0
            for (int threads : new int[] {1, 2, 3}) {
                try (ComputePool pool = new ComputePool(threads)) {
                    assertExactScatter(data, Scatter.of(data, pool, Progress.NONE, 1), constant);
                }
            }
        }
    }

    /** Compares the scatter with N G - s s^T in long arithmetic (G = X^T X and s the column sums of the bytes). */
    private static void assertExactScatter(Dataset data, Scatter sc, int constantPixels) {
        int n = data.size();
        int d = data.dimension();
        long[] sums = new long[d];
        long[][] gram = new long[d][d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                int xp = data.pixel(i, p);
                sums[p] += xp;
                for (int q = 0; q < d; q++) {
                    gram[p][q] += (long) xp * data.pixel(i, q);
                }
            }
        }
        assertArrayEquals(sums, sc.sums());
        int[] kept = sc.kept();
        assertEquals(d - constantPixels, kept.length, data.name() + ": pixels that vary");
        for (int a = 0; a < kept.length; a++) {
            for (int b = 0; b < kept.length; b++) {
                long exact = n * gram[kept[a]][kept[b]] - sums[kept[a]] * sums[kept[b]];
                assertEquals((double) exact, sc.at(a, b), data.name() + ": N G - s s^T at " + a + ", " + b);
            }
        }
    }

    /**
     * More rows than an int partial sum holds (Scatter.INT_ROWS of white pixels come close to 2^31): the partial sums
     * must be moved into the double accumulator in time. One thread, so that it sees all rows.
     */
    @Test
    void theScatterStaysExactPastTheIntPartialSums() {
        int n = 2 * Scatter.INT_ROWS + 3 * Scatter.CHUNK_ROWS + 5; // a sum over all of them would pass 2^32
        int d = 6;
        byte[] px = new byte[n * d];
        java.util.Random r = new java.util.Random(8);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (255 - r.nextInt(3));
        }
        Dataset white = new Dataset("white", 2, 3, px, new byte[n]);
        try (ComputePool pool = new ComputePool(1)) {
            assertExactScatter(white, Scatter.of(white, pool, Progress.NONE, 1), 0);
        }
    }

    @Test
    @Tag("slow")
    void theWarmUpFitsItsSyntheticImages() {
        PcaModel m = Pca.warmUp();
        int d = Pca.WARM_UP_SIDE * Pca.WARM_UP_SIDE;
        assertEquals(d, m.dimension());
        for (int i = 1; i < d; i++) {
            assertTrue(m.variance(i) <= m.variance(i - 1), "variances sorted at " + i);
        }
        assertTrue(m.variance(d - 1) > 0, "every pixel of the random images varies");
    }

    @Test
    void axesAreOrthonormalEigenvectorsOfTheCovariance() {
        Dataset data = Synthetic.correlated(11, 700, 6, 6);
        PcaModel model = Pca.fit(data, TestPool.get(), Progress.NONE);
        int d = data.dimension();
        int n = data.size();
        double[][] cov = covariance(data);
        double scale = Math.max(1e-300, model.variance(0));
        for (int i = 0; i < d; i++) {
            float[] v = model.component(i);
            for (int p = 0; p < d; p++) {
                double cv = 0;
                for (int q = 0; q < d; q++) {
                    cv += cov[p][q] * v[q];
                }
                assertEquals(model.variance(i) * v[p], cv, 1e-6 * scale, "C v = lambda v, axis " + i);
            }
            for (int j = 0; j <= i; j++) {
                float[] w = model.component(j);
                double dot = 0;
                for (int p = 0; p < d; p++) {
                    dot += (double) v[p] * w[p];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-6, "v_" + i + " . v_" + j);
            }
        }
        double trace = 0;
        for (int p = 0; p < d; p++) {
            trace += cov[p][p];
        }
        assertEquals(trace, model.totalVariance(), 1e-12 * trace);
        assertEquals(n, model.sampleCount());
    }

    @Test
    void variancesAreSortedAndSignsFollowTheConvention() {
        PcaModel model = Pca.fit(Synthetic.correlated(3, 500, 5, 8), TestPool.get(), Progress.NONE);
        int d = model.dimension();
        for (int i = 0; i < d; i++) {
            assertTrue(model.variance(i) >= 0);
            if (i > 0) {
                assertTrue(model.variance(i) <= model.variance(i - 1), "sorted at " + i);
            }
            float[] v = model.component(i);
            int best = 0;
            for (int p = 1; p < d; p++) {
                if (Math.abs(v[p]) > Math.abs(v[best])) {
                    best = p;
                }
            }
            assertTrue(v[best] > 0, "largest-magnitude entry of axis " + i + " is positive");
        }
        assertEquals(0, model.explainedVariance(0));
        assertEquals(1, model.explainedVariance(d), 1e-12);
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += model.explainedVarianceRatio(i);
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void theFitIsIdenticalForAnyThreadCountAndRepeatable() {
        Dataset data = Synthetic.correlated(7, 600, 6, 7);
        PcaModel[] models = new PcaModel[3];
        for (int t = 1; t <= 3; t++) {
            try (ComputePool pool = new ComputePool(t)) {
                models[t - 1] = Pca.fit(data, pool, Progress.NONE);
            }
        }
        for (PcaModel m : models) {
            assertArrayEquals(models[0].components(), m.components());
            assertArrayEquals(models[0].variances(), m.variances());
            assertArrayEquals(models[0].mean(), m.mean());
        }
        assertArrayEquals(models[0].components(), Pca.fit(data, TestPool.get(), Progress.NONE).components());
    }

    @Test
    void trainingCodesAreUncorrelatedWithTheAxisVariances() {
        Dataset data = Synthetic.correlated(13, 900, 6, 6);
        PcaModel model = Pca.fit(data, TestPool.get(), Progress.NONE);
        int k = 8;
        double[][] codeCov = codeCovariance(model.codec(k), data);
        for (int i = 0; i < k; i++) {
            assertEquals(model.variance(i), codeCov[i][i], 1e-5 * model.variance(0), "variance of code " + i);
            for (int j = 0; j < i; j++) {
                assertEquals(0, codeCov[i][j], 1e-5 * model.variance(0), "covariance of codes " + i + ", " + j);
            }
        }
    }

    @Test
    void progressRisesToOneAndCancellationStopsTheFit() {
        Dataset data = Synthetic.correlated(17, 4 * Scatter.CHUNK_ROWS, 6, 6);
        List<Double> seen = new ArrayList<>();
        Pca.fit(data, TestPool.get(), new Progress() {
            @Override
            public void update(double done, double total, String message) {
                seen.add(done / total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertTrue(seen.size() >= 4, "progress per chunk: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "non-decreasing: " + seen);
        }
        assertEquals(1.0, seen.get(seen.size() - 1));

        AtomicInteger updates = new AtomicInteger();
        Progress cancelAfterFirstChunk = new Progress() {
            @Override
            public void update(double done, double total, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 1;
            }
        };
        try (ComputePool pool = new ComputePool(2)) {
            assertThrows(CancelledException.class, () -> Pca.fit(data, pool, cancelAfterFirstChunk));
            assertEquals(1, updates.get(), "stopped at the next chunk");
            // The pool is still usable after the cancelled fit.
            assertEquals(36, Pca.fit(data, pool, Progress.NONE).dimension());
        }
    }

    @Test
    void degenerateData() {
        Dataset one = new Dataset("one", 2, 2, new byte[] {1, 2, 3, 4}, new byte[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pca.fit(one, TestPool.get(), Progress.NONE));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());

        // All images alike: no variance at all; the axes are the pixels, the codes are 0, the decoder gives the mean.
        Dataset same = new Dataset("same", 2, 2, new byte[] {9, 0, (byte) 200, (byte) 255, 9, 0, (byte) 200, (byte) 255},
                new byte[2]);
        PcaModel model = Pca.fit(same, TestPool.get(), Progress.NONE);
        assertArrayEquals(new double[4], model.variances());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, model.components());
        assertEquals(0, model.explainedVariance(2));
        float[] x = same.image(0);
        assertArrayEquals(x, model.codec(2).decode(model.codec(2).encode(x)), 1e-6f);
    }

    // ------------------------------------------------------------------ helpers

    /** Mostly black images: pixels in the top half are lit in 3% of the images, the others in 60%. */
    static Dataset sparse(long seed, int n, int rows, int cols) {
        java.util.Random r = new java.util.Random(seed);
        int d = rows * cols;
        byte[] px = new byte[n * d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                double lit = p < d / 2 ? 0.03 : 0.6;
                px[i * d + p] = (byte) (r.nextDouble() < lit ? 1 + r.nextInt(255) : 0);
            }
        }
        return new Dataset("sparse " + rows + " x " + cols, rows, cols, px, new byte[n]);
    }

    /** The sample covariance of the images (pixels / 255) in double, straight from the definition. */
    static double[][] covariance(Dataset data) {
        int n = data.size();
        int d = data.dimension();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            double[] x = Synthetic.image(data, i);
            for (int p = 0; p < d; p++) {
                mean[p] += x[p] / n;
            }
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < n; i++) {
            double[] x = Synthetic.image(data, i);
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    c[p][q] += (x[p] - mean[p]) * (x[q] - mean[q]) / (n - 1);
                }
            }
        }
        return c;
    }

    /** The sample covariance of the codes of all images of {@code data}. */
    static double[][] codeCovariance(PcaCodec codec, Dataset data) {
        int n = data.size();
        int d = data.dimension();
        int k = codec.latentSize();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            data.copyImage(i, x, i * d);
        }
        float[] a = new float[n * k];
        codec.encode(x, 0, n, a, 0);
        double[] mean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                mean[c] += a[i * k + c] / (double) n;
            }
        }
        double[][] cov = new double[k][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int e = 0; e < k; e++) {
                    cov[c][e] += (a[i * k + c] - mean[c]) * (a[i * k + e] - mean[e]) / (n - 1);
                }
            }
        }
        return cov;
    }
}
