package latentlab.math;

/**
 * Reconstruction losses with their gradients, and a sum of squares, in float32 with the sums in double. Two
 * implementations, chosen once by {@link KernelSelector}: {@code VectorLossKernels} and {@code ScalarLossKernels};
 * results may differ in the last bits. Every method checks its ranges ({@link IllegalArgumentException}).
 */
public interface LossKernels {

    /** The implementation for this JVM. */
    static LossKernels get() {
        return KernelSelector.LOSSES;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static LossKernels scalar() {
        return KernelSelector.SCALAR_LOSSES;
    }

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

    /** {@code sum_i x[off + i]^2} for i in [0, len), in double. */
    double sumOfSquares(float[] x, int off, int len);
}
