package latentlab.math;

/** Picks the kernels once: the Vector API ones if the module was added to the JVM, plain Java otherwise. */
final class KernelSelector {
    static final Kernels SCALAR = new ScalarKernels();
    static final Kernels BEST = choose();
    static final DoubleKernels SCALAR_DOUBLE = new ScalarDoubleKernels();
    static final DoubleKernels BEST_DOUBLE = BEST == SCALAR ? SCALAR_DOUBLE : vectorDouble();

    private KernelSelector() {
    }

    /** Whether the incubating Vector API module is part of this JVM. */
    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static DoubleKernels vectorDouble() {
        try {
            return (DoubleKernels) Class.forName("latentlab.math.VectorDoubleKernels").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR_DOUBLE;
        }
    }

    private static Kernels choose() {
        if (Boolean.getBoolean("latentlab.scalar") || !vectorApiPresent()) {
            return SCALAR;
        }
        try {
            // Loaded reflectively so that this class links even when the module is absent.
            return (Kernels) Class.forName("latentlab.math.VectorKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return SCALAR;
        }
    }
}
