package latentlab.math;

/**
 * The float64 kernels of the PCA eigensolver ({@code latentlab.pca.SymmetricEigen}): the inner loops of the Householder
 * reduction to tridiagonal form, of forming Q from the reflectors, and of the Givens rotations of the QR iteration. Two
 * implementations, chosen once by {@link KernelSelector}: {@code VectorDoubleKernels} (SIMD through the incubating
 * Vector API) and {@link ScalarDoubleKernels} (plain Java). Both compute the same formulas; results may differ in the
 * last bits (the vector ones use fused multiply-adds). Matrices are arrays of rows, as the solver holds them.
 * Single-threaded and allocation-free: callers split the columns between threads. Every method checks that its rows and
 * columns exist ({@link IllegalArgumentException}).
 */
public interface DoubleKernels {
    /** Reflectors per block of {@link #applyReflectorBlock}. */
    int BLOCK = 8;

    /** The implementation for this JVM: vectorised when the Vector API is present, scalar otherwise. */
    static DoubleKernels get() {
        return KernelSelector.DOUBLES;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static DoubleKernels scalar() {
        return KernelSelector.SCALAR_DOUBLES;
    }

    /**
     * A Givens rotation of two rows on columns [from, to):
     * <pre>(x_j, y_j) &lt;- (c x_j + s y_j,  c y_j - s x_j)</pre>
     */
    void rotate(double[] x, double[] y, int from, int to, double c, double s);

    /**
     * A chain of {@code count} Givens rotations of adjacent rows, as one implicit QR step of a tridiagonal matrix
     * makes them: rotation k (c = {@code cos[off + k]}, s = {@code sin[off + k]}) acts on rows first+k and
     * first+k+1 as {@link #rotate} does, in order k = 0, 1, ..., on columns [from, to). The result is that of
     * {@code count} calls of {@code rotate}, but row first+k+1 stays in registers from rotation k to k+1, so each
     * row is read and written once per chain instead of twice.
     */
    void rotateChain(double[][] rows, int first, int count, double[] cos, double[] sin, int off, int from, int to);

    /**
     * Applies a block of {@link #BLOCK} Householder reflectors in the compact WY form of Schreiber and Van Loan
     * (SIAM J. Sci. Stat. Comput. 10(1), 1989; Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., section
     * 5.1.7), P = H_1 ... H_8 = I - V T V^T, from the left to rows [r0, r1) and columns [j0, j1) of M:
     * <pre>M &lt;- M - V (T (V^T M))</pre>
     * V is packed by rows, V[i, r] = {@code v[(i - r0) * 8 + r]}; T is the 8 x 8 upper triangular factor,
     * T[r, s] = {@code t[r * 8 + s]}. Each column of M is updated on its own, so column ranges can go to different
     * threads. Per element of M this is 16 multiply-adds for one read and one write, where reflector by reflector
     * it would be 8 reads and writes.
     */
    void applyReflectorBlock(double[][] m, int r0, int r1, int j0, int j1, double[] v, double[] t);

    /**
     * One row of the Householder reduction's fused step, on entries j in [0, len) of {@code row} from
     * {@code off}: the symmetric rank-2 update, then the row's share of the next product p = A u'
     * (A symmetric, only its upper triangle stored, the row holding entries i..n-1 of row i):
     * <pre>
     * row[off + j] -= ui w[uw + j] + wi u[uw + j]                 (skipped when u is null)
     * acc[nv + j]  += vi row[off + j]                              (the row's entries i.., j &gt;= i)
     * returns        sum_{j &gt;= 1} row[off + j] next[nv + j]        (the lower triangle's share of entry i)
     * </pre>
     * with vi = next[nv]. With {@code next} null only the update is done (and 0 is returned).
     */
    double updateRow(double[] row, int off, int len, double ui, double wi, double[] w, double[] u, int uw,
                     double[] next, int nv, double[] acc);
}
