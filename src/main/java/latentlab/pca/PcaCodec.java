package latentlab.pca;

import latentlab.math.MatrixKernels;
import latentlab.nn.Codec;

/**
 * PCA with k components as a {@link Codec}, the same interface as the autoencoder:
 * <pre>g(x) = V_k (x - mu)        h(a) = mu + V_k^T a</pre>
 * where the rows of V_k are the first k principal axes. Since the axes are orthonormal, h(g(x)) is the orthogonal
 * projection of x onto the k-dimensional affine subspace through the mean that fits the training data best.
 *
 * <p>Immutable (it only reads the model's arrays); safe to call from any thread. Obtain one with
 * {@link PcaModel#codec(int)}.
 */
public final class PcaCodec implements Codec {
    /** Rows centred at a time when encoding: keeps the scratch small (64 x 784 floats = 200 KB). */
    private static final int CHUNK = 64;

    private final PcaModel model;
    private final int k;

    PcaCodec(PcaModel model, int k) {
        if (k < 1 || k > model.dimension()) {
            throw new IllegalArgumentException("k = " + k + " components: choose 1 <= k <= d = " + model.dimension());
        }
        this.model = model;
        this.k = k;
    }

    /** The model this codec uses the first {@link #latentSize()} axes of. */
    public PcaModel model() {
        return model;
    }

    @Override
    public int inputSize() {
        return model.dimension();
    }

    @Override
    public int latentSize() {
        return k;
    }

    @Override
    public String describe() {
        return "PCA, k = " + k;
    }

    @Override
    public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
        int d = model.dimension();
        float[] mean = model.meanArray();
        float[] v = model.componentArray();
        MatrixKernels kern = MatrixKernels.get();
        // Centre first, then project: projecting x and mu separately and subtracting would cancel digits in float.
        float[] xc = new float[Math.min(n, CHUNK) * d];
        for (int r = 0; r < n; r += CHUNK) {
            int rows = Math.min(CHUNK, n - r);
            for (int i = 0; i < rows; i++) {
                int src = xOff + (r + i) * d;
                int dst = i * d;
                for (int p = 0; p < d; p++) {
                    xc[dst + p] = x[src + p] - mean[p];
                }
            }
            // a[i, c] = sum_p xc[i, p] V[c, p]: dot products with the first k rows of V.
            kern.gemmNT(0, rows, k, d, xc, 0, d, v, 0, d, a, aOff + r * k, k, false);
        }
    }

    @Override
    public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
        int d = model.dimension();
        // x[i, p] = mu[p] + sum_c a[i, c] V[c, p]: one product, with the mean as the bias row.
        MatrixKernels.get().gemm(0, n, d, k, a, aOff, k, 1, model.componentArray(), 0, d, x, xOff, d,
                model.meanArray(), 0, false);
    }

    @Override
    public String toString() {
        return describe();
    }
}
