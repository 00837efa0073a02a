package latentlab.math;

import java.util.Objects;

/**
 * The kernels a network's forward and backward passes run on, passed as one argument: products for the layers,
 * non-linearities, losses.
 *
 * @param matrix      products and level-1 operations
 * @param activations element-wise non-linearities
 * @param losses      reconstruction losses
 */
public record KernelSet(MatrixKernels matrix, ActivationKernels activations, LossKernels losses) {
    private static final KernelSet BEST = new KernelSet(MatrixKernels.get(), ActivationKernels.get(),
            LossKernels.get());
    private static final KernelSet SCALAR = new KernelSet(MatrixKernels.scalar(), ActivationKernels.scalar(),
            LossKernels.scalar());

    public KernelSet {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(losses, "losses");
    }

    /** The implementations for this JVM. */
    public static KernelSet get() {
        return BEST;
    }

    /** The plain-Java implementations (for tests and comparisons). */
    public static KernelSet scalar() {
        return SCALAR;
    }
}
