package latentlab.ui.explorer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import latentlab.nn.Codec;

/**
 * Decodes grids of latent positions (the manifold backdrop, traversal strips) on a background thread. Requests
 * replace each other: only the newest waiting request runs, so dragging or training never queues up work. The UI
 * polls {@link #result()} once per frame.
 */
public final class GridDecoder implements AutoCloseable {
    /**
     * A grid to decode: {@code codes} holds {@code count} latent vectors of size k (row-major grid order).
     *
     * @param tag caller's description of what this grid shows (bounds, dims), handed back with the result
     */
    public record Request(Codec codec, float[] codes, int count, Object tag) {
    }

    /** Decoded images, {@code count x d}, for a request. */
    public record Result(Request request, float[] images, long version) {
    }

    private final ExecutorService executor;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicReference<Result> result = new AtomicReference<>();
    private volatile boolean closed;
    private long version;

    public GridDecoder(String name) {
        // One thread at most, ended after a few idle seconds, so an idle or discarded view holds no thread.
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(1, 1, 5,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "latentlab-" + name);
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
    }

    /** Asks for a grid; a request not yet started is dropped in favour of this one. */
    public void request(Request r) {
        if (closed || pending.getAndSet(r) != null) {
            return;
        }
        executor.execute(this::work);
    }

    private void work() {
        Request r = pending.getAndSet(null);
        if (r == null || closed) {
            return;
        }
        float[] out = new float[r.count() * r.codec().inputSize()];
        r.codec().decode(r.codes(), 0, r.count(), out, 0);
        synchronized (this) {
            version++;
            result.set(new Result(r, out, version));
        }
    }

    /** The newest finished grid, or null. */
    public Result result() {
        return result.get();
    }

    /** Forgets the last result (the model changed shape). */
    public void clear() {
        result.set(null);
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
