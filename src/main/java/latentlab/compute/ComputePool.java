package latentlab.compute;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads for data-parallel numeric work: {@link #run} calls {@code task.accept(t)} for every
 * t in [0, threads), part 0 on the calling thread, and returns when all parts are done.
 *
 * <p>Training calls it a few times per minibatch, so the hand-off must cost microseconds, not the tens of
 * microseconds of an executor: idle workers spin briefly on a volatile generation counter before parking.
 * Work is split by fixed index, so results do not depend on timing (bit-identical for the same thread count).
 * Workers are daemon threads; {@link #close()} ends them.
 */
public final class ComputePool implements AutoCloseable {
    private static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile int generation;
    private volatile Throwable failure;
    private volatile boolean closed;

    /** @param threads total parallelism including the caller, at least 1 */
    public ComputePool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            final int part = w + 1;
            Thread t = new Thread(() -> work(part), "latentlab-compute-" + part);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** One thread per available processor. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} for parts 0 .. threads-1 in parallel and waits for all of them. Exceptions thrown by any
     * part are rethrown here. Calls from several threads are serialised.
     */
    public synchronized void run(IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("compute pool closed");
        }
        if (threads == 1) {
            task.accept(0);
            return;
        }
        failure = null;
        remaining.set(threads - 1);
        this.task = task;
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable mine = null;
        try {
            task.accept(0);
        } catch (Throwable t) {
            mine = t;
        }
        int spins = 0;
        while (remaining.get() > 0) {
            // Spin briefly (the parts are balanced, so the wait is usually short), then give the core away.
            if (++spins < 2_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        this.task = null;
        Throwable other = failure;
        if (mine != null || other != null) {
            Throwable t = mine != null ? mine : other;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new RuntimeException(t);
        }
    }

    /** First index of part {@code part} when [0, n) is split into {@code parts} nearly equal ranges. */
    public static int splitStart(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }

    private void work(int part) {
        int seen = 0;
        while (!closed) {
            int g = generation;
            if (g != seen) {
                seen = g;
                try {
                    task.accept(part);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    remaining.decrementAndGet();
                }
                continue;
            }
            long t0 = System.nanoTime();
            while (generation == seen && !closed && System.nanoTime() - t0 < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            if (generation == seen && !closed) {
                LockSupport.parkNanos(this, 50_000_000L);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
