package latentlab.pca;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.math.DoubleKernels;

/**
 * A = Q T Q^T with T tridiagonal and Q = H_0 H_1 ... H_{n-3}, H_k = I - tau_k u_k u_k^T acting on
 * coordinates k+1..n-1 (u_k[0] = 1).
 */
final class Tridiagonal {
    /** Row blocks over which the products of the reduction are summed, in this order, for any thread count. */
    static final int ROW_BLOCKS = 8;
    /**
     * Below this many trailing rows a reduction step runs on the calling thread: the last 192 of MNIST's 715 steps
     * hold 2% of the work, and each hand-over can stall when another process has the other core.
     */
    private static final int PARALLEL_ROWS = 192;

    final double[] diagonal;
    final double[] offDiagonal;
    /** u_k, with u_k[0] = 1. */
    final double[][] reflectors;
    final double[] tau;

    private Tridiagonal(double[] diagonal, double[] offDiagonal, double[][] reflectors, double[] tau) {
        this.diagonal = diagonal;
        this.offDiagonal = offDiagonal;
        this.reflectors = reflectors;
        this.tau = tau;
    }

    /**
     * Reduces the symmetric matrix with rows {@code a} (overwritten). Step k takes the reflector H_k that maps
     * x = A[k, k+1..] (the row, equal to the column) to beta e_1, then, with p = tau A22 u and
     * w = p - (tau/2)(p . u) u, updates the trailing block A22 = A[k+1.., k+1..] to H A22 H = A22 - u w^T - w u^T
     * (Golub and Van Loan, Algorithm 8.3.1). Row k+1 is updated first, since it defines the next reflector; the
     * other rows are then updated and summed into the next p in the same pass.
     */
    static Tridiagonal reduce(double[][] a, ComputePool pool, Progress progress) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[Math.max(0, n - 1)];
        int reflectorCount = Math.max(0, n - 2);
        double[][] u = new double[reflectorCount][];
        double[] tau = new double[reflectorCount];
        if (n <= 2) {
            for (int i = 0; i < n; i++) {
                d[i] = a[i][i];
            }
            if (n == 2) {
                e[0] = a[0][1];
            }
            return new Tridiagonal(d, e, u, tau);
        }
        double[][] partial = new double[ROW_BLOCKS][n];
        double[] p = new double[n];
        double[] w = new double[n];
        // Reflector 0 and p = A22 u_0 (scaled by tau below).
        u[0] = new double[n - 1];
        d[0] = a[0][0];
        e[0] = householder(a[0], 1, n, u[0], tau, 0);
        updateAndProduct(a, 1, n, null, null, u[0], partial, pool);
        sumBlocks(partial, n - 1, p);
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1; // size of the trailing block, rows and columns k+1..n-1
            double[] uk = u[k];
            double tk = tau[k];
            // w = p - (tau/2)(p . u) u with p = tau A22 u.
            double pu = 0;
            for (int j = 0; j < m; j++) {
                p[j] *= tk;
                pu += p[j] * uk[j];
            }
            double half = 0.5 * tk * pu;
            for (int j = 0; j < m; j++) {
                w[j] = p[j] - half * uk[j];
            }
            // Row k+1 first (all its columns k+1..): it gives the next diagonal entry and reflector.
            int c = k + 1;
            double[] row = a[c];
            double u0 = uk[0];
            double w0 = w[0];
            for (int j = 0; j < m; j++) {
                row[c + j] -= u0 * w[j] + w0 * uk[j];
            }
            d[c] = row[c];
            double[] next = null;
            if (k + 1 < n - 2) {
                next = u[k + 1] = new double[m - 1];
                e[c] = householder(row, c + 1, n, next, tau, k + 1);
            } else {
                e[c] = row[c + 1];
            }
            // Rows k+2..: columns k+2.. updated (column k+1 is no longer needed: row k+1 holds it) and, if
            // there is a next reflector, summed into its p.
            updateAndProduct(a, k + 2, n, uk, w, next, partial, pool);
            if (next != null) {
                sumBlocks(partial, m - 1, p);
            }
            if ((k & 63) == 63) {
                progress.checkCancelled();
            }
        }
        d[n - 1] = a[n - 1][n - 1];
        return new Tridiagonal(d, e, u, tau);
    }

    /**
     * On the upper triangle only (rows i = first..n-1, columns j = i..n-1): if {@code u} is given (the reflector
     * of step first-2, indexed from row/column first-1), A[i, j] -= u_i w_j + w_i u_j; then, if {@code next} is
     * given (indexed from row first), the block sums partial[b][j - first] = sum over the rows i of block b of
     * the symmetric product's terms: next_i A[i, j] for j >= i, and sum over j > i of A[i, j] next_j into entry
     * i. Reading one triangle halves the memory traffic of the reduction, which streams the trailing matrix
     * (4 MB for MNIST, larger than the L2 cache) once per step.
     */
    private static void updateAndProduct(double[][] a, int first, int n, double[] u, double[] w, double[] next,
                                         double[][] partial, ComputePool pool) {
        int rows = n - first;
        if (rows <= 0) {
            return;
        }
        int[] bounds = areaBounds(first, rows);
        DoubleKernels kern = DoubleKernels.get();
        java.util.function.IntConsumer block = b -> {
            double[] acc = partial[b];
            if (next != null) {
                Arrays.fill(acc, 0, rows, 0);
            }
            for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                int li = i - first;
                double ui = u != null ? u[li + 1] : 0;
                double wi = u != null ? w[li + 1] : 0;
                double lower = kern.updateRow(a[i], first + li, rows - li, ui, wi, w, u, li + 1, next, li, acc);
                if (next != null) {
                    acc[li] += lower;
                }
            }
        };
        if (rows < PARALLEL_ROWS || pool.threads() == 1) {
            for (int b = 0; b < ROW_BLOCKS; b++) {
                block.accept(b);
            }
            return;
        }
        pool.forEach(ROW_BLOCKS, block);
    }

    /**
     * Row bounds of the {@link #ROW_BLOCKS} blocks of rows first..first+rows-1 of the upper triangle, with about
     * equal numbers of entries (row i holds rows - (i - first) of them).
     */
    static int[] areaBounds(int first, int rows) {
        int[] bounds = new int[ROW_BLOCKS + 1];
        bounds[0] = first;
        double total = rows * (rows + 1.0) / 2;
        double area = 0;
        int b = 1;
        for (int r = 0; r < rows && b < ROW_BLOCKS; r++) {
            area += rows - r;
            while (b < ROW_BLOCKS && area >= total * b / ROW_BLOCKS) {
                bounds[b++] = first + r + 1;
            }
        }
        while (b <= ROW_BLOCKS) {
            bounds[b++] = first + rows;
        }
        return bounds;
    }

    private static void sumBlocks(double[][] partial, int width, double[] out) {
        System.arraycopy(partial[0], 0, out, 0, width);
        for (int b = 1; b < ROW_BLOCKS; b++) {
            double[] acc = partial[b];
            for (int j = 0; j < width; j++) {
                out[j] += acc[j];
            }
        }
    }

    /**
     * The reflector H = I - tau u u^T with u[0] = 1 that maps x = row[from..to) to beta e_1 (as LAPACK's dlarfg);
     * writes u and {@code tau[slot]}, returns beta. tau = 0 (H = I) when x is already a multiple of e_1.
     */
    private static double householder(double[] row, int from, int to, double[] u, double[] tau, int slot) {
        double alpha = row[from];
        double scale = 0;
        for (int i = from + 1; i < to; i++) {
            scale = Math.max(scale, Math.abs(row[i]));
        }
        u[0] = 1;
        if (scale == 0) {
            tau[slot] = 0;
            Arrays.fill(u, 1, to - from, 0);
            return alpha;
        }
        // ||x[1..]||, scaled against overflow and underflow.
        double sum = 0;
        for (int i = from + 1; i < to; i++) {
            double s = row[i] / scale;
            sum += s * s;
        }
        double norm = Math.hypot(alpha, scale * Math.sqrt(sum));
        double beta = alpha >= 0 ? -norm : norm;
        tau[slot] = (beta - alpha) / beta;
        double f = 1 / (alpha - beta);
        for (int i = from + 1; i < to; i++) {
            u[i - from] = row[i] * f;
        }
        return beta;
    }
}
