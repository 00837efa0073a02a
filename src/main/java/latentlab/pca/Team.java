package latentlab.pca;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.IntConsumer;

import latentlab.compute.ComputePool;

/**
 * The threads of a {@link ComputePool} for a phase made of many small parallel steps (the eigensolver has one per
 * column of the matrix, ~700 for MNIST): one {@code pool.run} for the whole phase, the calling thread coordinating
 * and the others helping with each step.
 *
 * <p>Within a step the tasks are claimed one by one by whichever thread is running. {@code ComputePool.run} instead
 * gives each thread a fixed share and waits for all of them, so when the machine is shared and the OS has
 * descheduled one of our threads, every step waits a scheduler time slice (milliseconds) for it: measured here,
 * the 2-thread reduction then took 0.35-0.45 s against 0.13 s on one thread. With claiming, a descheduled helper
 * holds up a step only if it is inside one of its tasks. Results do not depend on who ran which task, as long as
 * each task writes its own outputs (callers sum per-task parts in a fixed order).
 *
 * <p>Helpers spin briefly between steps (the coordinator's serial work between steps takes microseconds), then park
 * until the next step is posted.
 */
final class Team {
    /** How long a helper spins for the next step before parking. */
    private static final long SPIN_NANOS = 100_000;

    private volatile Step current;
    private volatile boolean finished;
    /** The helper threads, registered as they start (a helper the OS has not started yet is null). */
    private final AtomicReferenceArray<Thread> helpers;

    private Team(int threads) {
        this.helpers = new AtomicReferenceArray<>(threads - 1);
    }

    /**
     * Runs {@code body} on the calling thread with the pool's other threads as helpers for its {@link #forEach}
     * calls, and returns its result. {@code body} must not call {@code pool.run} itself (the helpers are busy).
     */
    static <R> R session(ComputePool pool, Function<Team, R> body) {
        Team team = new Team(pool.threads());
        Object[] result = new Object[1];
        pool.run(t -> {
            if (t == 0) {
                try {
                    result[0] = body.apply(team);
                } finally {
                    team.finish();
                }
            } else {
                team.help(t - 1);
            }
        });
        @SuppressWarnings("unchecked")
        R r = (R) result[0];
        return r;
    }

    /** Number of threads, the coordinator included. */
    int threads() {
        return helpers.length() + 1;
    }

    /**
     * Runs {@code task} for 0..tasks-1, each exactly once, on the coordinator and any helpers that are running;
     * returns when all have finished. Exceptions from the tasks are rethrown here. Coordinator only.
     */
    void forEach(int tasks, IntConsumer task) {
        Step step = new Step(task, tasks);
        if (helpers.length() > 0 && tasks > 1) {
            current = step;
            unparkHelpers();
        }
        step.work();
        // Only tasks that helpers are inside are left.
        while (step.done.get() < tasks) {
            Thread.onSpinWait();
        }
        Throwable failure = step.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private void finish() {
        finished = true;
        unparkHelpers();
    }

    private void unparkHelpers() {
        for (int i = 0; i < helpers.length(); i++) {
            Thread h = helpers.get(i);
            if (h != null) {
                LockSupport.unpark(h);
            }
        }
    }

    private void help(int index) {
        helpers.set(index, Thread.currentThread());
        Step last = null;
        long idleSince = System.nanoTime();
        while (!finished) {
            Step step = current;
            if (step != last && step != null) {
                step.work();
                last = step;
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
    }

    /** One step: tasks handed out by a counter. */
    private static final class Step {
        private final IntConsumer task;
        private final int tasks;
        private final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Step(IntConsumer task, int tasks) {
            this.task = task;
            this.tasks = tasks;
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }
}
