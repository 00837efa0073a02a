package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.Progress;
import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import latentlab.nn.Codec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model as a value (rebuilt from its arrays, checked, immutable) and as a {@link Codec} for any k. */
class PcaModelTest {
    static Dataset data;
    static PcaModel model;

    @BeforeAll
    static void fit() {
        data = Synthetic.correlated(51, 400, 6, 6);
        model = Pca.fit(data, TestPool.get(), Progress.NONE);
    }

    @Test
    void rebuildsFromItsArrays() {
        PcaModel copy = PcaModel.of(model.sampleCount(), model.mean(), model.components(), model.variances());
        assertArrayEquals(model.components(), copy.components());
        assertArrayEquals(model.variances(), copy.variances());
        assertArrayEquals(model.mean(), copy.mean());
        assertEquals(model.explainedVariance(3), copy.explainedVariance(3));
        float[] x = data.image(7);
        assertArrayEquals(model.codec(5).encode(x), copy.codec(5).encode(x));
    }

    @Test
    void isImmutable() {
        float[] mean = model.mean();
        mean[0] = 99;
        assertNotSame(mean, model.mean());
        assertTrue(model.mean()[0] < 1);
        float[] comps = model.components();
        comps[0] = 99;
        assertTrue(model.components()[0] <= 1);
        double[] v = model.variances();
        v[0] = -1;
        assertTrue(model.variance(0) > 0);

        float[] given = model.components();
        PcaModel copy = PcaModel.of(model.sampleCount(), model.mean(), given, model.variances());
        given[0] = 99;
        assertTrue(copy.component(0)[0] <= 1, "of() copies its input");
    }

    @Test
    void rejectsInconsistentArrays() {
        int d = model.dimension();
        long n = model.sampleCount();
        float[] mean = model.mean();
        float[] comps = model.components();
        double[] vars = model.variances();
        assertRejected("at least 2", () -> PcaModel.of(1, mean, comps, vars));
        assertRejected("component values", () -> PcaModel.of(n, mean, new float[d * d - 1], vars));
        assertRejected("variances for d", () -> PcaModel.of(n, mean, comps, new double[d - 1]));
        assertRejected("empty", () -> PcaModel.of(n, new float[0], new float[0], new double[0]));
        float[] nan = mean.clone();
        nan[3] = Float.NaN;
        assertRejected("mean value 3", () -> PcaModel.of(n, nan, comps, vars));
        double[] unsorted = vars.clone();
        unsorted[2] = unsorted[1] * 2;
        assertRejected("not sorted", () -> PcaModel.of(n, mean, comps, unsorted));
        double[] negative = vars.clone();
        negative[d - 1] = -1e-3;
        assertRejected("variance " + d, () -> PcaModel.of(n, mean, comps, negative));
        float[] longAxis = comps.clone();
        longAxis[d] *= 2; // first entry of axis 2
        longAxis[d + 1] = 1;
        assertRejected("axis 2 has length", () -> PcaModel.of(n, mean, longAxis, vars));
    }

    private static void assertRejected(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void codecForAnyKFromOneToD() {
        int d = model.dimension();
        assertThrows(IllegalArgumentException.class, () -> model.codec(0));
        assertThrows(IllegalArgumentException.class, () -> model.codec(d + 1));
        PcaCodec two = model.codec(2);
        assertEquals(d, two.inputSize());
        assertEquals(2, two.latentSize());
        assertEquals("PCA, k = 2", two.describe());
        assertEquals(model, two.model());
        assertEquals(model.dimension(), model.codec(d).latentSize());
    }

    @Test
    void encodeIsTheProjectionOnTheAxesAndDecodeItsInverse() {
        int d = model.dimension();
        int k = 4;
        PcaCodec codec = model.codec(k);
        float[] x = data.image(3);
        float[] mu = model.mean();
        float[] a = codec.encode(x);
        for (int c = 0; c < k; c++) {
            float[] v = model.component(c);
            double s = 0;
            for (int p = 0; p < d; p++) {
                s += (double) v[p] * (x[p] - mu[p]);
            }
            assertEquals(s, a[c], 1e-5, "score " + c);
        }
        float[] y = codec.decode(a);
        for (int p = 0; p < d; p++) {
            double s = mu[p];
            for (int c = 0; c < k; c++) {
                s += a[c] * model.component(c)[p];
            }
            assertEquals(s, y[p], 1e-5, "pixel " + p);
        }
        // Projecting twice changes nothing; full rank gives the image back.
        assertArrayEquals(a, codec.encode(y), 1e-5f);
        assertArrayEquals(x, model.codec(d).decode(model.codec(d).encode(x)), 1e-5f);
    }

    @Test
    void batchesAgreeWithSingleImages() {
        int d = model.dimension();
        int n = 150; // more than one internal chunk of 64
        int k = 3;
        Codec codec = model.codec(k);
        int off = 5;
        float[] x = new float[off + n * d];
        for (int i = 0; i < n; i++) {
            data.copyImage(i, x, off + i * d);
        }
        float[] a = new float[2 + n * k];
        codec.encode(x, off, n, a, 2);
        float[] out = new float[1 + n * d];
        codec.decode(a, 2, n, out, 1);
        for (int i = 0; i < n; i++) {
            float[] ai = codec.encode(data.image(i));
            for (int c = 0; c < k; c++) {
                assertEquals(ai[c], a[2 + i * k + c], 1e-6, "code of image " + i);
            }
            float[] yi = codec.decode(ai);
            for (int p = 0; p < d; p++) {
                assertEquals(yi[p], out[1 + i * d + p], 1e-6, "output of image " + i);
            }
        }
    }
}
