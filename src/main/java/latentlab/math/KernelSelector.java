package latentlab.math;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Picks the kernels once, for every kernel family: the Vector API implementations if the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (and {@code -Dlatentlab.scalar} is not set), plain Java otherwise. The
 * vector classes are loaded reflectively, so that everything links when the module is absent.
 */
public final class KernelSelector {
    private static final boolean VECTOR = !Boolean.getBoolean("latentlab.scalar") && vectorApiPresent();

    static final MatrixKernels SCALAR_MATRIX = new ScalarMatrixKernels();
    static final MatrixKernels MATRIX = local(MatrixKernels.class, SCALAR_MATRIX, "VectorMatrixKernels");
    static final ActivationKernels SCALAR_ACTIVATIONS = new ScalarActivationKernels();
    static final ActivationKernels ACTIVATIONS = local(ActivationKernels.class, SCALAR_ACTIVATIONS,
            "VectorActivationKernels");
    static final LossKernels SCALAR_LOSSES = new ScalarLossKernels();
    static final LossKernels LOSSES = local(LossKernels.class, SCALAR_LOSSES, "VectorLossKernels");
    static final ByteKernels SCALAR_BYTES = new ScalarByteKernels();
    static final ByteKernels BYTES = local(ByteKernels.class, SCALAR_BYTES, "VectorByteKernels");
    static final DoubleKernels SCALAR_DOUBLES = new ScalarDoubleKernels();
    static final DoubleKernels DOUBLES = local(DoubleKernels.class, SCALAR_DOUBLES, "VectorDoubleKernels");

    private KernelSelector() {
    }

    private static <T> T local(Class<T> type, T scalar, String vectorClass) {
        return pick(MethodHandles.lookup(), type, scalar, "latentlab.math." + vectorClass);
    }

    /** Whether the incubating Vector API module is part of this JVM. */
    public static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Whether the vectorised kernels were chosen. */
    public static boolean vectorised() {
        return VECTOR;
    }

    /** What the kernels are, for logs and benchmark output, e.g. "Vector API, 16 float lanes". */
    public static String description() {
        return MATRIX.description();
    }

    /**
     * The vectorised implementation {@code vectorClass} of {@code type} (a class with a no-argument constructor that
     * {@code lookup} can see) if the Vector API kernels were chosen and it loads, otherwise {@code scalar}. Kernels
     * of other packages (the optimisers' update rules) are chosen here too, with their own lookup.
     */
    public static <T> T pick(MethodHandles.Lookup lookup, Class<T> type, T scalar, String vectorClass) {
        if (!VECTOR) {
            return scalar;
        }
        try {
            Class<?> c = lookup.findClass(vectorClass);
            return type.cast(lookup.findConstructor(c, MethodType.methodType(void.class)).invoke());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return scalar;
        } catch (Throwable e) {
            throw new IllegalStateException("creating " + vectorClass, e);
        }
    }
}
