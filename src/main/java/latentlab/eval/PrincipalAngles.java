package latentlab.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import latentlab.nn.Codec;

/**
 * Principal angles between two k-dimensional subspaces of R^d (Björck and Golub, "Numerical methods for computing
 * angles between linear subspaces", Math. Comp. 27, 1973): with orthonormal bases Q_A and Q_B, the cosines of the
 * angles are the singular values of Q_A^T Q_B. All angles are 0 exactly when the subspaces coincide.
 *
 * <p>Used to show that a linear autoencoder learns PCA's subspace (Baldi and Hornik, "Neural networks and
 * principal component analysis", Neural Networks 2, 1989): the span of its decoder's columns turns towards the
 * span of the first k principal axes while it trains.
 */
public final class PrincipalAngles {
    private PrincipalAngles() {
    }

    /**
     * The angles in radians, ascending, between the column spaces of {@code a} (d x k) and {@code b} (d x m), both
     * row-major; there are min(k, m) of them.
     */
    public static double[] between(double[] a, int ka, double[] b, int kb, int d) {
        DMatrixRMaj qa = orthonormalBasis(new DMatrixRMaj(d, ka, true, a));
        DMatrixRMaj qb = orthonormalBasis(new DMatrixRMaj(d, kb, true, b));
        DMatrixRMaj m = new DMatrixRMaj(qa.numCols, qb.numCols);
        CommonOps_DDRM.multTransA(qa, qb, m);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false,
                false, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("SVD of the principal-angle matrix failed");
        }
        double[] s = svd.getSingularValues().clone();
        int n = Math.min(ka, kb);
        double[] angles = new double[n];
        java.util.Arrays.sort(s);
        for (int i = 0; i < n; i++) {
            // Largest cosine first gives ascending angles; clamp rounding beyond 1.
            double c = Math.min(1, Math.max(-1, s[s.length - 1 - i]));
            angles[i] = Math.acos(c);
        }
        return angles;
    }

    private static DMatrixRMaj orthonormalBasis(DMatrixRMaj x) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(x.numRows, x.numCols);
        if (!qr.decompose(x.copy())) {
            throw new IllegalStateException("QR decomposition failed");
        }
        return qr.getQ(null, true);
    }

    /**
     * The columns of a decoder's linear part, d x k: h(e_j) - h(0) for each unit code e_j. For a linear decoder
     * (identity activations) these span exactly its output space minus the offset h(0).
     */
    public static double[] decoderColumns(Codec decoder) {
        int k = decoder.latentSize();
        int d = decoder.inputSize();
        float[] codes = new float[(k + 1) * k];
        for (int j = 0; j < k; j++) {
            codes[(j + 1) * k + j] = 1f;
        }
        float[] out = new float[(k + 1) * d];
        decoder.decode(codes, 0, k + 1, out, 0);
        double[] cols = new double[d * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < d; i++) {
                cols[i * k + j] = out[(j + 1) * d + i] - out[i];
            }
        }
        return cols;
    }
}
