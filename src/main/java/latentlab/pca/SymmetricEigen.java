package latentlab.pca;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import org.ejml.data.DMatrixRMaj;
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
 * and accumulation read the matrix with a stride of a whole row, which HotSpot cannot vectorise. Here, on the
 * float64 SIMD kernels of {@link latentlab.math.DoubleKernels}:
 * <ul>
 *   <li>step 1 ({@link Tridiagonal}) updates the upper triangle of the trailing matrix (rows as separate arrays) row
 *       by row, fusing each step's rank-2 update with the next step's product p = A u, so that every entry is read
 *       once per step; blocks of rows with equal numbers of entries are shared out between the threads;</li>
 *   <li>step 2 ({@link HouseholderQ}) splits the columns of Q into ranges of equal work, each small enough to stay in
 *       the L2 cache while all reflectors are applied to it, eight reflectors at a time in the compact WY form
 *       I - V T V^T (Schreiber and Van Loan 1989; LAPACK's dlarft), one read and one write of Q per eight
 *       reflectors;</li>
 *   <li>step 4 ({@link BatchedRotations}) records EJML's rotations (through its helper's {@code updateQ} hook) and
 *       applies them in batches, each to a few column ranges of Q^T shared out between the threads; the rotations
 *       of one QR step act on rows (m, m+1), (m+1, m+2), ..., so each such chain is applied in one pass that keeps
 *       the shared row in registers.</li>
 * </ul>
 * Columns never interact in steps 2 and 4, and the products of step 1 are summed over a fixed set of row blocks,
 * so the result does not depend on the number of threads. The parallel work is claimed in chunks from the
 * {@link ComputePool}, which keeps the ~700 steps of the reduction from waiting on a thread the OS has descheduled.
 * Eigenvalues agree with EJML's own decomposition to within a few units of round-off of the largest one (3e-15
 * relative for MNIST).
 */
final class SymmetricEigen {
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
        double[][] qt = HouseholderQ.formQt(t, pool, progress);
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
}
