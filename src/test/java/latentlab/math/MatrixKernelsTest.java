package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both implementations of the products against plain double-precision loops, over shapes that exercise every tail. */
class MatrixKernelsTest {
    static Stream<MatrixKernels> kernels() {
        return Stream.of(MatrixKernels.get(), MatrixKernels.scalar());
    }

    static Stream<Arguments> gemmCases() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 32, 16}, {5, 33, 17}, {9, 70, 31}, {13, 2, 784}, {8, 784, 2},
                {7, 30, 250}, {16, 48, 64}, {17, 100, 3},
                // 8-row tiles (AVX-512) with 16-wide and scalar column tails, then 4-row and single rows
                {24, 20, 80}, {29, 9, 50}};
        return kernels().flatMap(k -> Stream.of(shapes).map(s -> Arguments.of(k, s[0], s[1], s[2])));
    }

    static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void vectorKernelsAreUsedWhenTheModuleIsPresent() {
        assertTrue(KernelSelector.vectorApiPresent(), "the build runs tests with the Vector API module");
        assertTrue(KernelSelector.description().startsWith("Vector API"), KernelSelector.description());
        assertTrue(MatrixKernels.scalar().description().startsWith("plain Java"));
        assertTrue(MatrixKernels.get() != MatrixKernels.scalar(), "products vectorised");
        assertTrue(ActivationKernels.get() != ActivationKernels.scalar(), "activations vectorised");
        assertTrue(LossKernels.get() != LossKernels.scalar(), "losses vectorised");
        assertTrue(ByteKernels.get() != ByteKernels.scalar(), "byte loops vectorised");
        assertTrue(DoubleKernels.get() != DoubleKernels.scalar(), "float64 kernels vectorised");
    }

    @ParameterizedTest
    @MethodSource("gemmCases")
    void gemmMatchesDoubleLoopsInAllLayouts(MatrixKernels kern, int m, int k, int n) {
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
    void columnSumsAndAxpy(MatrixKernels kern) {
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
    void addToAddsIntegerFloatsExactlyIntoInts(MatrixKernels kern) {
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
    void shapesThatDoNotFitTheirArraysAreRefusedWithBothShapesNamed(MatrixKernels kern) {
        float[] a = new float[6 * 4];
        float[] b = new float[4 * 5];
        float[] c = new float[6 * 5];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(0, 6, 5, 5, a, 0, 5, 1, b, 0, 5, c, 0, 5, null, 0, false));
        assertTrue(e.getMessage().contains("(6 x 5)(5 x 5)") && e.getMessage().contains("A"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(0, 6, 5, 4, a, 0, 4, 1, b, 1, 5, c, 0, 5, null, 0, false));
        assertTrue(e.getMessage().contains("(6 x 4)(4 x 5)") && e.getMessage().contains("B needs elements [1, 21)")
                && e.getMessage().contains("holds 20"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(0, 7, 5, 4, new float[28], 0, 4, 1, b, 0, 5, c, 0, 5, null, 0, false));
        assertTrue(e.getMessage().contains("C needs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(0, 6, 5, 4, a, 0, 4, 1, b, 0, 5, c, 0, 5, new float[4], 0, false));
        assertTrue(e.getMessage().contains("bias"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemm(0, 6, 5, 4, a, 0, 4, 1, b, 0, 4, c, 0, 5, null, 0, false));
        assertTrue(e.getMessage().contains("at least n = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> kern.gemmNT(0, 6, 5, 4, a, 0, 4, b, 0, 4, c, 0, 4, false));
        assertTrue(e.getMessage().contains("(6 x 4)(5 x 4)^T"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kern.columnSums(c, 0, 6, 5, 5, new float[4], 0, false));
        assertThrows(IllegalArgumentException.class, () -> kern.axpy(1f, a, 20, c, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> kern.addTo(a, 0, new int[3], 0, 4));
        // The same operands that fit are accepted, and nothing was written by the refused calls.
        assertEquals(0f, c[0]);
        kern.gemm(0, 6, 5, 4, a, 0, 4, 1, b, 0, 5, c, 0, 5, null, 0, false);
    }
}
