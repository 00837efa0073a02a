package latentlab.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Time as the trainer sees it: for slow motion (the time between steps), the interval between snapshots, the code
 * refresh budget, the rate meter and the epoch timings. {@link #SYSTEM} is the JVM's monotonic clock; tests give
 * the trainer a clock they advance themselves, so that what happens per second is exact rather than a wall-clock
 * estimate.
 */
public interface TrainingClock {
    /** {@link System#nanoTime()}, waited on with {@link Condition#awaitNanos}. */
    TrainingClock SYSTEM = new TrainingClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void awaitUntil(Lock lock, Condition condition, long deadline) throws InterruptedException {
            long wait = deadline - System.nanoTime();
            if (wait > 0) {
                condition.awaitNanos(wait);
            }
        }

        @Override
        public String toString() {
            return "system clock";
        }
    };

    /** Now, in nanoseconds from an arbitrary origin; never decreases. */
    long nanoTime();

    /**
     * Waits on {@code condition}, whose {@code lock} the caller holds, until it is signalled or this clock reads at
     * least {@code deadline}; may return early (callers check again in a loop). A clock whose time is advanced by
     * hand signals the condition when it advances.
     */
    void awaitUntil(Lock lock, Condition condition, long deadline) throws InterruptedException;

    /** Milliseconds as nanoseconds of this clock. */
    static long millis(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
