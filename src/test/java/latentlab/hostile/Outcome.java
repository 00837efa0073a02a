package latentlab.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;

import latentlab.data.AllocationMeter;

/**
 * Runs a load of a hostile input and checks its outcome: a result, or one of the typed errors the reader
 * promises — never another exception (an internal error) or an error (OutOfMemoryError) — and never more heap
 * allocated than the given bound.
 */
final class Outcome {
    private Outcome() {
    }

    /**
     * @param load    reads the input
     * @param bound   most bytes the load may allocate
     * @param allowed the exception types that count as a clean refusal
     * @return the result, or null if the input was refused cleanly
     */
    static <T> T of(Callable<T> load, long bound, List<Class<? extends Exception>> allowed) {
        long before = allocated();
        T result = null;
        try {
            result = load.call();
        } catch (Exception e) {
            if (allowed.stream().noneMatch(c -> c.isInstance(e))) {
                throw new AssertionError("not a clean refusal: " + e, e);
            }
            String m = e.getMessage();
            assertTrue(m != null && !m.isBlank() && !m.contains("null") && m.indexOf('\n') < 0,
                    "one line that names the problem: " + m);
        }
        long used = allocated() - before;
        assertTrue(used <= bound, "allocated " + used + " bytes, at most " + bound + " allowed");
        return result;
    }

    private static long allocated() {
        return AllocationMeter.allocated();
    }
}
