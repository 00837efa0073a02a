package latentlab.pca;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.math.DoubleKernels;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQREigenHelper_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * The eigendecomposition of a symmetric matrix, A = V diag(lambda) V^T, in double precision on all threads: a
 * Householder reduction to tridiagonal form, then EJML's implicit symmetric QR algorithm.
 *
 * <p>The steps follow EJML's {@code SymmetricQRAlgorithmDecomposition_DDRM} (what
 * {@code DecompositionFactory_DDRM.eig(n, true, true)} returns; after Watkins, <i>Fundamentals of Matrix
 * Computations</i>, 2nd ed., pp. 349-385, and Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., sections
 * 8.3.1-8.3.5):
 * <ol>
 *   <li>Householder reduction A = Q T Q^T, T tridiagonal (GVL Algorithm 8.3.1);</li>
 *   <li>Q formed explicitly by backward accumulation of the reflectors (GVL section 5.1.6);</li>
 *   <li>the eigenvalues of T by EJML's implicit QR steps with Wilkinson shifts;</li>
 *   <li>EJML's QR steps on T again, with the eigenvalues as shifts, each step a chain of Givens rotations of
 *       adjacent rows of Q^T; the rotated rows are the eigenvectors.</li>
 * </ol>
 * Steps 3 and 4 run EJML's iteration unchanged (shifts, deflation, convergence tests; 349,000 rotations in 960
 * chains for MNIST). What is ours is how the work is laid out. EJML runs all of it on one thread, and its reduction
 * and accumulation read the matrix with a stride of a whole row, which HotSpot cannot vectorise: for the 717 x 717
 * MNIST covariance they took 0.15 s each of EJML's 0.45 s, three times what NumPy's LAPACK needs for the whole
 * decomposition. Here, on the float64 SIMD kernels of {@link DoubleKernels} (times for MNIST on two cores, median
 * of 25 fits on a shared machine):
 * <ul>
 *   <li>step 1 updates the upper triangle of the trailing matrix (rows as separate arrays) row by row,
 *       fusing each step's rank-2 update with the next step's product p = A u, so that every entry is read once
 *       per step; blocks of rows with equal numbers of entries are shared out between the threads (0.03 s, against
 *       EJML's 0.14 s on one);</li>
 *   <li>step 2 splits the columns of Q into ranges of equal work, each small enough to stay in the L2 cache while
 *       all reflectors are applied to it, eight reflectors at a time in the compact WY form I - V T V^T (Schreiber
 *       and Van Loan 1989; LAPACK's dlarft), one read and one write of Q per eight reflectors (0.02 s against
 *       0.15 s);</li>
 *   <li>step 4 records EJML's rotations (through its helper's {@code updateQ} hook) and applies them in batches,
 *       each to a few column ranges of Q^T shared out between the threads; the rotations of one QR step act on rows
 *       (m, m+1), (m+1, m+2), ..., so each such chain is applied in one pass that keeps the shared row in registers
 *       (0.06 s against ~0.2 s; about 2.5 ns per 8 doubles rotated, close to what the FMA units allow).</li>
 * </ul>
 * Columns never interact in steps 2 and 4, and the products of step 1 are summed over a fixed set of row blocks,
 * so the result does not depend on the number of threads. The parallel work is claimed in chunks from the
 * {@link ComputePool}, which keeps the ~700 steps of the reduction from waiting on a thread the OS has descheduled. Eigenvalues agree
 * with EJML's own decomposition to within a few units of round-off of the largest one (3e-15 relative for MNIST).
 */
final class SymmetricEigen {
    /** Rotations recorded before they are applied: ~20 batches for MNIST, each a cancellation point. */
    private static final int BATCH = 16_384;
    /** Row blocks over which the products of the reduction are summed, in this order, for any thread count. */
    private static final int ROW_BLOCKS = 8;
    /**
     * Below this many trailing rows a reduction step runs on the calling thread: the last 192 of MNIST's 715 steps
     * hold 2% of the work, and each hand-over can stall when another process has the other core.
     */
    private static final int PARALLEL_ROWS = 192;
    /** Column ranges for forming Q: small enough for the L2 cache (~90 columns of 717 rows for MNIST). */
    private static final int Q_RANGES = 8;
    /**
     * Column ranges a batch of rotations is applied to, handed out to the threads: a few per thread, so that a
     * descheduled thread holds up little, but wide enough (~180 doubles) for the inner loop to run at speed.
     */
    private static final int ROTATION_BLOCKS = 4;
    /** Reflectors applied together when forming Q. */
    private static final int BLOCK = DoubleKernels.BLOCK;

