package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    static ComputePool pool;

    @BeforeAll
    static void start() {
        pool = new ComputePool(2);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    /** Random 4 x 5 images with labels cycling 0..2. */
    static Dataset images(int n, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[n * 20];
        r.nextBytes(px);
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            lab[i] = (byte) (i % 3);
        }
        return new Dataset("random", 4, 5, px, lab);
    }

    @Test
    void knnClassifiesASeparableSetPerfectlyAndMatchesBruteForce() {
        Random r = new Random(1);
        int n = 3000;
        int dims = 3;
        float[] train = new float[n * dims];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int j = 0; j < dims; j++) {
                train[i * dims + j] = (float) (labels[i] * 10 * (j == labels[i] % dims ? 1 : 0) + r.nextGaussian());
            }
        }
        float[] test = new float[500 * dims];
        int[] testLabels = new int[500];
        for (int i = 0; i < 500; i++) {
            testLabels[i] = i % 4;
            for (int j = 0; j < dims; j++) {
                test[i * dims + j] = (float) (testLabels[i] * 10 * (j == testLabels[i] % dims ? 1 : 0) + r.nextGaussian());
            }
        }
        KnnClassifier knn = new KnnClassifier(train, labels, dims, 5);
        assertTrue(knn.accuracy(test, testLabels, pool) > 0.99);
        // Noisy overlapping data: predictions equal a brute-force k-NN.
        for (int i = 0; i < train.length; i++) {
            train[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = (float) r.nextGaussian();
        }
        int[] fast = new KnnClassifier(train, labels, dims, 5).predict(test, pool);
        for (int q = 0; q < 500; q++) {
            double[] d = new double[n];
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < dims; j++) {
                    double diff = test[q * dims + j] - train[i * dims + j];
                    s += diff * diff;
                }
                d[i] = s;
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(d[a], d[b]));
            int[] counts = new int[4];
            for (int j = 0; j < 5; j++) {
                counts[labels[idx[j]]]++;
            }
            int max = java.util.Arrays.stream(counts).max().getAsInt();
            assertEquals(max, counts[fast[q]], "query " + q + " got a label with the top vote");
        }
        assertThrows(IllegalArgumentException.class, () -> new KnnClassifier(new float[6], new int[2], 3, 5));
    }

    @Test
    void reconstructionErrorAndCodesAgreeWithSingleImageCalls() {
        Dataset d = images(300, 2);
        Autoencoder ae = Autoencoder.initialized(Architecture.mirrored(20, 8, 2), 3);
        ReconstructionError.Result r = ReconstructionError.evaluate(ae, d, pool);
        float[] codes = Encoding.encode(ae, d, pool);
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            float[] x = d.image(i);
            float[] out = ae.decode(ae.encode(x));
            double e = 0;
            for (int j = 0; j < 20; j++) {
                e += (x[j] - out[j]) * (double) (x[j] - out[j]);
            }
            assertEquals(e, r.perImage()[i], 1e-4);
            sum += e;
            assertArrayEquals(ae.encode(x), java.util.Arrays.copyOfRange(codes, 2 * i, 2 * i + 2), 1e-6f);
        }
        assertEquals(sum / d.size(), r.squaredError(), 1e-6 * sum);
        assertTrue(r.crossEntropy() > 0);
        // A codec that is not an autoencoder gets squared error only.
        Codec identityish = new Codec() {
            public int inputSize() {
                return 20;
            }

            public int latentSize() {
                return 20 - 1;
            }

            public String describe() {
                return "drop the last pixel";
            }

            public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(x, xOff + i * 20, a, aOff + i * 19, 19);
                }
            }

            public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(a, aOff + i * 19, x, xOff + i * 20, 19);
                    x[xOff + i * 20 + 19] = 0;
                }
            }
        };
        ReconstructionError.Result q = ReconstructionError.evaluate(identityish, d, pool);
        assertTrue(Double.isNaN(q.crossEntropy()));
        double lastPixel = 0;
        for (int i = 0; i < d.size(); i++) {
            lastPixel += Math.pow(d.pixel(i, 19) / 255.0, 2);
        }
        assertEquals(lastPixel / d.size(), q.squaredError(), 1e-5);
        assertThrows(IllegalArgumentException.class,
                () -> Encoding.encode(Autoencoder.initialized(Architecture.mirrored(30, 2), 1), d, pool));
    }
}
