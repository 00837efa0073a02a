package latentlab.math;

/**
 * The element-wise non-linearities of a network and their derivatives, in float32, each over the elements
 * [off, off + len) of its arrays (outputs may be the inputs). Two implementations, chosen once by
 * {@link KernelSelector}: {@code VectorActivationKernels} and {@code ScalarActivationKernels}; both compute the same
 * formulas, results may differ in the last bits. Every method checks its ranges ({@link IllegalArgumentException}).
 */
public interface ActivationKernels {

    /** The implementation for this JVM. */
    static ActivationKernels get() {
        return KernelSelector.ACTIVATIONS;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static ActivationKernels scalar() {
        return KernelSelector.SCALAR_ACTIVATIONS;
    }

    /** {@code y[i] = max(0, z[i])}. */
    void relu(float[] z, float[] y, int off, int len);

    /** {@code dz[i] = z[i] > 0 ? dy[i] : 0}. */
    void reluBackward(float[] z, float[] dy, float[] dz, int off, int len);

    /** {@code y[i] = z[i] > 0 ? z[i] : slope * z[i]}. */
    void leakyRelu(float slope, float[] z, float[] y, int off, int len);

    /** {@code dz[i] = z[i] > 0 ? dy[i] : slope * dy[i]}. */
    void leakyReluBackward(float slope, float[] z, float[] dy, float[] dz, int off, int len);

    /** {@code y[i] = z[i] > 0 ? z[i] : exp(z[i]) - 1} (ELU with alpha = 1). */
    void elu(float[] z, float[] y, int off, int len);

    /**
     * {@code dz[i] = y[i] > 0 ? dy[i] : dy[i] * (y[i] + 1)} where y = elu(z): for z &le; 0, f'(z) = exp(z) = y + 1,
     * and y has the sign of z, so z is not needed.
     */
    void eluBackward(float[] y, float[] dy, float[] dz, int off, int len);

    /** {@code y[i] = tanh(z[i])}. */
    void tanh(float[] z, float[] y, int off, int len);

    /** {@code dz[i] = dy[i] * (1 - y[i]^2)} where y = tanh(z). */
    void tanhBackward(float[] y, float[] dy, float[] dz, int off, int len);

    /** {@code y[i] = 1 / (1 + exp(-z[i]))}. */
    void sigmoid(float[] z, float[] y, int off, int len);

    /** {@code dz[i] = dy[i] * y[i] * (1 - y[i])} where y = sigmoid(z). */
    void sigmoidBackward(float[] y, float[] dy, float[] dz, int off, int len);
}
