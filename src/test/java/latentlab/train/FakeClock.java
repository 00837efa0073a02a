package latentlab.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A {@link TrainingClock} that stands still until the test advances it, and tells the test when the trainer waits
 * for a time still to come (in slow motion: everything due until now has been done).
 */
final class FakeClock implements TrainingClock {
    /** How long a test waits for the trainer before it fails (never reached when the trainer works). */
    static final long LIVENESS_SECONDS = 60;

    private long now = 1_000_000_000L;
    private long waitingFor = Long.MIN_VALUE;
    private Lock waitingLock;
    private Condition waitingCondition;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void awaitUntil(Lock lock, Condition condition, long deadline) throws InterruptedException {
        // The caller holds lock, so advance() cannot signal between this registration and the await below.
        synchronized (this) {
            if (now - deadline >= 0) {
                return;
            }
            waitingFor = deadline;
            waitingLock = lock;
            waitingCondition = condition;
            notifyAll();
        }
        try {
            condition.await();
        } finally {
            synchronized (this) {
                waitingFor = Long.MIN_VALUE;
                waitingLock = null;
                waitingCondition = null;
            }
        }
    }

    /** Moves the time on and wakes the trainer if it waits for a time. */
    void advance(long nanos) {
        Lock lock;
        Condition condition;
        synchronized (this) {
            now += nanos;
            lock = waitingLock;
            condition = waitingCondition;
        }
        if (lock != null) {
            lock.lock();
            try {
                condition.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    void advanceMillis(long ms) {
        advance(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** Blocks until the trainer waits for a time after now; returns how far ahead, in milliseconds. */
    synchronized double awaitTrainerWaiting() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIVENESS_SECONDS);
        while (waitingFor == Long.MIN_VALUE || waitingFor - now <= 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the trainer never waited for the clock");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return (waitingFor - now) / 1e6;
    }

    /** Blocks until the trainer waits for exactly {@code aheadMillis} after now (failing after a long timeout). */
    synchronized void awaitTrainerWaitingFor(double aheadMillis, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIVENESS_SECONDS);
        while (waitingFor == Long.MIN_VALUE || (waitingFor - now) / 1e6 != aheadMillis) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(what + ": the trainer never waited " + aheadMillis + " ms");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
