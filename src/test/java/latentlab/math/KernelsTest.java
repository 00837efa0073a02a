package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both kernel implementations against plain double-precision loops, over shapes that exercise every tail. */
class KernelsTest {
    static Stream<Kernels> kernels() {
        return Stream.of(Kernels.get(), Kernels.scalar());
    }

    static Stream<Arguments> gemmCases() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 32, 16}, {5, 33, 17}, {9, 70, 31}, {13, 2, 784}, {8, 784, 2},
                {7, 30, 250}, {16, 48, 64}, {17, 100, 3},
                // 8-row tiles (AVX-512) with 16-wide and scalar column tails, then 4-row and single rows
                {24, 20, 80}, {29, 9, 50}};
        return kernels().flatMap(k -> Stream.of(shapes).map(s -> Arguments.of(k, s[0], s[1], s[2])));
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void vectorKernelsAreUsedWhenTheModuleIsPresent() {
        assertTrue(KernelSelector.vectorApiPresent(), "the build runs tests with the Vector API module");
        assertTrue(Kernels.get().description().startsWith("Vector API"), Kernels.get().description());
        assertTrue(Kernels.scalar().description().startsWith("plain Java"));
    }

    @ParameterizedTest
    @MethodSource("gemmCases")
    void gemmMatchesDoubleLoopsInAllLayouts(Kernels kern, int m, int k, int n) {
        Random r = new Random(m * 1000L + k * 10L + n);
        int off = 3;
        float[] a = random(r, off + m * k + 5);
        float[] b = random(r, off + k * n + 5);
        float[] bias = random(r, n + 2);
        float[] c0 = random(r, off + m * n + 4);
        double tol = 1e-4 * (1 + Math.sqrt(k));
        // C = A B + bias into an offset region, rows split in two calls as two threads would.
        float[] c = c0.clone();
        kern.gemm(0, m / 2, n, k, a, off, k, 1, b, off, n, c, off, n, bias, 1, false);
        kern.gemm(m / 2, m, n, k, a, off, k, 1, b, off, n, c, off, n, bias, 1, false);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = bias[1 + j];
                for (int p = 0; p < k; p++) {
                    s += (double) a[off + i * k + p] * b[off + p * n + j];
                }
                assertEquals(s, c[off + i * n + j], tol, "NN " + i + "," + j);
            }
        }
        assertEquals(c0[0], c[0]);
        assertEquals(c0[c0.length - 1], c[c.length - 1], "nothing written past the block");
        // C += A^T B where A is stored k x m.
        float[] ct = c0.clone();
        kern.gemm(0, m, n, k, a, off, 1, m, b, off, n, ct, off, n, null, 0, true);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = c0[off + i * n + j];
                for (int p = 0; p < k; p++) {
                    s += (double) a[off + p * m + i] * b[off + p * n + j];
                }
                assertEquals(s, ct[off + i * n + j], tol, "TN " + i + "," + j);
            }
        }
        // C = A B^T (and C += A B^T) where B is stored n x k.
        float[] cn = c0.clone();
        kern.gemmNT(0, m, n, k, a, off, k, b, off, k, cn, off, n, false);
        float[] cna = c0.clone();
        kern.gemmNT(0, m, n, k, a, off, k, b, off, k, cna, off, n, true);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[off + i * k + p] * b[off + j * k + p];
                }
                assertEquals(s, cn[off + i * n + j], tol, "NT " + i + "," + j);
                assertEquals(s + c0[off + i * n + j], cna[off + i * n + j], tol, "NT+= " + i + "," + j);
            }
        }
        assertEquals(c0[c0.length - 1], cn[cn.length - 1], "nothing written past the block");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void elementwiseOperationsMatchTheirFormulas(Kernels kern) {
        Random r = new Random(5);
        int n = 77;
        float[] z = random(r, n);
        z[3] = 30;
        z[4] = -30;
        z[5] = 0;
        float[] dy = random(r, n);
        float[] y = new float[n];
        float[] dz = new float[n];
        kern.relu(z, y, 1, n - 2);
        kern.reluBackward(z, dy, dz, 1, n - 2);
        for (int i = 1; i < n - 1; i++) {
            assertEquals(Math.max(0, z[i]), y[i]);
            assertEquals(z[i] > 0 ? dy[i] : 0f, dz[i]);
        }
        assertEquals(0f, y[0], "outside the range untouched");
        kern.leakyRelu(0.1f, z, y, 0, n);
        kern.leakyReluBackward(0.1f, z, dy, dz, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(z[i] > 0 ? z[i] : 0.1f * z[i], y[i], 1e-7);
            assertEquals(z[i] > 0 ? dy[i] : 0.1f * dy[i], dz[i], 1e-7);
        }
        kern.tanh(z, y, 0, n);
        kern.tanhBackward(y, dy, dz, 0, n);
        for (int i = 0; i < n; i++) {
            double t = Math.tanh(z[i]);
            assertEquals(t, y[i], 2e-6);
            assertEquals(dy[i] * (1 - t * t), dz[i], 2e-6);
        }
        kern.sigmoid(z, y, 0, n);
        kern.sigmoidBackward(y, dy, dz, 0, n);
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            assertEquals(s, y[i], 2e-7);
            assertEquals(dy[i] * s * (1 - s), dz[i], 2e-6);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void lossesMatchTheirFormulasIncludingExtremeLogits(Kernels kern) {
        Random r = new Random(6);
        int n = 1100;
        float[] z = random(r, n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] *= 8;
            x[i] = r.nextFloat();
        }
        z[0] = 90;
        z[1] = -90;
        x[1] = 1;
        float[] dz = new float[n];
        double loss = kern.bceWithLogits(z, 0, x, 0, dz, 0.5f, n);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            double li = Math.max(z[i], 0) - x[i] * z[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
            expected += li;
            assertEquals(0.5 * (s - x[i]), dz[i], 1e-6, "dz " + i);
        }
        assertEquals(expected, loss, 1e-6 * expected);
        assertEquals(90, kern.bceWithLogits(z, 1, x, 1, dz, 1f, 1), 1e-4, "-log sigmoid(-90) = 90, no overflow");

        float[] y = random(r, n);
        double se = kern.squaredError(y, 0, x, 0, dz, 0.25f, n);
        double exp2 = 0;
        float[] diff = new float[n];
        for (int i = 0; i < n; i++) {
            diff[i] = y[i] - x[i];
            exp2 += (double) diff[i] * diff[i];
            assertEquals(0.25 * 2 * diff[i], dz[i], 1e-6);
        }
        assertEquals(exp2, se, 1e-6 * exp2);
        assertEquals(exp2, kern.sumOfSquares(diff, 0, n), 1e-6 * exp2);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void columnSumsAndAxpy(Kernels kern) {
        Random r = new Random(7);
        float[] m = random(r, 5 * 19);
        float[] out = new float[20];
        kern.columnSums(m, 0, 5, 19, 19, out, 1, false);
        for (int j = 0; j < 19; j++) {
            double s = 0;
            for (int i = 0; i < 5; i++) {
                s += m[i * 19 + j];
            }
            assertEquals(s, out[1 + j], 1e-5);
        }
        float[] y = new float[19];
        kern.axpy(2f, m, 19, y, 0, 19);
        assertEquals(2f * m[19 + 7], y[7]);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void sgdSumsGradientPartsAndKeepsMomentum(Kernels kern) {
        List<float[]> parts = List.of(new float[] {0.5f, -1f, 2f}, new float[] {0.25f, 0f, -1f});
        float[] p = {1f, 2f, 3f};
        float[] u = new float[3];
        kern.sgd(p, parts.toArray(new float[0][]), u, 0, 3, 0.1f, 0.9f, 0f);
        assertEquals(1f - 0.1f * 0.75f, p[0], 1e-7);
        assertEquals(2f + 0.1f, p[1], 1e-7);
        assertEquals(0.75f, u[0]);
        kern.sgd(p, parts.toArray(new float[0][]), u, 0, 3, 0.1f, 0.9f, 0f);
        assertEquals(0.9f * 0.75f + 0.75f, u[0], 1e-7);
    }

    @Test
    void vectorExpIsAccurateAndSaturatesWithoutOverflow() {
        if (!KernelSelector.vectorApiPresent()) {
            return;
        }
        int n = 4096;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = -100f + 200f * i / (n - 1);
        }
        float[] y = new float[n];
        Kernels.get().sigmoid(z, y, 0, n);
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            assertEquals(s, y[i], 1.5e-7 * Math.max(1e-30, s) + 1e-38, "sigmoid(" + z[i] + ")");
            assertTrue(Float.isFinite(y[i]));
        }
        float[] e = new float[n];
        float[] probe = new float[n];
        for (int i = 0; i < n; i++) {
            probe[i] = -87f + 175f * i / (n - 1);
        }
        for (int i = 0; i + 16 <= n; i += 16) {
            jdk.incubator.vector.FloatVector v = jdk.incubator.vector.FloatVector.fromArray(
                    jdk.incubator.vector.FloatVector.SPECIES_PREFERRED, probe, i);
            VectorKernels.exp(v).intoArray(e, i);
        }
        for (int i = 0; i + 16 <= n; i++) {
            double exact = Math.exp(probe[i]);
            assertEquals(exact, e[i], 2.5e-7 * exact, "exp(" + probe[i] + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void addToAddsIntegerFloatsExactlyIntoInts(Kernels kern) {
        Random r = new Random(12);
        for (int len : new int[] {1, 15, 16, 17, 1024, 1031}) {
            float[] x = new float[len + 3];
            int[] y = new int[len + 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = i % 7 == 0 ? (1 << 23) - 1 : r.nextInt(1 << 23); // up to the largest the kernel takes
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextInt(1 << 30);
            }
            int[] expected = y.clone();
            for (int i = 0; i < len; i++) {
                expected[2 + i] += (int) x[3 + i];
            }
            kern.addTo(x, 3, y, 2, len);
            assertArrayEquals(expected, y, "len " + len);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void scanImageMarksChangedPixelsAndCountsInk(Kernels kern) {
        Random r = new Random(13);
        for (int len : new int[] {1, 63, 64, 65, 784}) {
            byte[] reference = new byte[len];
            byte[] changed = new byte[len];
            byte[] inked = new byte[len];
            int[] expectedInk = new int[len];
            byte[] expectedChanged = new byte[len];
            r.nextBytes(reference);
            for (int image = 0; image < 200; image++) {
                byte[] x = new byte[len + 4];
                for (int j = 0; j < len; j++) {
                    // black, the extremes (-128 and -1 as signed bytes: 128 and 255) and the reference value
                    int pick = r.nextInt(6);
                    x[2 + j] = pick == 0 ? 0 : pick == 1 ? (byte) 128 : pick == 2 ? (byte) 255
                            : pick == 3 ? reference[j] : (byte) r.nextInt(256);
                    expectedChanged[j] |= (byte) (x[2 + j] ^ reference[j]);
                    expectedInk[j] += x[2 + j] == 0 ? 0 : 1;
                }
                kern.scanImage(x, 2, reference, changed, inked, len);
            }
            assertArrayEquals(expectedChanged, changed, "len " + len);
            for (int j = 0; j < len; j++) {
                assertEquals(expectedInk[j], inked[j] & 0xFF, "ink of pixel " + j);
            }
        }
    }
}
