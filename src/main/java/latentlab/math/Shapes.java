package latentlab.math;

/**
 * Argument checks at the kernels' boundary, in the spirit of EJML's shape checks: before a kernel touches an array,
 * the region its arguments describe must lie inside it, or one {@link IllegalArgumentException} names the operation
 * and the shapes involved. A few comparisons per call, none in the inner loops; messages are built only on failure.
 */
final class Shapes {
    private Shapes() {
    }

    /** [off, off + len) lies inside an array of {@code length} elements. */
    static void range(String op, String operand, int length, int off, int len) {
        if (off < 0 || len < 0 || (long) off + len > length) {
            throw new IllegalArgumentException(op + ": " + operand + " needs elements [" + off + ", "
                    + ((long) off + len) + ") but its array holds " + length);
        }
    }

    /** An element-wise operation from {@code in} to {@code out} over [off, off + len). */
    static void two(String op, float[] in, float[] out, int off, int len) {
        range(op, "the input", in.length, off, len);
        range(op, "the output", out.length, off, len);
    }

    /** An element-wise backward operation over [off, off + len) of the saved values, dy and dz. */
    static void three(String op, float[] saved, float[] dy, float[] dz, int off, int len) {
        range(op, "the saved values", saved.length, off, len);
        range(op, "dy", dy.length, off, len);
        range(op, "dz", dz.length, off, len);
    }

    /** A loss over outputs (and their gradient) from {@code off} and targets from {@code xOff}, {@code len} each. */
    static void loss(String op, float[] out, int off, float[] target, int xOff, float[] grad, int len) {
        range(op, "the outputs", out.length, off, len);
        range(op, "the targets", target.length, xOff, len);
        range(op, "the gradient", grad.length, off, len);
    }

    /** The operands of {@link MatrixKernels#gemm}. */
    static void gemm(int m0, int m1, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff,
                     int ldb, float[] c, int cOff, int ldc, float[] bias, int biasOff) {
        if (m0 < 0 || m1 < m0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(gemmName(m1, n, k) + " over rows [" + m0 + ", " + m1
                    + "): sizes must not be negative");
        }
        if (aRow < 0 || aCol < 0 || ldb < n || ldc < n) {
            throw new IllegalArgumentException(gemmName(m1, n, k) + ": strides A " + aRow + "/" + aCol + ", B " + ldb
                    + ", C " + ldc + " (B's and C's must be at least n = " + n + ")");
        }
        if (m1 > m0 && k > 0 && !inside(a.length, aOff + (long) m0 * aRow,
                aOff + (long) (m1 - 1) * aRow + (long) (k - 1) * aCol + 1)) {
            throw outside(gemmName(m1, n, k), "A", a.length, aOff + (long) m0 * aRow,
                    aOff + (long) (m1 - 1) * aRow + (long) (k - 1) * aCol + 1);
        }
        if (k > 0 && n > 0 && !inside(b.length, bOff, bOff + (long) (k - 1) * ldb + n)) {
            throw outside(gemmName(m1, n, k), "B", b.length, bOff, bOff + (long) (k - 1) * ldb + n);
        }
        if (m1 > m0 && n > 0) {
            if (!inside(c.length, cOff + (long) m0 * ldc, cOff + (long) (m1 - 1) * ldc + n)) {
                throw outside(gemmName(m1, n, k), "C", c.length, cOff + (long) m0 * ldc,
                        cOff + (long) (m1 - 1) * ldc + n);
            }
            if (bias != null && !inside(bias.length, biasOff, biasOff + (long) n)) {
                throw outside(gemmName(m1, n, k), "the bias", bias.length, biasOff, biasOff + (long) n);
            }
        }
    }

    private static String gemmName(int m, int n, int k) {
        return "gemm of (" + m + " x " + k + ")(" + k + " x " + n + ")";
    }

    /** The operands of {@link MatrixKernels#gemmNT}. */
    static void gemmNT(int m0, int m1, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float[] c, int cOff, int ldc) {
        if (m0 < 0 || m1 < m0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(gemmNTName(m1, n, k) + " over rows [" + m0 + ", " + m1
                    + "): sizes must not be negative");
        }
        if (lda < k || ldb < k || ldc < n) {
            throw new IllegalArgumentException(gemmNTName(m1, n, k) + ": leading dimensions A " + lda + ", B " + ldb
                    + ", C " + ldc + " (A's and B's must be at least k = " + k + ", C's at least n = " + n + ")");
        }
        if (m1 > m0 && k > 0 && !inside(a.length, aOff + (long) m0 * lda, aOff + (long) (m1 - 1) * lda + k)) {
            throw outside(gemmNTName(m1, n, k), "A", a.length, aOff + (long) m0 * lda,
                    aOff + (long) (m1 - 1) * lda + k);
        }
        if (n > 0 && k > 0 && !inside(b.length, bOff, bOff + (long) (n - 1) * ldb + k)) {
            throw outside(gemmNTName(m1, n, k), "B", b.length, bOff, bOff + (long) (n - 1) * ldb + k);
        }
        if (m1 > m0 && n > 0 && !inside(c.length, cOff + (long) m0 * ldc, cOff + (long) (m1 - 1) * ldc + n)) {
            throw outside(gemmNTName(m1, n, k), "C", c.length, cOff + (long) m0 * ldc,
                    cOff + (long) (m1 - 1) * ldc + n);
        }
    }

    private static String gemmNTName(int m, int n, int k) {
        return "gemmNT of (" + m + " x " + k + ")(" + n + " x " + k + ")^T";
    }

    /** The operands of {@link MatrixKernels#columnSums}. */
    static void columnSums(float[] m, int off, int rows, int cols, int ld, float[] out, int outOff) {
        if (rows < 0 || cols < 0 || ld < cols) {
            throw new IllegalArgumentException("columnSums of a " + rows + " x " + cols + " matrix with leading"
                    + " dimension " + ld + ": sizes must not be negative and the leading dimension at least cols");
        }
        if (rows > 0 && cols > 0 && !inside(m.length, off, off + (long) (rows - 1) * ld + cols)) {
            throw outside("columnSums of a " + rows + " x " + cols + " matrix", "the matrix", m.length, off,
                    off + (long) (rows - 1) * ld + cols);
        }
        range("columnSums", "the sums", out.length, outOff, cols);
    }

    private static boolean inside(int length, long first, long end) {
        return first >= 0 && end <= length;
    }

    private static IllegalArgumentException outside(String op, String operand, int length, long first, long end) {
        return new IllegalArgumentException(op + ": " + operand + " needs elements [" + first + ", " + end
                + ") but its array holds " + length);
    }
}
