package latentlab.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition without the FX toolkit (TestFX's {@code WaitForAsyncUtils.waitFor} for plain threads). The
 * time given is a generous guard against a hang, not a speed check: the wait ends as soon as the condition holds.
 */
public final class Await {
    private Await() {
    }

    /** Checks {@code condition} about every millisecond until it holds; fails after {@code seconds}. */
    public static void until(long seconds, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("the condition did not hold within " + seconds + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
