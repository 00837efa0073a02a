package latentlab.embed;

import java.util.Objects;

import latentlab.compute.ComputePool;

/**
 * Exact nearest-neighbour search over n vectors of any size k (codes of a data set), by any {@link Similarity}:
 * a brute-force scan, which for the codes of a whole data set (n = 70,000, k = 2..30) is fast enough for a query per
 * frame, so no approximate index is needed and the answer is always exact.
 *
 * <h2>Layout and speed</h2>
 * The vectors are stored by dimension (coordinate p of vector j at {@code p * n + j}), so scoring a block of
 * candidates is k passes of an element-wise multiply-add over contiguous floats, which HotSpot turns into SIMD
 * code; the reciprocal norms for the cosine are computed once here. The scan runs in blocks of
 * {@value #BLOCK} candidates, each feeding a bounded heap of the m best ({@link TopScores}); with a
 * {@link ComputePool} and at least {@value #PARALLEL_MIN} candidates, the blocks are shared between its threads
 * and the heaps merged.
 *
 * <h2>Precision</h2>
 * Scores are floats. The inner product and the distance resolve neighbours as finely as the codes themselves; the
 * cosine of two directions closer than about 3e-4 radians rounds to the same float near 1, so among 70,000
 * two-dimensional codes many cosines tie (and then rank by index).
 *
 * <h2>Determinism</h2>
 * Each candidate's score is computed by the same element-wise operations whatever its block or thread, and ties
 * rank by lower index, so a query gives the same neighbours, in the same order, with any number of threads.
 *
 * <p>Immutable after construction (it copies the vectors); any number of threads may query it at once.
 */
public final class NeighbourIndex {
    /** Candidates scored at a time: 8 KB of scores, which stay in the L1 cache during the k passes. */
    static final int BLOCK = 2048;
    /** Below this many candidates a query costs less than handing it to other threads. */
    static final int PARALLEL_MIN = 8192;

    private final int n;
    private final int k;
    private final float[] byDimension;
    private final float[] invNorms;
    private final ComputePool pool;

    /**
     * An index of the {@code codes.length / k} vectors in {@code codes} (row-major, vector after vector) that
     * queries on the calling thread.
     */
    public NeighbourIndex(float[] codes, int k) {
        this(codes, k, null);
    }

    /**
     * An index that shares large queries between the threads of {@code pool} (may be null: the calling thread
     * only). While the pool is busy with another caller's work (training, say), a query runs on the calling thread
     * alone rather than waiting.
     */
    public NeighbourIndex(float[] codes, int k, ComputePool pool) {
        Objects.requireNonNull(codes, "codes");
        if (k < 1) {
            throw new IllegalArgumentException("vector size k must be at least 1, got " + k);
        }
        if (codes.length % k != 0) {
            throw new IllegalArgumentException(codes.length + " values are not a whole number of vectors of size " + k);
        }
        this.n = codes.length / k;
        this.k = k;
        this.pool = pool;
        this.byDimension = new float[codes.length];
        this.invNorms = new float[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                float v = codes[j * k + p];
                byDimension[p * n + j] = v;
                s += (double) v * v;
            }
            invNorms[j] = Cosine.inverseNorm(s);
        }
    }

    /** Number of vectors, n. */
    public int size() {
        return n;
    }

    /** Size of each vector, k. */
    public int dimension() {
        return k;
    }

    /** A copy of vector {@code i}. */
    public float[] vector(int i) {
        Objects.checkIndex(i, n);
        float[] v = new float[k];
        for (int p = 0; p < k; p++) {
            v[p] = byDimension[p * n + i];
        }
        return v;
    }

    /**
     * The {@code m} vectors most similar to {@code query}, best first; ties go to the lower index.
     *
     * @param query        k values
     * @param m            how many to return (fewer if the set is smaller; vectors whose score is NaN are skipped)
     * @param similarity   how to score
     * @param excludeIndex a vector to leave out (the query's own, when it is one of the set), or -1 for none
     */
    public Neighbours nearest(float[] query, int m, Similarity similarity, int excludeIndex) {
        Objects.requireNonNull(similarity, "similarity");
        if (query.length != k) {
            throw new IllegalArgumentException("query has " + query.length + " values but the index holds vectors of "
                    + k);
        }
        if (m < 0) {
            throw new IllegalArgumentException("number of neighbours must be at least 0, got " + m);
        }
        int want = Math.min(m, n);
        double qq = 0;
        for (float v : query) {
            qq += (double) v * v;
        }
        float queryInvNorm = Cosine.inverseNorm(qq);
        int blocks = (n + BLOCK - 1) / BLOCK;
        ComputePool threads = pool == null || n < PARALLEL_MIN ? ComputePool.serial() : pool;
        TopScores[] tops = new TopScores[threads.threads()];
        threads.parallelFor(blocks, 1, (slot, b0, b1) -> {
            if (tops[slot] == null) {
                tops[slot] = new TopScores(want);
            }
            scan(query, queryInvNorm, similarity, excludeIndex, tops[slot], b0, b1);
        });
        TopScores best = new TopScores(want);
        for (TopScores t : tops) {
            if (t != null) {
                best.merge(t);
            }
        }
        return best.sorted();
    }

    /** The {@code m} vectors most similar to vector {@code i} of the set, leaving out {@code i} itself. */
    public Neighbours nearestTo(int i, int m, Similarity similarity) {
        return nearest(vector(i), m, similarity, i);
    }

    private void scan(float[] q, float queryInvNorm, Similarity sim, int exclude, TopScores top, int b0, int b1) {
        float[] scores = new float[BLOCK];
        for (int b = b0; b < b1; b++) {
            int j0 = b * BLOCK;
            int j1 = Math.min(n, j0 + BLOCK);
            sim.scoreByDimension(byDimension, n, k, q, queryInvNorm, invNorms, j0, j1, scores);
            top.offerAll(scores, j1 - j0, j0, exclude);
        }
    }
}
