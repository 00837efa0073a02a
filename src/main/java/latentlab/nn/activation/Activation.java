package latentlab.nn.activation;

import latentlab.math.ActivationKernels;

/**
 * An element-wise non-linearity f applied after a layer's affine map: y = f(z).
 *
 * <p>Each activation gives its formula twice: per element in double precision ({@link #apply},
 * {@link #derivative}), which the gradient checks differentiate numerically, and over float arrays through the
 * {@link ActivationKernels} ({@link #forward}, {@link #backward}), which training runs.
 */
public interface Activation {
    /** Name used in model files, on the command line and in the UI ("relu", "tanh", ...). */
    String name();

    /** f(z). */
    double apply(double z);

    /** f'(z), given z and y = f(z) (whichever is cheaper to use). */
    double derivative(double z, double y);

    /** y[i] = f(z[i]) for i in [off, off+len); y may be z. */
    void forward(ActivationKernels k, float[] z, float[] y, int off, int len);

    /** dz[i] = dy[i] f'(z[i]) for i in [off, off+len); dz may be dy. */
    void backward(ActivationKernels k, float[] z, float[] y, float[] dy, float[] dz, int off, int len);

    /** Whether f is the identity (then y and z can share storage and backward is a no-op). */
    default boolean isIdentity() {
        return false;
    }
}
