package latentlab.embed;

import java.util.Objects;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.math.ByteKernels;

/**
 * Exact nearest-neighbour search in raw pixel space over the images of a {@link Dataset} (pixels scaled to
 * [0, 1], as {@link Dataset#copyImage} gives them), for comparing code space with "no model at all".
 *
 * <h2>Memory and speed</h2>
 * The images stay as the data set's bytes: 70,000 MNIST images as floats would take 220 MB. A query copies {@value
 * #BLOCK_ROWS} images at a time into a byte block per thread (50 KB for 28 x 28, inside the L1/L2 caches) and takes
 * their inner products with the query straight from the bytes ({@link ByteKernels}, SIMD). Every measure follows from
 * q.x and the squared norms, which are computed here once, exactly, from the bytes: ||q - x||^2 = ||q||^2 + ||x||^2 - 2
 * q.x. In pixel space distances are large next to the rounding of that expansion (a duplicate image comes out at a
 * distance of about 0.005 instead of 0, against nearest-neighbour distances of 3 to 6 among MNIST's training images),
 * unlike the close codes of {@link NeighbourIndex}.
 *
 * <p>The first query or two run before the JIT has compiled the SIMD code and are much slower; the UI should ask
 * off its own thread. Blocks have fixed boundaries and each score is computed the same way in every block
 * and thread, so the answer does not depend on the thread count; ties rank by lower index. Immutable; thread-safe.
 */
public final class PixelNeighbourIndex {
    /** Images copied and scored at a time. */
    static final int BLOCK_ROWS = 64;
    /** Blocks per chunk handed to a thread: 2,048 images, a few dozen chunks for MNIST. */
    static final int BLOCKS_PER_CHUNK = 32;
    private final Dataset data;
    private final int n;
    private final int d;
    private final float[] squaredNorms;
    private final ComputePool pool;

    /** An index of every image of {@code data}, queried on the calling thread. */
    public PixelNeighbourIndex(Dataset data) {
        this(data, null);
    }

    /** An index whose queries are shared between the threads of {@code pool} (may be null). */
    public PixelNeighbourIndex(Dataset data, ComputePool pool) {
        this.data = Objects.requireNonNull(data, "data");
        this.n = data.size();
        this.d = data.dimension();
        this.pool = pool;
        this.squaredNorms = new float[n];
        byte[] raw = new byte[d];
        for (int i = 0; i < n; i++) {
            data.copyRaw(i, raw, 0);
            // Bytes squared and summed in an int: exact (784 * 255^2 < 2^31), as long as d < 33,000.
            long s = 0;
            for (int j = 0; j < d; j++) {
                int v = raw[j] & 0xFF;
                s += v * v;
            }
            squaredNorms[i] = (float) (s / (255.0 * 255.0));
        }
    }

    /** The data set searched. */
    public Dataset dataset() {
        return data;
    }

    /** Number of images. */
    public int size() {
        return n;
    }

    /**
     * The {@code m} images most similar to {@code query} ({@code d} pixel values in [0, 1]), best first; ties go to
     * the lower index.
     *
     * @param excludeIndex an image to leave out (the query's own), or -1 for none
     */
    public Neighbours nearest(float[] query, int m, Similarity similarity, int excludeIndex) {
        Objects.requireNonNull(similarity, "similarity");
        if (query.length != d) {
            throw new IllegalArgumentException("query has " + query.length + " pixels but the images of "
                    + data.name() + " have " + d);
        }
        if (m < 0) {
            throw new IllegalArgumentException("number of neighbours must be at least 0, got " + m);
        }
        int want = Math.min(m, n);
        // Scaled once so that the sums run on the raw bytes: q.x = sum_p (q_p / 255) raw_p.
        float[] scaled = new float[d];
        double qq = 0;
        for (int p = 0; p < d; p++) {
            scaled[p] = query[p] / 255f;
            qq += (double) query[p] * query[p];
        }
        float queryNorm = (float) qq;
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        ComputePool threads = pool == null ? ComputePool.serial() : pool;
        TopScores[] tops = new TopScores[threads.threads()];
        threads.parallelFor(blocks, BLOCKS_PER_CHUNK, (slot, b0, b1) -> {
            if (tops[slot] == null) {
                tops[slot] = new TopScores(want);
            }
            scan(scaled, queryNorm, similarity, excludeIndex, tops[slot], b0, b1);
        });
        TopScores best = new TopScores(want);
        for (TopScores t : tops) {
            if (t != null) {
                best.merge(t);
            }
        }
        return best.sorted();
    }

    /** The {@code m} images most similar to image {@code i}, leaving out {@code i} itself. */
    public Neighbours nearestTo(int i, int m, Similarity similarity) {
        Objects.checkIndex(i, n);
        return nearest(data.image(i), m, similarity, i);
    }

    private void scan(float[] scaled, float qq, Similarity sim, int exclude, TopScores top, int b0, int b1) {
        ByteKernels kernels = ByteKernels.get();
        byte[] block = new byte[BLOCK_ROWS * d];
        float[] products = new float[BLOCK_ROWS];
        float[] scores = new float[BLOCK_ROWS];
        for (int b = b0; b < b1; b++) {
            int i0 = b * BLOCK_ROWS;
            int rows = Math.min(BLOCK_ROWS, n - i0);
            for (int r = 0; r < rows; r++) {
                data.copyRaw(i0 + r, block, r * d);
            }
            kernels.dots(block, rows, d, scaled, products);
            for (int r = 0; r < rows; r++) {
                scores[r] = sim.fromInnerProduct(products[r], qq, squaredNorms[i0 + r]);
            }
            top.offerAll(scores, rows, i0, exclude);
        }
    }
}
