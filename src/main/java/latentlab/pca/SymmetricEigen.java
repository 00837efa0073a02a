package latentlab.pca;

import latentlab.math.ComputePool;
import latentlab.util.Progress;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQREigenHelper_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.TridiagonalSimilarDecomposition_F64;

/**
 * The eigendecomposition of a symmetric matrix by EJML's symmetric QR algorithm, with the eigenvector updates
 * spread over all threads.
 *
 * <p>The steps are those of EJML's {@code SymmetricQRAlgorithmDecomposition_DDRM} (what
 * {@code DecompositionFactory_DDRM.eig(n, true, true)} returns), after Watkins, <i>Fundamentals of Matrix
 * Computations</i>, 2nd ed., pp. 349-385: (1) Householder reduction A = Q T Q^T to a tridiagonal T; (2) the
 * eigenvalues of T by implicit QR steps with Wilkinson shifts; (3) QR steps on T again, now with the eigenvalues as
 * shifts (one or two steps each), each step a chain of Givens rotations of adjacent rows of Q^T. EJML applies every
 * rotation to its two rows at once on one thread; step (3) then takes ~40% of the decomposition (347,000 rotations
 * of rows of 717 doubles for MNIST). Here EJML's QR iteration runs unchanged but its rotations are recorded
 * (through the helper's {@code updateQ} hook) and applied in batches, each thread applying the whole batch, in
 * order, to its own range of columns: columns do not interact, so the result is the same as EJML's, and the rows
 * being separate arrays lets HotSpot vectorise the loop. This makes step (3) 2-3x faster on two cores, and gives a
 * place to check for cancellation.
 *
 * <p>Steps (1) and the forming of Q are EJML's single-threaded code (~0.15 s each for MNIST); EJML's
 * multi-threaded tridiagonalisation was not faster on this 2-core machine.
 */
final class SymmetricEigen {
    /** Rotations recorded before they are applied: ~85 batches for MNIST, each a cancellation point. */
    private static final int BATCH = 4096;

    /** Eigenvalues, in the solver's order (not sorted). */
    final double[] values;
    /** {@code vectors[i]} is the unit eigenvector of {@code values[i]}. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric matrix {@code a} (overwritten). Reports progress from {@code from} to {@code to}.
     *
     * @throws IllegalStateException if the QR iteration does not converge (EJML gives up after 225 steps on one
     *                               eigenvalue; it does not happen for covariance matrices)
     */
    static SymmetricEigen decompose(DMatrixRMaj a, ComputePool pool, Progress progress, double from, double to) {
        int n = a.numRows;
        String message = "PCA: eigendecomposition of the " + n + " x " + n + " covariance";
        double span = to - from;
        TridiagonalSimilarDecomposition_F64<DMatrixRMaj> tridiagonal = DecompositionFactory_DDRM.tridiagonal(n);
        if (!tridiagonal.decompose(a)) {
            throw new IllegalStateException("PCA: the tridiagonal reduction failed");
        }
        double[] diag = new double[n];
        double[] off = new double[Math.max(0, n - 1)];
        tridiagonal.getDiagonal(diag, off);
        progress.checkCancelled();
        progress.update(from + 0.4 * span, 1, message);
        DMatrixRMaj qt = tridiagonal.getQ(null, true);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[n];
            System.arraycopy(qt.data, i * n, rows[i], 0, n);
        }
        progress.checkCancelled();
        progress.update(from + 0.75 * span, 1, message);

        // The sequence of EJML's extractSeparate(), with one helper and one algorithm for both runs (the helper's
        // seeded generator for exceptional shifts carries over, so the result is EJML's to the last bit).
        BatchedRotations helper = new BatchedRotations(rows, pool, progress);
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM(helper);
        helper.init(diag, off, n);
        double[] diagSaved = helper.copyDiag(null);
        double[] offSaved = helper.copyOff(null);
        // (2) Eigenvalues only: no Q, so no rotations are recorded.
        qr.setQ(null);
        qr.setFastEigenvalues(true);
        if (!qr.process(-1, null, null)) {
            throw new IllegalStateException("PCA: the eigenvalue iteration did not converge");
        }
        double[] shifts = helper.copyEigenvalues(null);
        // (3) The same tridiagonal again, with the eigenvalues as shifts, recording the rotations of Q^T. EJML only
        // calls updateQ while a Q is set; the recorder never touches it (it rotates the rows instead).
        helper.reset(n);
        helper.swapDiag(diagSaved);
        helper.swapOff(offSaved);
        qr.setQ(qt);
        if (!qr.process(-1, null, null, shifts)) {
            throw new IllegalStateException("PCA: the eigenvector iteration did not converge");
        }
        helper.flush();
        progress.update(to, 1, message);
        return new SymmetricEigen(helper.copyEigenvalues(null), rows);
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
            int width = rows.length;
            int parts = pool.threads();
            pool.run(t -> {
                // Column ranges on 8-double (cache line) boundaries, so the threads never write the same line.
                int lines = (width + 7) / 8;
                int c0 = Math.min(width, ComputePool.splitStart(lines, parts, t) * 8);
                int c1 = Math.min(width, ComputePool.splitStart(lines, parts, t + 1) * 8);
                for (int r = 0; r < batch; r++) {
                    double[] x = rows[rowA[r]];
                    double[] y = rows[rowB[r]];
                    double c = cos[r];
                    double s = sin[r];
                    for (int j = c0; j < c1; j++) {
                        double a = x[j];
                        double b = y[j];
                        x[j] = c * a + s * b;
                        y[j] = c * b - s * a;
                    }
                }
            });
            count = 0;
        }
    }
}