    /** Eigenvalues, in the solver's order (not sorted). */
    final double[] values;
    /** {@code vectors[i]} is the unit eigenvector of {@code values[i]}. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric matrix whose rows are {@code a} (overwritten; only the upper triangle, j >= i, is
     * read).
     * Reports progress from {@code from} to {@code to}.
     *
     * @throws IllegalStateException if the QR iteration does not converge (EJML gives up after 225 steps on one
     *                               eigenvalue; it does not happen for covariance matrices)
     */
    static SymmetricEigen decompose(double[][] a, ComputePool pool, Progress progress, double from, double to) {
        int n = a.length;
        String message = "PCA: eigendecomposition of the " + n + " x " + n + " covariance";
        double span = to - from;
        Tridiagonal t = Tridiagonal.reduce(a, pool, progress);
        progress.update(from + 0.35 * span, 1, message);
        double[][] qt = t.formQt(pool, progress);
        progress.update(from + 0.65 * span, 1, message);

        // Steps 3 and 4: the sequence of EJML's SymmetricQRAlgorithmDecomposition_DDRM.extractSeparate(), with one
        // helper and one algorithm for both runs (the helper's seeded generator for exceptional shifts carries over).
        BatchedRotations helper = new BatchedRotations(qt, pool, progress);
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM(helper);
        helper.init(t.diagonal, t.offDiagonal, n);
        double[] diagSaved = helper.copyDiag(null);
        double[] offSaved = helper.copyOff(null);
        qr.setQ(null); // eigenvalues only: no rotations are recorded
        qr.setFastEigenvalues(true);
        if (!qr.process(-1, null, null)) {
            throw new IllegalStateException("PCA: the eigenvalue iteration did not converge");
        }
        double[] shifts = helper.copyEigenvalues(null);
        helper.reset(n);
        helper.swapDiag(diagSaved);
        helper.swapOff(offSaved);
        // EJML only calls updateQ while a Q is set; the recorder never touches it (it rotates the rows of qt).
        qr.setQ(new DMatrixRMaj(1, 1));
        if (!qr.process(-1, null, null, shifts)) {
            throw new IllegalStateException("PCA: the eigenvector iteration did not converge");
        }
        helper.flush();
        progress.update(to, 1, message);
        return new SymmetricEigen(helper.copyEigenvalues(null), qt);
    }

    /**
     * A = Q T Q^T with T tridiagonal and Q = H_0 H_1 ... H_{n-3}, H_k = I - tau_k u_k u_k^T acting on
     * coordinates k+1..n-1 (u_k[0] = 1).
     */
    static final class Tridiagonal {
        final double[] diagonal;
        final double[] offDiagonal;
        private final double[][] reflectors;
        private final double[] tau;

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

        /**
         * Q^T as rows, from Q = H_0 (H_1 (... (H_{n-3} I))): applying H_k from the left changes only rows and
         * columns k+1.., so the product grows from the bottom right (4n^3/3 flops). Each column of Q is computed on
         * its own, so the columns are cut into ranges of equal work, each applied all reflectors while it sits in
         * the L2 cache. The reflectors go in blocks of eight, H_a ... H_{a+7} = I - V T V^T (see
         * {@link DoubleKernels#applyReflectorBlock}): applied one by one, each would read and write the range once
         * for two multiply-adds per entry, and the speed would be bounded by the cache rather than by arithmetic.
         */
        double[][] formQt(ComputePool pool, Progress progress) {
            int n = diagonal.length;
            double[][] q = new double[n][n];
            for (int i = 0; i < n; i++) {
                q[i][i] = 1;
            }
            int blocks = (reflectors.length + BLOCK - 1) / BLOCK;
            double[][] v = new double[blocks][];
            double[][] t = new double[blocks][];
            for (int b = 0; b < blocks; b++) {
                v[b] = packBlock(b * BLOCK, n);
                t[b] = triangularFactor(b * BLOCK, v[b], n);
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
        private double[] packBlock(int a, int n) {
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
        private double[] triangularFactor(int a, double[] v, int n) {
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

    /** EJML's QR helper, with the rotations of Q^T recorded and applied in parallel batches. */
    private static final class BatchedRotations extends SymmetricQREigenHelper_DDRM {
        private final double[][] rows;
        private final ComputePool pool;
        private final Progress progress;
        private final int[] rowA = new int[BATCH];
        private final int[] rowB = new int[BATCH];
        private final double[] cos = new double[BATCH];
        private final double[] sin = new double[BATCH];
        private final int[] chainStart = new int[BATCH];
        private final int[] chainLength = new int[BATCH];
        private int count;

        BatchedRotations(double[][] rows, ComputePool pool, Progress progress) {
            this.rows = rows;
            this.pool = pool;
            this.progress = progress;
        }

        /** EJML's rotation: (row m, row n) of Q^T becomes (c row_m + s row_n, -s row_m + c row_n). */
        @Override
        protected void updateQ(int m, int n, double c, double s) {
            rowA[count] = m;
            rowB[count] = n;
            cos[count] = c;
            sin[count] = s;
            if (++count == BATCH) {
                flush();
            }
        }

        void flush() {
            progress.checkCancelled();
            int batch = count;
            // Chains of rotations of adjacent rows, rows (m, m+1), (m+1, m+2), ...: the bulge chases of the QR steps.
            int chains = 0;
            for (int r = 0; r < batch; ) {
                int start = r;
                if (rowB[r] == rowA[r] + 1) {
                    while (r + 1 < batch && rowA[r + 1] == rowA[r] + 1 && rowB[r + 1] == rowA[r + 1] + 1) {
                        r++;
                    }
                }
                r++;
                chainStart[chains] = start;
                chainLength[chains++] = r - start;
            }
            int chainCount = chains;
            int width = rows.length;
            // Column ranges on 8-double (cache line) boundaries, so the threads never write the same line.
            int lines = (width + 7) / 8;
            int blocks = pool.threads() == 1 ? 1 : ROTATION_BLOCKS;
            int linesPerBlock = (lines + blocks - 1) / blocks;
            DoubleKernels kern = DoubleKernels.get();
            pool.parallelFor(lines, linesPerBlock, (l0, l1) -> {
                int c0 = Math.min(width, l0 * 8);
                int c1 = Math.min(width, l1 * 8);
                for (int ch = 0; ch < chainCount; ch++) {
                    int r = chainStart[ch];
                    if (rowB[r] == rowA[r] + 1) {
                        kern.rotateChain(rows, rowA[r], chainLength[ch], cos, sin, r, c0, c1);
                    } else {
                        kern.rotate(rows[rowA[r]], rows[rowB[r]], c0, c1, cos[r], sin[r]);
                    }
                }
            });
            count = 0;
        }
    }
}
