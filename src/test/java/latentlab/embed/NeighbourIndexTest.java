package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import latentlab.compute.ComputePool;
import latentlab.math.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index against a brute-force reference, with ties, exclusions, odd sizes and two threads. */
class NeighbourIndexTest {
    private static ComputePool pool;

    @BeforeAll
    static void startPool() {
        pool = new ComputePool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    /** Small integers: every score of the inner product and the distance is exact in float, and ties abound. */
    static float[] integerCodes(int n, int k, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextInt(7) - 3;
        }
        return x;
    }

    static float[] gaussianCodes(int n, int k, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    /**
     * Brute force: every score in double (rounded to float, which is exact for integer codes under the inner
     * product and exactly what the index computes for the distance), sorted by score, then index.
     */
    static Neighbours reference(float[] codes, int k, float[] q, int m, Similarity s, int exclude) {
        int n = codes.length / k;
        float[] score = new float[n];
        for (int j = 0; j < n; j++) {
            score[j] = (float) s.score(q, 0, codes, j * k, k);
        }
        Integer[] order = IntStream.range(0, n).filter(j -> j != exclude && !Float.isNaN(score[j])).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -score[j]).thenComparingInt(j -> j));
        int len = Math.min(m, order.length);
        int[] idx = new int[len];
        float[] sc = new float[len];
        for (int r = 0; r < len; r++) {
            idx[r] = order[r];
            sc[r] = score[order[r]];
        }
        return new Neighbours(idx, sc);
    }

    @Test
    void innerProductAndDistanceMatchBruteForceExactlyWithTies() {
        Rng rng = new Rng(11);
        for (int k : new int[] {1, 2, 3, 7, 30}) {
            for (int n : new int[] {1, 5, 100, 2049, 20_000}) {
                float[] codes = integerCodes(n, k, 100 * k + n);
                NeighbourIndex single = new NeighbourIndex(codes, k);
                NeighbourIndex parallel = new NeighbourIndex(codes, k, pool);
                for (Similarity s : new Similarity[] {Similarity.INNER_PRODUCT, Similarity.EUCLIDEAN}) {
                    for (int m : new int[] {0, 1, 10, n + 3}) {
                        if (n == 20_000 && m > 10) {
                            continue;
                        }
                        int exclude = rng.nextInt(n + 1) - 1;
                        float[] q = integerCodes(1, k, rng.nextLong());
                        Neighbours want = reference(codes, k, q, m, s, exclude);
                        String what = s + " k=" + k + " n=" + n + " m=" + m;
                        assertEquals(want, single.nearest(q, m, s, exclude), what);
                        assertEquals(want, parallel.nearest(q, m, s, exclude), what + " on two threads");
                    }
                }
            }
        }
    }

    @Test
    void cosineMatchesBruteForceOnContinuousCodes() {
        for (int k : new int[] {2, 5, 30}) {
            float[] codes = gaussianCodes(20_000, k, k);
            NeighbourIndex index = new NeighbourIndex(codes, k, pool);
            for (int trial = 0; trial < 5; trial++) {
                float[] q = gaussianCodes(1, k, 1000 + trial);
                Neighbours want = reference(codes, k, q, 12, Similarity.COSINE, trial);
                Neighbours got = index.nearest(q, 12, Similarity.COSINE, trial);
                assertAgrees(want, got, codes, k, q, Similarity.COSINE, 3e-7, "k=" + k);
            }
        }
    }

    /**
     * Agreement up to float rounding of the scores: in two dimensions, 20,000 directions are so close that their
     * cosines near 1 differ by less than a float can tell, so the order of near-equal ones is not fixed.
     */
    static void assertAgrees(Neighbours want, Neighbours got, float[] codes, int k, float[] q, Similarity s,
                             double tol, String what) {
        assertEquals(want.size(), got.size(), what);
        for (int r = 0; r < got.size(); r++) {
            double exact = s.score(q, 0, codes, got.index(r) * k, k);
            assertEquals(exact, got.score(r), tol, what + ": score of " + got.index(r));
            assertEquals(want.score(r), got.score(r), tol, what + ": rank " + r);
            if (r > 0) {
                assertTrue(got.score(r) <= got.score(r - 1), what + ": best first");
            }
        }
    }

    @Test
    void tiesGoToTheLowerIndexWhateverTheBlockOrThread() {
        // The same vector at positions spread over several blocks and both threads' halves.
        int k = 3;
        int n = 30_000;
        float[] codes = gaussianCodes(n, k, 5);
        float[] v = {0.5f, -1.25f, 2f};
        int[] copies = {29_999, 17, 15_000, 2048, 4095, 8191};
        for (int i : copies) {
            System.arraycopy(v, 0, codes, i * k, k);
        }
        int[] sorted = copies.clone();
        Arrays.sort(sorted);
        for (Similarity s : Similarity.all()) {
            Neighbours got = new NeighbourIndex(codes, k, pool).nearest(v, copies.length, s, -1);
            if (s == Similarity.INNER_PRODUCT) {
                continue; // longer vectors in the same direction legitimately beat the copies
            }
            assertArrayEquals(sorted, got.indices(), s.name());
            for (int r = 1; r < got.size(); r++) {
                assertEquals(got.score(0), got.score(r), 0f, "identical vectors score identically");
            }
        }
        Neighbours without = new NeighbourIndex(codes, k, pool).nearest(v, 2, Similarity.EUCLIDEAN, 17);
        assertArrayEquals(new int[] {2048, 4095}, without.indices(), "the excluded copy is left out");
    }

    @Test
    void theAnswerDoesNotDependOnTheThreadCount() {
        float[] codes = gaussianCodes(50_000, 10, 9);
        float[] q = gaussianCodes(1, 10, 10);
        for (Similarity s : Similarity.all()) {
            Neighbours one = new NeighbourIndex(codes, 10).nearest(q, 25, s, 3);
            try (ComputePool three = new ComputePool(3)) {
                assertEquals(one, new NeighbourIndex(codes, 10, three).nearest(q, 25, s, 3), s.name());
            }
            assertEquals(one, new NeighbourIndex(codes, 10, pool).nearest(q, 25, s, 3), s.name());
        }
    }

    @Test
    void nearestToLeavesTheQueryOutAndNaNCodesAreSkipped() {
        float[] codes = {0, 0, 1, 0, 5, 5, Float.NaN, 0, 0.5f, 0};
        NeighbourIndex index = new NeighbourIndex(codes, 2);
        assertEquals(5, index.size());
        assertEquals(2, index.dimension());
        assertArrayEquals(new float[] {5, 5}, index.vector(2));
        Neighbours n = index.nearestTo(0, 10, Similarity.EUCLIDEAN);
        assertArrayEquals(new int[] {4, 1, 2}, n.indices(), "self and the NaN code left out");
        assertArrayEquals(new float[] {-0.5f, -1f, (float) -Math.sqrt(50)}, n.scores(), 0f);
        assertEquals(0.5, Similarity.EUCLIDEAN.displayValue(n.score(0)), 0);
    }

    @Test
    void mistakesAreNamed() {
        NeighbourIndex index = new NeighbourIndex(new float[6], 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> index.nearest(new float[2], 1, Similarity.COSINE, -1));
        assertTrue(e.getMessage().contains("query has 2 values but the index holds vectors of 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NeighbourIndex(new float[7], 3));
        assertTrue(e.getMessage().contains("not a whole number of vectors of size 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> index.nearest(new float[3], -1, Similarity.COSINE, -1));
        assertTrue(e.getMessage().contains("at least 0"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> index.nearestTo(2, 1, Similarity.COSINE));
        assertEquals(0, new NeighbourIndex(new float[0], 4).nearest(new float[4], 5, Similarity.EUCLIDEAN, -1).size());
    }
}
