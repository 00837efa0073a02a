package latentlab.compute;

/** One two-thread pool for tests that need threads but do not test them, kept for the whole test run. */
public final class TestPool {
    private static final ComputePool SHARED = new ComputePool(2);

    private TestPool() {
    }

    /** The shared pool; do not close it. */
    public static ComputePool get() {
        return SHARED;
    }
}
