package latentlab.nn;

import latentlab.math.MatrixKernels;

/**
 * A fully connected layer z = W x + b, for a batch of row vectors: Z = X W^T + 1 b^T.
 *
 * <p>The layer owns no arrays: its weights live in a flat parameter vector at {@link #weightOffset()}, stored
 * transposed (W^T, {@code in x out}, row-major) so that the forward pass — run for every batch and for every
 * code shown on screen — is a plain product X W^T with contiguous rows; the bias follows at
 * {@link #biasOffset()}. Gradients use the same layout in a gradient vector.
 * <pre>forward:  Z = X Wt + b        backward:  dWt = X^T dZ,  db = 1^T dZ,  dX = dZ Wt^T</pre>
 */
public final class Dense {
    private final int in;
    private final int out;
    private final int weightOffset;

    public Dense(int in, int out, int weightOffset) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("layer sizes must be positive: " + in + " -> " + out);
        }
        this.in = in;
        this.out = out;
        this.weightOffset = weightOffset;
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }

    /** Where W^T starts in the parameter vector. */
    public int weightOffset() {
        return weightOffset;
    }

    /** Where b starts in the parameter vector. */
    public int biasOffset() {
        return weightOffset + in * out;
    }

    /** Number of parameters, in * out + out. */
    public int parameterCount() {
        return in * out + out;
    }

    /** Index in the parameter vector of weight W[o][i] (the weight from input i to output o). */
    public int weightIndex(int o, int i) {
        return weightOffset + i * out + o;
    }

    /** Z[rows x out] = X[rows x in] W^T + b, for rows [r0, r1) of X and Z. */
    public void forward(MatrixKernels k, float[] params, float[] x, int xOff, int r0, int r1, float[] z, int zOff) {
        k.gemm(r0, r1, out, in, x, xOff, in, 1, params, weightOffset, out, z, zOff, out, params, biasOffset(), false);
    }

    /** dWt = X^T dZ and db = column sums of dZ, over {@code rows} rows, written (not added) into {@code grad}. */
    public void backwardParams(MatrixKernels k, float[] x, int xOff, float[] dz, int dzOff, int rows, float[] grad) {
        k.gemm(0, in, out, rows, x, xOff, 1, in, dz, dzOff, out, grad, weightOffset, out, null, 0, false);
        k.columnSums(dz, dzOff, rows, out, out, grad, biasOffset(), false);
    }

    /** dX[rows x in] = dZ[rows x out] Wt^T. */
    public void backwardInput(MatrixKernels k, float[] params, float[] dz, int dzOff, int rows, float[] dx, int dxOff) {
        k.gemmNT(0, rows, in, out, dz, dzOff, out, params, weightOffset, out, dx, dxOff, in, false);
    }
}
