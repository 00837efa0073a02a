package latentlab.ui.explorer;

import java.util.concurrent.atomic.AtomicReference;

import latentlab.compute.ComputePool;
import latentlab.nn.Codec;
import latentlab.ui.session.JobRunner;

/**
 * Decodes grids of latent positions (the manifold backdrop) in the background: each request runs on the view's
 * lane of the window's job runner, latest-wins (a request not yet started is dropped for a newer one, so dragging
 * or training never queues up work), and its codes are decoded in parallel on the one compute pool. The UI polls
 * {@link #result()} once per frame and never waits.
 */
public final class GridDecoder implements AutoCloseable {
    /** Codes decoded per chunk: enough to keep a matrix product busy, small enough to share a grid out. */
    private static final int DECODE_CHUNK = 64;

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

    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final AtomicReference<Result> result = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean closed;
    private long version;

    /**
     * @param lane where requests run, one at a time (a lane of its own: latest-wins drops the lane's other
     *             waiting tasks)
     * @param pool the compute pool the decoding is split over
     */
    public GridDecoder(JobRunner.Lane lane, ComputePool pool) {
        this.lane = lane;
        this.pool = pool;
    }

    /** Asks for a grid; a request not yet started is dropped in favour of this one. */
    public void request(Request r) {
        if (!closed) {
            lane.submitLatest(() -> work(r));
        }
    }

    private void work(Request r) {
        if (closed) {
            return;
        }
        try {
            float[] out = decode(r, pool);
            synchronized (this) {
                version++;
                result.set(new Result(r, out, version));
            }
        } catch (RuntimeException e) {
            // A closed pool (the window is closing) or a model that cannot decode: no grid this time; the map
            // shows the points without the backdrop, and the next request tries again.
            if (!closed) {
                failure.set(e);
            }
        }
    }

    /** h(a) for every code of the request, in chunks of codes shared out on the pool's threads. */
    static float[] decode(Request r, ComputePool pool) {
        Codec codec = r.codec();
        int k = codec.latentSize();
        int d = codec.inputSize();
        int count = r.count();
        float[] out = new float[count * d];
        pool.parallelFor(count, DECODE_CHUNK, (from, to) -> codec.decode(r.codes(), from * k, to - from, out,
                from * d));
        return out;
    }

    /** The newest finished grid, or null. */
    public Result result() {
        return result.get();
    }

    /** The last request's failure since the last call (then cleared), or null. */
    public RuntimeException takeFailure() {
        return failure.getAndSet(null);
    }

    /** Forgets the last result (the model changed shape). */
    public void clear() {
        result.set(null);
    }

    /** Ignores requests and results from now on (the lane and the pool belong to the window, not to this). */
    @Override
    public void close() {
        closed = true;
    }
}
