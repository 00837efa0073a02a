package latentlab.compute;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The threads for data-parallel numeric work: a fixed team of workers that, together with the calling thread,
 * share out index ranges. One pool serves a process (the window or a command) and is passed to whatever needs it.
 *
 * <h2>Claiming</h2>
 * {@link #parallelFor(int, int, RangeBody)} cuts [0, n) into chunks of {@code grain} indices with fixed boundaries;
 * the caller and the workers claim them one by one from a shared counter until none are left. On a machine shared
 * with other processes the OS may deschedule one of our threads for a whole time slice (milliseconds); with a fixed
 * share per thread every call would then wait for it, with claiming a descheduled thread holds up a call only while
 * it is inside a chunk, and the others take the rest. The eigensolver of the PCA, ~700 small parallel steps in a row,
 * is where this matters most.
 *
 * <h2>Determinism</h2>
 * Which thread runs which chunk varies from call to call, the chunks do not: a caller that keeps one result per chunk
 * (or per fixed group of chunks) and combines them in chunk order gets the same bits with any number of threads.
 * {@link #run} and {@link #forEach} are the special case of one index per chunk, for work split into a fixed number
 * of parts, such as the training step's slices of a minibatch.
 *
 * <h2>Hand-over and waiting</h2>
 * Training posts a few jobs per minibatch, so handing one over must be cheap next to the work: an idle worker spins
 * briefly on the current job before it parks, and is unparked only if it parked. The caller works on the job too; when
 * no chunk is left to claim it spins briefly for the chunks still in flight, then parks until the thread that finishes
 * the last chunk unparks it.
 *
 * <h2>Several callers</h2>
 * One job runs at a time. A call made while another thread's job is running, or from inside a job (a nested call),
 * does not wait for the pool: it runs all of its chunks on its own thread, with the same results. So no caller
 * blocks on another, and the pool never has more jobs than threads, with one exception: work someone is waiting for
 * ({@link #parallelForUrgently}, the window's scrubbing through training's history) waits for the job running now
 * (a training step's part, a millisecond or two) and then has the whole pool, and other callers that come meanwhile
 * wait for it instead of taking cores from it on their own threads; the results are the same either way.
 *
 * <p>Workers are daemon threads; {@link #close()} ends them. Exceptions thrown by a chunk stop the handing out of
 * further chunks and are rethrown to the caller once the chunks in flight are done.
 */
public final class ComputePool implements AutoCloseable {
    /** How long an idle thread spins for work before it parks. */
    private static final long SPIN_NANOS = 50_000;
    private static final ComputePool SERIAL = new ComputePool(1, true);

    /** The body of a {@link #parallelFor(int, int, RangeBody)}: one chunk of indices [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * The body of a {@link #parallelFor(int, int, SlotRangeBody)}: one chunk of indices [from, to), run by the thread
     * that has {@code slot} in [0, threads()) for the duration of the call (0 is the caller). No two threads of one
     * call share a slot, so per-slot scratch and accumulators need no locking.
     */
    @FunctionalInterface
    public interface SlotRangeBody {
        void run(int slot, int from, int to);
    }

    private final int threads;
    private final Worker[] workers;
    private final boolean shared;
    /** Fair, so that the callers waiting behind urgent work are served in order (tryLock still barges in). */
    private final ReentrantLock busy = new ReentrantLock(true);
    /** Urgent jobs waiting for the pool or running on it. */
    private final java.util.concurrent.atomic.AtomicInteger urgent = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Job current;
    private volatile boolean closed;

    /** @param threads total parallelism including the caller, at least 1 (1 starts no thread) */
    public ComputePool(int threads) {
        this(threads, false);
    }

    private ComputePool(int threads, boolean shared) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.shared = shared;
        this.workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
            workers[w].start();
        }
    }

    /** One thread per available processor. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A pool of the calling thread alone, shared by everyone who asks; closing it does nothing. */
    public static ComputePool serial() {
        return SERIAL;
    }

    /** Total parallelism, the caller included. */
    public int threads() {
        return threads;
    }

    /**
     * Calls {@code body} once for every chunk [c g, min(n, (c + 1) g)) of [0, n), g = {@code grain}, in any order and
     * on any of the pool's threads, the caller included; returns when all have run.
     *
     * @throws IllegalArgumentException if n &lt; 0 or grain &lt; 1
     * @throws IllegalStateException    if the pool is closed
     */
    public void parallelFor(int n, int grain, RangeBody body) {
        Objects.requireNonNull(body, "body");
        parallelFor(n, grain, (slot, from, to) -> body.run(from, to));
    }

    /** The same, telling the body which slot its thread has (for per-thread scratch and accumulators). */
    public void parallelFor(int n, int grain, SlotRangeBody body) {
        parallelFor(n, grain, body, false);
    }

    /**
     * {@link #parallelFor(int, int, SlotRangeBody)} for work a person is waiting for: it waits for the pool rather
     * than run alone while another caller's job runs, and the calls that come while it waits or runs wait for it.
     */
    public void parallelForUrgently(int n, int grain, SlotRangeBody body) {
        parallelFor(n, grain, body, true);
    }

    private void parallelFor(int n, int grain, SlotRangeBody body, boolean urgently) {
        Objects.requireNonNull(body, "body");
        if (n < 0 || grain < 1) {
            throw new IllegalArgumentException("parallelFor over " + n + " indices in chunks of " + grain
                    + ": need n >= 0 and a grain of at least 1");
        }
        if (closed) {
            throw new IllegalStateException("compute pool closed");
        }
        if (n == 0) {
            return;
        }
        int chunks = (int) ((n + (long) grain - 1) / grain);
        Job job = new Job(body, n, grain, chunks);
        boolean alone = threads == 1 || chunks == 1 || busy.isHeldByCurrentThread() || isWorker();
        if (!alone && urgently) {
            urgent.incrementAndGet();
            busy.lock();
        } else if (!alone) {
            // Behind urgent work, wait for it (fair: in order) instead of taking cores from it.
            if (urgent.get() > 0) {
                busy.lock();
            } else {
                alone = !busy.tryLock();
            }
        }
        if (alone) {
            job.work(0);
        } else {
            try {
                current = job;
                for (Worker w : workers) {
                    if (w.parked) {
                        LockSupport.unpark(w);
                    }
                }
                job.work(0);
                job.awaitDone();
            } finally {
                current = null;
                if (urgently) {
                    urgent.decrementAndGet();
                }
                busy.unlock();
            }
        }
        job.rethrow();
    }

    /** Whether the calling thread is one of this pool's workers (a nested call from inside a chunk). */
    private boolean isWorker() {
        Thread t = Thread.currentThread();
        return t instanceof Worker w && w.pool() == this;
    }

    /** Calls {@code task} for every index in [0, count), each exactly once, claimed like chunks of one index. */
    public void forEach(int count, IntConsumer task) {
        Objects.requireNonNull(task, "task");
        parallelFor(count, 1, (slot, from, to) -> task.accept(from));
    }

    /**
     * Calls {@code part} for parts 0 .. threads()-1, each exactly once, and waits for all: work split into a fixed
     * share per part, where the results must depend on the part only.
     */
    public void run(IntConsumer part) {
        forEach(threads, part);
    }

    /** Ends the worker threads (after the chunks they are in); the pool cannot be used afterwards. */
    @Override
    public void close() {
        if (shared) {
            return;
        }
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w);
        }
    }

    /** One call's chunks: a claim counter, a count of finished chunks, the first failure. */
    private static final class Job {
        private final SlotRangeBody body;
        private final int n;
        private final int grain;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile Thread waiter;

        Job(SlotRangeBody body, int n, int grain, int chunks) {
            this.body = body;
            this.n = n;
            this.grain = grain;
            this.chunks = chunks;
        }

        /** Claims and runs chunks until none is left; after a failure, claimed chunks are skipped. */
        void work(int slot) {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                if (failure.get() == null) {
                    int from = (int) ((long) c * grain);
                    int to = (int) Math.min(n, (long) from + grain);
                    try {
                        body.run(slot, from, to);
                    } catch (Throwable t) {
                        if (!failure.compareAndSet(null, t)) {
                            failure.get().addSuppressed(t);
                        }
                    }
                }
                if (done.incrementAndGet() == chunks) {
                    Thread w = waiter;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
            }
        }

        /** Waits for the chunks other threads are still in: a short spin, then parked until the last one ends. */
        void awaitDone() {
            long start = System.nanoTime();
            while (done.get() < chunks && System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            if (done.get() == chunks) {
                return;
            }
            // Set before the check below, read by the finisher after its increment: one of the two sees the other.
            waiter = Thread.currentThread();
            boolean interrupted = Thread.interrupted();
            while (done.get() < chunks) {
                LockSupport.park(this);
                // An interrupt makes park return at once; the chunks still write into the caller's arrays, so the
                // wait goes on and the interrupt is restored afterwards.
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** A worker: takes part in every job posted while it runs, spinning briefly between jobs, then parking. */
    private final class Worker extends Thread {
        private final int slot;
        volatile boolean parked;

        Worker(int slot) {
            super("latentlab-compute-" + slot);
            this.slot = slot;
            setDaemon(true);
        }

        ComputePool pool() {
            return ComputePool.this;
        }

        @Override
        public void run() {
            Job last = null;
            while (!closed) {
                Job job = current;
                if (job != null && job != last) {
                    last = job;
                    job.work(slot);
                    continue;
                }
                long idleSince = System.nanoTime();
                while (current == job && !closed && System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                }
                // Set before the check, read by the poster after it sets the job: one of the two sees the other.
                parked = true;
                if (current == job && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
            }
        }
    }
}
