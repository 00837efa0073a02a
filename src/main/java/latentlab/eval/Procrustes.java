package latentlab.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Orthogonal Procrustes (Schönemann, "A generalized solution of the orthogonal Procrustes problem", Psychometrika
 * 31, 1966): the orthogonal k x k matrix R (a rotation, or a rotation with a reflection) that turns the points
 * a_i of one set as close as possible onto the paired points b_i of another, minimising sum_i ||R a_i - b_i||^2.
 * With both sets centred on their means (ā, b̄) and stacked as rows of A and B (n x k), the sum is smallest for
 * R = U V^T, where B^T A = U Σ V^T is the singular value decomposition.
 *
 * <p>Here A is the set that is turned (a moment's codes) and B the reference it is turned onto (the codes shown for
 * comparison); {@link #align} returns a'_i = R (a_i - ā) + ā: the set turned about its own centre, so that it
 * keeps its place and only its orientation (including a flip) follows the reference. For display only: distances
 * between the codes are unchanged, but the codes are no longer what the network computes.
 */
public final class Procrustes {
    private Procrustes() {
    }

    /**
     * R (k x k, row-major) turning the rows of {@code a} onto the rows of {@code b}, both n x k row-major and centred
     * here on their means; the identity when there is nothing to go by (no points, or non-finite codes).
     */
    public static double[] rotation(float[] a, float[] b, int n, int k) {
        if (a.length < n * k || b.length < n * k) {
            throw new IllegalArgumentException("need " + n + " x " + k + " codes in both sets, got " + a.length
                    + " and " + b.length + " values");
        }
        double[] ma = means(a, n, k);
        double[] mb = means(b, n, k);
        // M = B^T A, summed over the points (k x k).
        DMatrixRMaj m = new DMatrixRMaj(k, k);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                double br = b[i * k + r] - mb[r];
                for (int c = 0; c < k; c++) {
                    m.add(r, c, br * (a[i * k + c] - ma[c]));
                }
            }
        }
        if (n == 0 || !finite(m.data)) {
            return identity(k);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(k, k, true, true, false);
        if (!svd.decompose(m)) {
            return identity(k);
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj rot = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(u, v, rot);
        return rot.data;
    }

    /** The rows of {@code a} turned onto {@code b} about their own centre (see the class comment); a new array. */
    public static float[] align(float[] a, float[] b, int n, int k) {
        double[] rot = rotation(a, b, n, k);
        double[] ma = means(a, n, k);
        float[] out = new float[n * k];
        double[] d = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                d[c] = a[i * k + c] - ma[c];
            }
            for (int r = 0; r < k; r++) {
                double s = ma[r];
                for (int c = 0; c < k; c++) {
                    s += rot[r * k + c] * d[c];
                }
                out[i * k + r] = (float) s;
            }
        }
        return out;
    }

    private static double[] means(float[] x, int n, int k) {
        double[] m = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                m[c] += x[i * k + c];
            }
        }
        for (int c = 0; c < k; c++) {
            m[c] = n == 0 ? 0 : m[c] / n;
        }
        return m;
    }

    private static boolean finite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] identity(int k) {
        double[] r = new double[k * k];
        for (int i = 0; i < k; i++) {
            r[i * k + i] = 1;
        }
        return r;
    }
}
