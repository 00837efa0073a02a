package latentlab.math;

/**
 * The float32 kernels everything numeric runs on: matrix products and the element-wise operations of layers,
 * losses and optimisers, plus the two byte and integer loops of the PCA covariance ({@link #scanImage},
 * {@link #addTo}; its eigensolver runs on {@link DoubleKernels}). Two implementations: {@link VectorKernels} (SIMD through the incubating Vector API,
 * used when the JVM was started with {@code --add-modules jdk.incubator.vector}) and {@link ScalarKernels}
 * (plain Java, used otherwise). Both compute the same formulas; results may differ in the last bits.
 *
 * <p>All matrices are row-major float arrays addressed by an offset and a row stride ("leading dimension"), so
 * that layers can live inside one flat parameter vector. Kernels are single-threaded and allocation-free;
 * callers split work across threads by rows (see {@link ComputePool}).
 */
public interface Kernels {

    /** The implementation for this JVM: vectorised when the Vector API is present, scalar otherwise. */
    static Kernels get() {
        return KernelSelector.BEST;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static Kernels scalar() {
        return KernelSelector.SCALAR;
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

    /** {@code y[i] = max(0, z[i])} for i in [off, off+len). */
    void relu(float[] z, float[] y, int off, int len);

    /** {@code dz[i] = z[i] > 0 ? dy[i] : 0}. */
    void reluBackward(float[] z, float[] dy, float[] dz, int off, int len);

    /** {@code y[i] = z[i] > 0 ? z[i] : slope * z[i]}. */
    void leakyRelu(float slope, float[] z, float[] y, int off, int len);

    /** {@code dz[i] = z[i] > 0 ? dy[i] : slope * dy[i]}. */
    void leakyReluBackward(float slope, float[] z, float[] dy, float[] dz, int off, int len);

    /** {@code y[i] = tanh(z[i])}. */
    void tanh(float[] z, float[] y, int off, int len);

    /** {@code dz[i] = dy[i] * (1 - y[i]^2)} where y = tanh(z). */
    void tanhBackward(float[] y, float[] dy, float[] dz, int off, int len);

    /** {@code y[i] = 1 / (1 + exp(-z[i]))}. */
    void sigmoid(float[] z, float[] y, int off, int len);

    /** {@code dz[i] = dy[i] * y[i] * (1 - y[i])} where y = sigmoid(z). */
    void sigmoidBackward(float[] y, float[] dy, float[] dz, int off, int len);

    /**
     * Binary cross-entropy of targets x in [0, 1] against sigmoid(z), from the logits z, and its gradient:
     * <pre>l_i = max(z, 0) - x z + log(1 + exp(-|z|)),   dl_i/dz_i = sigmoid(z) - x</pre>
     * (the numerically stable form of {@code -x log s - (1 - x) log(1 - s)}, s = sigmoid(z)).
     * For i in [0, len): reads z[zOff+i] and x[xOff+i], writes {@code scale * dl/dz} into dz[zOff+i], and returns
     * the sum of the l_i in double.
     */
    double bceWithLogits(float[] z, int zOff, float[] x, int xOff, float[] dz, float scale, int len);

    /**
     * Squared error and its gradient with respect to the output y: {@code l_i = (y_i - x_i)^2} for
     * y_i = y[yOff+i], x_i = x[xOff+i]; writes {@code dy[yOff+i] = scale * 2 (y_i - x_i)}, returns the sum in double.
     */
    double squaredError(float[] y, int yOff, float[] x, int xOff, float[] dy, float scale, int len);

    /** Column sums: {@code out[outOff + j] (+)= sum_{i<rows} m[off + i*ld + j]} for j in [0, cols). */
    void columnSums(float[] m, int off, int rows, int cols, int ld, float[] out, int outOff, boolean accumulate);

    /** {@code y[i] += alpha * x[i]}. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

    /**
     * One image of a scan over byte images, for j in [0, len):
     * <pre>changed[j] |= x[off + j] ^ reference[j];   inked[j] += (x[off + j] != 0 ? 1 : 0)</pre>
     * The ink counters are bytes: the caller empties them before 255 images.
     */
    void scanImage(byte[] x, int off, byte[] reference, byte[] changed, byte[] inked, int len);

    /**
     * {@code y[yOff + i] += x[xOff + i]} for i in [0, len): floats that hold integers in [0, 2^23) added into
     * ints (exactly, while the sums stay below 2^31).
     */
    void addTo(float[] x, int xOff, int[] y, int yOff, int len);

    /** {@code sum_i x[i]^2} in double. */
    double sumOfSquares(float[] x, int off, int len);

    /**
     * One Adam update (Kingma and Ba 2015, Algorithm 1) on [from, to), with the gradient g = g0 + g1 + ...
     * summed over the given gradient arrays in order:
     * <pre>m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  p -= stepSize * m / (sqrt(v) + epsHat)</pre>
     * where the caller folds bias correction into {@code stepSize = lr sqrt(1 - b2^t) / (1 - b1^t)} and
     * {@code epsHat = eps sqrt(1 - b2^t)}, the paper's "more efficient" ordering. {@code decay} adds
     * {@code decay * p} to g first (L2 weight decay).
     */
    void adam(float[] p, float[][] grads, float[] m, float[] v, int from, int to,
              float beta1, float beta2, float stepSize, float epsHat, float decay);

    /**
     * One SGD-with-momentum update on [from, to): {@code g = sum grads + decay p; u = mu u + g; p -= lr u}
     * (the form of Sutskever et al. 2013 used by PyTorch; mu = 0 is plain SGD).
     */
    void sgd(float[] p, float[][] grads, float[] u, int from, int to, float lr, float momentum, float decay);
}
