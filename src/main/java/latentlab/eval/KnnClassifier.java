package latentlab.eval;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.math.MatrixKernels;

/**
 * k-nearest-neighbour classification of codes (Cover and Hart 1967), the notes' first use of codes downstream: each
 * test code takes the majority label of its k nearest training codes in Euclidean distance (ties go to the label
 * of the nearest neighbour among the tied ones).
 *
 * <p>Codes of up to {@value #TREE_MAX_DIMS} dimensions are searched in a {@link KdTree} (exact distances, ties to
 * the lower index), which visits a few hundred training codes per test code. Longer codes, where a tree would visit
 * nearly all of them anyway, are scanned: distances come in blocks from one matrix product,
 * ||a - b||^2 = ||a||^2 + ||b||^2 - 2 a.b. Either way the test codes are shared between the threads of a pool.
 */
public final class KnnClassifier {
    private static final int TEST_BLOCK = 64;
    private static final int TRAIN_BLOCK = 2048;
    /** The longest codes searched in a k-d tree. */
    static final int TREE_MAX_DIMS = 8;

    private final float[] trainCodes;
    private final int[] trainLabels;
    private final int dims;
    private final int neighbours;
    private final float[] trainNorms;
    private final KdTree tree;

    /**
     * @param trainCodes  {@code n x dims} codes
     * @param trainLabels their labels (0..255)
     * @param dims        code size
     * @param neighbours  k, the number of neighbours that vote
     */
    public KnnClassifier(float[] trainCodes, int[] trainLabels, int dims, int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + neighbours);
        }
        if (trainCodes.length != trainLabels.length * dims) {
            throw new IllegalArgumentException(trainLabels.length + " labels but " + trainCodes.length / (double) dims
                    + " codes of size " + dims);
        }
        if (trainLabels.length < neighbours) {
            throw new IllegalArgumentException("need at least " + neighbours + " training codes, got "
                    + trainLabels.length);
        }
        this.trainCodes = trainCodes;
        this.trainLabels = trainLabels;
        this.dims = dims;
        this.neighbours = neighbours;
        this.trainNorms = norms(trainCodes, trainLabels.length, dims);
        checkComparable(trainNorms, "training");
        this.tree = dims <= TREE_MAX_DIMS ? new KdTree(trainCodes, dims) : null;
    }

    /**
     * Distances need finite squared norms: a NaN or infinite code, or one so large that its square overflows a
     * float, would leave a test code without neighbours.
     */
    private static void checkComparable(float[] norms, String which) {
        int bad = 0;
        for (float v : norms) {
            bad += Float.isFinite(v) ? 0 : 1;
        }
        if (bad > 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%,d of the %,d %s codes are NaN, "
                    + "infinite or too large to compare (the network overflows on those images)", bad, norms.length,
                    which));
        }
    }

    /** The labels of a data set as ints. */
    public static int[] labels(Dataset d) {
        int[] l = new int[d.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = d.label(i);
        }
        return l;
    }

    private static float[] norms(float[] codes, int n, int dims) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < dims; j++) {
                float v = codes[i * dims + j];
                s += v * v;
            }
            out[i] = (float) s;
        }
        return out;
    }

    /** Predicted labels of {@code n x dims} test codes. */
    public int[] predict(float[] testCodes, ComputePool pool) {
        int n = testCodes.length / dims;
        int[] out = new int[n];
        float[] testNorms = norms(testCodes, n, dims);
        checkComparable(testNorms, "test");
        if (tree != null) {
            return predictInTree(testCodes, n, pool);
        }
        int m = trainLabels.length;
        MatrixKernels k = MatrixKernels.get();
        Scratch[] scratch = new Scratch[pool.threads()];
        pool.parallelFor(n, TEST_BLOCK, (slot, from, to) -> {
            if (scratch[slot] == null) {
                scratch[slot] = new Scratch(neighbours);
            }
            float[] dots = scratch[slot].dots;
            float[] bestDist = scratch[slot].bestDist;
            int[] bestIndex = scratch[slot].bestIndex;
            int rows = to - from;
            java.util.Arrays.fill(bestDist, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(bestIndex, -1);
            for (int j0 = 0; j0 < m; j0 += TRAIN_BLOCK) {
                int cols = Math.min(TRAIN_BLOCK, m - j0);
                k.gemmNT(0, rows, cols, dims, testCodes, from * dims, dims, trainCodes, j0 * dims, dims, dots, 0,
                        cols, false);
                for (int r = 0; r < rows; r++) {
                    float tn = testNorms[from + r];
                    int base = r * neighbours;
                    float worst = bestDist[base + neighbours - 1];
                    for (int c = 0; c < cols; c++) {
                        float dist = tn + trainNorms[j0 + c] - 2 * dots[r * cols + c];
                        if (dist < worst) {
                            insert(bestDist, bestIndex, base, dist, j0 + c);
                            worst = bestDist[base + neighbours - 1];
                        }
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                out[from + r] = vote(bestIndex, r * neighbours);
            }
        });
        return out;
    }

    private int[] predictInTree(float[] testCodes, int n, ComputePool pool) {
        int[] out = new int[n];
        KdTree.Neighbours[] found = new KdTree.Neighbours[pool.threads()];
        int[][] nearest = new int[pool.threads()][];
        pool.parallelFor(n, TEST_BLOCK, (slot, from, to) -> {
            if (found[slot] == null) {
                found[slot] = new KdTree.Neighbours(neighbours);
                nearest[slot] = new int[neighbours];
            }
            for (int q = from; q < to; q++) {
                tree.nearest(testCodes, q * dims, found[slot]);
                for (int j = 0; j < neighbours; j++) {
                    nearest[slot][j] = found[slot].index(j);
                }
                out[q] = vote(nearest[slot], 0);
            }
        });
        return out;
    }

    /** One thread's scratch: a block of inner products and the running k best of each test code. */
    private static final class Scratch {
        final float[] dots = new float[TEST_BLOCK * TRAIN_BLOCK];
        final float[] bestDist;
        final int[] bestIndex;

        Scratch(int neighbours) {
            bestDist = new float[TEST_BLOCK * neighbours];
            bestIndex = new int[TEST_BLOCK * neighbours];
        }
    }

    private void insert(float[] dist, int[] idx, int base, float d, int i) {
        int pos = neighbours - 1;
        while (pos > 0 && dist[base + pos - 1] > d) {
            dist[base + pos] = dist[base + pos - 1];
            idx[base + pos] = idx[base + pos - 1];
            pos--;
        }
        dist[base + pos] = d;
        idx[base + pos] = i;
    }

    private int vote(int[] idx, int base) {
        int[] counts = new int[256];
        int best = -1;
        int bestCount = 0;
        // Neighbours are in order of distance, so the first label to reach the top count is the nearest of the tied.
        for (int j = 0; j < neighbours; j++) {
            counts[trainLabels[idx[base + j]]]++;
        }
        for (int j = 0; j < neighbours; j++) {
            int label = trainLabels[idx[base + j]];
            if (counts[label] > bestCount) {
                bestCount = counts[label];
                best = label;
            }
        }
        return best;
    }

    /** Fraction of test codes whose predicted label equals the true one. */
    public double accuracy(float[] testCodes, int[] testLabels, ComputePool pool) {
        int[] p = predict(testCodes, pool);
        if (p.length != testLabels.length) {
            throw new IllegalArgumentException(p.length + " test codes but " + testLabels.length + " labels");
        }
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += p[i] == testLabels[i] ? 1 : 0;
        }
        return right / (double) p.length;
    }
}
