package latentlab.pca;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.math.DoubleKernels;

/**
 * Forms Q of a {@link Tridiagonal} reduction A = Q T Q^T explicitly from its Householder reflectors, by backward
 * accumulation (Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., section 5.1.6), eight reflectors at a time
 * in the compact WY form I - V T V^T (Schreiber and Van Loan 1989; LAPACK's dlarft).
 */
final class HouseholderQ {
    /** Column ranges for forming Q: small enough for the L2 cache (~90 columns of 717 rows for MNIST). */
    private static final int Q_RANGES = 8;
    /** Reflectors applied together. */
    private static final int BLOCK = DoubleKernels.BLOCK;

    private HouseholderQ() {
    }

    /**
     * Q^T as rows, from Q = H_0 (H_1 (... (H_{n-3} I))): applying H_k from the left changes only rows and
     * columns k+1.., so the product grows from the bottom right (4n^3/3 flops). Each column of Q is computed on
     * its own, so the columns are cut into ranges of equal work, each applied all reflectors while it sits in
     * the L2 cache. The reflectors go in blocks of eight, H_a ... H_{a+7} = I - V T V^T (see
     * {@link DoubleKernels#applyReflectorBlock}): applied one by one, each would read and write the range once
     * for two multiply-adds per entry, and the speed would be bounded by the cache rather than by arithmetic.
     */
    static double[][] formQt(Tridiagonal tri, ComputePool pool, Progress progress) {
        int n = tri.diagonal.length;
        double[][] reflectors = tri.reflectors;
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        int blocks = (reflectors.length + BLOCK - 1) / BLOCK;
        double[][] v = new double[blocks][];
        double[][] t = new double[blocks][];
        for (int b = 0; b < blocks; b++) {
            v[b] = packBlock(reflectors, b * BLOCK, n);
            t[b] = triangularFactor(reflectors, tri.tau, b * BLOCK, v[b], n);
        }
        DoubleKernels kern = DoubleKernels.get();
        int[] range = columnRanges(n);
        pool.forEach(Q_RANGES, r -> {
            progress.checkCancelled();
            int c0 = range[r];
            int c1 = range[r + 1];
            // Block b (reflectors a = 8b ..) changes rows and columns a+1.. only: the columns before are
            // still unit vectors there.
            for (int b = blocks - 1; b >= 0; b--) {
                int first = b * BLOCK + 1;
                if (first < c1) {
                    kern.applyReflectorBlock(q, first, n, Math.max(c0, first), c1, v[b], t[b]);
                }
            }
        });
        progress.checkCancelled();
        double[][] qt = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = q[i];
            for (int j = 0; j < n; j++) {
                qt[j][i] = row[j];
            }
        }
        return qt;
    }

    /**
     * The reflectors a..a+7 as the columns of V, rows a+1..n-1 packed by rows ({@link DoubleKernels#BLOCK}
     * per row): u_{a+r} starts on row a+r+1 with its leading 1. Reflectors past the last are zero columns.
     */
    private static double[] packBlock(double[][] reflectors, int a, int n) {
        int rows = n - a - 1;
        double[] v = new double[rows * BLOCK];
        for (int r = 0; r < BLOCK && a + r < reflectors.length; r++) {
            double[] u = reflectors[a + r];
            for (int i = r; i < rows; i++) {
                v[i * BLOCK + r] = u[i - r];
            }
        }
        return v;
    }

    /**
     * T with H_a H_{a+1} ... H_{a+7} = I - V T V^T, column by column (LAPACK's dlarft, forward): T[r, r] =
     * tau_{a+r} and T[0..r, r] = -tau_{a+r} T[0..r, 0..r] (V[:, 0..r]^T v_r), since (I - V T V^T)(I - tau v v^T)
     * = I - [V v] [[T, -tau T V^T v], [0, tau]] [V v]^T. Padding reflectors have tau = 0 and add nothing.
     */
    private static double[] triangularFactor(double[][] reflectors, double[] tau, int a, double[] v, int n) {
        int rows = n - a - 1;
        double[] t = new double[BLOCK * BLOCK];
        double[] z = new double[BLOCK];
        for (int r = 0; r < BLOCK && a + r < reflectors.length; r++) {
            double tr = tau[a + r];
            t[r * BLOCK + r] = tr;
            Arrays.fill(z, 0);
            for (int i = r; i < rows; i++) {
                double vr = v[i * BLOCK + r];
                for (int s = 0; s < r; s++) {
                    z[s] += v[i * BLOCK + s] * vr;
                }
            }
            for (int s = 0; s < r; s++) {
                double sum = 0;
                for (int c = s; c < r; c++) {
                    sum += t[s * BLOCK + c] * z[c];
                }
                t[s * BLOCK + r] = -tr * sum;
            }
        }
        return t;
    }

    /**
     * {@link #Q_RANGES} column ranges of about equal work for {@link #formQt}: column j is touched by the
     * reflectors k < j, each over n-k-1 rows.
     */
    private static int[] columnRanges(int n) {
        double[] work = new double[n + 1];
        for (int j = 0; j < n; j++) {
            int reflectors = Math.max(0, Math.min(j, n - 2));
            // sum_{k<reflectors} (n-k-1)
            double w = reflectors * (n - 1.0) - reflectors * (reflectors - 1.0) / 2;
            work[j + 1] = work[j] + w;
        }
        int[] start = new int[Q_RANGES + 1];
        int j = 0;
        for (int r = 1; r < Q_RANGES; r++) {
            while (j < n && work[j] < work[n] * r / Q_RANGES) {
                j++;
            }
            // Whole strips of 8 columns (the vector kernel's width with AVX-512, twice AVX2's).
            start[r] = Math.max(start[r - 1], Math.min(n, (j + 7) / 8 * 8));
        }
        start[Q_RANGES] = n;
        return start;
    }
}
