package latentlab.ui.session;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The window's one executor for background work: loading, saving and exporting, PCA fits, neighbour indexes,
 * test-error measurements, manifold grids. Views and view-models receive it (or one of its {@link Lane}s) instead
 * of making threads of their own; the numeric work inside a job runs on the one injected compute pool, so jobs
 * never oversubscribe the cores.
 *
 * <p>Threads are daemons (a closed window never keeps the JVM alive) and are made on demand and dropped when idle.
 * A {@link Lane} runs its tasks one at a time, in order, so a view-model's successive requests never race; its
 * {@link Lane#submitLatest} drops requests that have not started yet, for work where only the newest matters.
 */
public final class JobRunner {
    private final ExecutorService executor;

    /** @param name prefix of the threads' names */
    public JobRunner(String name) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs a one-shot task (e.g. a {@code javafx.concurrent.Task}).
     *
     * @return false if the runner was shut down (the window is closing) and the task was dropped
     */
    public boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** A new serial lane on this runner's threads. */
    public Lane lane(String name) {
        return new Lane(name);
    }

    /** Whether {@link #shutdown()} was called. */
    public boolean isShutdown() {
        return executor.isShutdown();
    }

    /** Interrupts running work and waits up to two seconds for it to end (the window is closing). */
    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tasks that run one at a time, in the order given, on the runner's threads. */
    public final class Lane implements Executor {
        private final String name;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean running;

        private Lane(String name) {
            this.name = name;
        }

        /** Queues {@code task} behind the lane's earlier tasks. */
        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                queue.add(task);
                if (running) {
                    return;
                }
                running = true;
            }
            drain();
        }

        /** Drops the tasks that have not started yet and queues {@code task}: only the newest request matters. */
        public void submitLatest(Runnable task) {
            synchronized (this) {
                queue.clear();
            }
            execute(task);
        }

        /** Whether the runner was shut down (new tasks are then ignored). */
        public boolean isShutdown() {
            return JobRunner.this.isShutdown();
        }

        private void drain() {
            try {
                executor.execute(this::runNext);
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    queue.clear();
                    running = false;
                }
            }
        }

        private void runNext() {
            Runnable task;
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } finally {
                boolean more;
                synchronized (this) {
                    more = !queue.isEmpty();
                    if (!more) {
                        running = false;
                    }
                }
                if (more) {
                    drain();
                }
            }
        }

        @Override
        public String toString() {
            return "lane " + name;
        }
    }
}
