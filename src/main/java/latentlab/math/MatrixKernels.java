package latentlab.math;

/**
 * Matrix products and the level-1 operations around them, in float32: what the layers of a network, the PCA
 * covariance and the classifiers run on. Two implementations, chosen once by {@link KernelSelector}:
 * {@code VectorMatrixKernels} (SIMD through the incubating Vector API) and {@code ScalarMatrixKernels} (plain Java).
 * Both compute the same formulas; results may differ in the last bits.
 *
 * <p>Matrices are row-major float arrays addressed by an offset and a row stride ("leading dimension"), so that
 * layers can live inside one flat parameter vector. The kernels are single-threaded and allocation-free; callers
 * share rows out between threads ({@code ComputePool.parallelFor}). Every method checks that the shapes it is given
 * fit their arrays and throws {@link IllegalArgumentException} naming them otherwise; the checks cost a few
 * comparisons per call, outside the inner loops.
 */
public interface MatrixKernels {

    /** The implementation for this JVM: vectorised when the Vector API is present, scalar otherwise. */
    static MatrixKernels get() {
        return KernelSelector.MATRIX;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static MatrixKernels scalar() {
        return KernelSelector.SCALAR_MATRIX;
    }

    /** Short description, e.g. "Vector API, 16 float lanes". */
    String description();

    /**
     * General product with a strided left operand, for rows {@code i} in [m0, m1) and columns {@code j} in [0, n):
     * <pre>C[i, j] = (accumulate ? C[i, j] : 0) + bias[j] + sum_{p < k} A(i, p) * B[p, j]</pre>
     * where {@code A(i, p) = a[aOff + i*aRow + p*aCol]}, {@code B[p, j] = b[bOff + p*ldb + j]} and
     * {@code C[i, j] = c[cOff + i*ldc + j]}. With {@code aRow = k, aCol = 1} this is C = A B; with
     * {@code aRow = 1, aCol = m} it is C = A^T B. {@code bias} may be null (then 0).
     */
    void gemm(int m0, int m1, int n, int k,
              float[] a, int aOff, int aRow, int aCol,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc,
              float[] bias, int biasOff, boolean accumulate);

    /**
     * Product with the right operand transposed, rows {@code i} in [m0, m1), columns {@code j} in [0, n):
     * <pre>C[i, j] = (accumulate ? C[i, j] : 0) + sum_{p < k} a[aOff + i*lda + p] * b[bOff + j*ldb + p]</pre>
     */
    void gemmNT(int m0, int m1, int n, int k,
                float[] a, int aOff, int lda,
                float[] b, int bOff, int ldb,
                float[] c, int cOff, int ldc, boolean accumulate);

    /** Column sums: {@code out[outOff + j] (+)= sum_{i<rows} m[off + i*ld + j]} for j in [0, cols). */
    void columnSums(float[] m, int off, int rows, int cols, int ld, float[] out, int outOff, boolean accumulate);

    /** {@code y[yOff + i] += alpha * x[xOff + i]} for i in [0, len). */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

    /**
     * {@code y[yOff + i] += x[xOff + i]} for i in [0, len): floats that hold integers in [0, 2^23) (a product tile of
     * byte values, exact in float) added into ints, exactly while the sums stay below 2^31.
     */
    void addTo(float[] x, int xOff, int[] y, int yOff, int len);
}
