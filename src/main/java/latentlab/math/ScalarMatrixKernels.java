package latentlab.math;

import java.util.Arrays;

/**
 * Plain-Java {@link MatrixKernels}: the reference the vectorised ones are tested against, and the fallback when the
 * JVM was started without the Vector API. The inner loops are simple enough for HotSpot's auto-vectoriser.
 */
final class ScalarMatrixKernels implements MatrixKernels {

    @Override
    public String description() {
        return "plain Java (start the JVM with --add-modules jdk.incubator.vector for SIMD kernels)";
    }

    @Override
    public void gemm(int m0, int m1, int n, int k, float[] a, int aOff, int aRow, int aCol,
                     float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                     float[] bias, int biasOff, boolean accumulate) {
        Shapes.gemm(m0, m1, n, k, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, bias, biasOff);
        for (int i = m0; i < m1; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                if (bias == null) {
                    Arrays.fill(c, ci, ci + n, 0f);
                } else {
                    System.arraycopy(bias, biasOff, c, ci, n);
                }
            } else if (bias != null) {
                addScaled(1f, bias, biasOff, c, ci, n);
            }
            int ai = aOff + i * aRow;
            for (int p = 0; p < k; p++) {
                addScaled(a[ai + p * aCol], b, bOff + p * ldb, c, ci, n);
            }
        }
    }

    @Override
    public void gemmNT(int m0, int m1, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        Shapes.gemmNT(m0, m1, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        for (int i = m0; i < m1; i++) {
            int ai = aOff + i * lda;
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                float s = dot(a, ai, b, bOff + j * ldb, k);
                c[ci + j] = accumulate ? c[ci + j] + s : s;
            }
        }
    }

    private static float dot(float[] x, int xo, float[] y, int yo, int len) {
        float s = 0;
        for (int p = 0; p < len; p++) {
            s += x[xo + p] * y[yo + p];
        }
        return s;
    }

    @Override
    public void columnSums(float[] m, int off, int rows, int cols, int ld, float[] out, int outOff,
                           boolean accumulate) {
        Shapes.columnSums(m, off, rows, cols, ld, out, outOff);
        if (!accumulate) {
            Arrays.fill(out, outOff, outOff + cols, 0f);
        }
        for (int i = 0; i < rows; i++) {
            addScaled(1f, m, off + i * ld, out, outOff, cols);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        Shapes.range("axpy", "x", x.length, xOff, len);
        Shapes.range("axpy", "y", y.length, yOff, len);
        addScaled(alpha, x, xOff, y, yOff, len);
    }

    private static void addScaled(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void addTo(float[] x, int xOff, int[] y, int yOff, int len) {
        Shapes.range("addTo", "x", x.length, xOff, len);
        Shapes.range("addTo", "y", y.length, yOff, len);
        for (int i = 0; i < len; i++) {
            y[yOff + i] += (int) x[xOff + i];
        }
    }
}
