package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import org.junit.jupiter.api.Test;

/** The one-pass error curve against brute-force reconstructions. */
class ErrorCurveTest {

    @Test
    void equalsBruteForceReconstructionForEveryK() {
        Dataset train = Synthetic.correlated(21, 800, 6, 6);
        Dataset test = Synthetic.correlated(22, 150, 6, 6);
        PcaModel model = Pca.fit(train, TestPool.get(), Progress.NONE);
        int d = model.dimension();
        ErrorCurve curve;
        try (ComputePool pool = new ComputePool(2)) {
            curve = ErrorCurve.compute(model, test, pool, Progress.NONE);
        }
        assertEquals(test.size(), curve.imageCount());
        assertEquals(d, curve.maxComponents());
        int n = test.size();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            test.copyImage(i, x, i * d);
        }
        float[] mean = model.mean();
        double meanOnly = 0;
        for (int i = 0; i < n * d; i++) {
            double e = x[i] - mean[i % d];
            meanOnly += e * e;
        }
        assertEquals(meanOnly / n, curve.errorPerImage(0), 1e-9 * meanOnly / n, "k = 0: the mean image");
        float[] out = new float[n * d];
        for (int k = 1; k <= d; k++) {
            model.codec(k).reconstruct(x, 0, n, out, 0);
            double se = 0;
            for (int i = 0; i < n * d; i++) {
                double e = x[i] - out[i];
                se += e * e;
            }
            assertEquals(se / n, curve.errorPerImage(k), 1e-5 * curve.errorPerImage(0), "k = " + k);
        }
    }

    @Test
    void decreasesMonotonicallyToZeroAtFullRank() {
        Dataset train = Synthetic.correlated(31, 1000, 7, 7);
        PcaModel model = Pca.fit(train, TestPool.get(), Progress.NONE);
        ErrorCurve curve = ErrorCurve.compute(model, Synthetic.correlated(32, 300, 7, 7), TestPool.get(), Progress.NONE);
        double[] e = curve.errorsPerImage();
        assertEquals(model.dimension() + 1, e.length);
        for (int k = 1; k < e.length; k++) {
            assertTrue(e[k] <= e[k - 1], "E(" + k + ") = " + e[k] + " > E(" + (k - 1) + ") = " + e[k - 1]);
        }
        assertTrue(e[0] > 1, "the mean image alone leaves a visible error: " + e[0]);
        assertTrue(e[e.length - 1] < 1e-5 * e[0], "full rank reconstructs exactly: " + e[e.length - 1]);
        // On the training set, E(k) is exactly the variance left over: (N-1)/N times the remaining eigenvalues.
        ErrorCurve onTrain = ErrorCurve.compute(model, train, TestPool.get(), Progress.NONE);
        int n = train.size();
        for (int k : new int[] {0, 1, 5, 20}) {
            double rest = 0;
            for (int i = k; i < model.dimension(); i++) {
                rest += model.variance(i);
            }
            assertEquals(rest * (n - 1) / n, onTrain.errorPerImage(k), 1e-5 * e[0], "train E(" + k + ")");
        }
    }

    @Test
    void checksItsInputAndCanBeCancelled() {
        PcaModel model = Pca.fit(Synthetic.correlated(41, 300, 6, 6), TestPool.get(), Progress.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ErrorCurve.compute(model, Synthetic.correlated(42, 10, 5, 5), TestPool.get(), Progress.NONE));
        assertTrue(e.getMessage().contains("d = 36"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ErrorCurve.compute(model,
                new Dataset("empty", 6, 6, new byte[0], new byte[0]), TestPool.get(), Progress.NONE));
        ErrorCurve curve = ErrorCurve.compute(model, Synthetic.correlated(43, 20, 6, 6), TestPool.get(), Progress.NONE);
        assertThrows(IllegalArgumentException.class, () -> curve.errorPerImage(37));
        assertThrows(IllegalArgumentException.class, () -> curve.errorPerImage(-1));

        AtomicInteger updates = new AtomicInteger();
        Progress cancelAfterFirst = new Progress() {
            @Override
            public void update(double done, double total, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() > 0;
            }
        };
        try (ComputePool pool = new ComputePool(2)) {
            assertThrows(CancelledException.class, () -> ErrorCurve.compute(model,
                    Synthetic.correlated(44, 2000, 6, 6), pool, cancelAfterFirst));
        }
    }
}
