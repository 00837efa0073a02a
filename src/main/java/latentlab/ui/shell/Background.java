package latentlab.ui.shell;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor for one-shot background work of the UI (loading, PCA fits, exports). Daemon threads, so a
 * closed window never leaves the JVM running; {@link #shutdown()} also interrupts running work.
 */
public final class Background {
    private final ExecutorService executor;

    public Background(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(tf);
    }

    public void submit(Runnable task) {
        executor.execute(task);
    }

    /** Interrupts running work and waits briefly for it to end. */
    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
