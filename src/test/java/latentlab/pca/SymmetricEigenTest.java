package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import latentlab.math.ComputePool;
import latentlab.util.CancelledException;
import latentlab.util.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The batched, parallel eigenvector updates give EJML's own decomposition, to the last bit. */
class SymmetricEigenTest {

    /** A random symmetric n x n matrix; with {@code repeated}, a spectrum with clusters of equal eigenvalues. */
    static DMatrixRMaj symmetric(long seed, int n, boolean repeated) {
        Random r = new Random(seed);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        if (!repeated) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = r.nextGaussian();
                    a.set(i, j, v);
                    a.set(j, i, v);
                }
            }
            return a;
        }
        // Q diag(lambda) Q^T with a random orthogonal Q (Gram-Schmidt) and eigenvalues 0, 0, ..., 1, 1, ..., 5.
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int p = 0; p < n; p++) {
                q[k][p] = r.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int p = 0; p < n; p++) {
                    dot += q[k][p] * q[j][p];
                }
                for (int p = 0; p < n; p++) {
                    q[k][p] -= dot * q[j][p];
                }
            }
            double norm = 0;
            for (int p = 0; p < n; p++) {
                norm += q[k][p] * q[k][p];
            }
            for (int p = 0; p < n; p++) {
                q[k][p] /= Math.sqrt(norm);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[k][i] * q[k][j] * (k < n / 3 ? 0 : k < 2 * n / 3 ? 1 : 5 + k);
                }
                a.set(i, j, s);
            }
        }
        return a;
    }

    @Test
    void sameEigenvaluesAndVectorsAsEjml() {
        for (boolean repeated : new boolean[] {false, true}) {
            int n = repeated ? 90 : 160; // 160: ~30,000 rotations, several batches
            DMatrixRMaj a = symmetric(n, n, repeated);
            EigenDecomposition_F64<DMatrixRMaj> ref = DecompositionFactory_DDRM.eig(n, true, true);
            assertTrue(ref.decompose(a.copy()));
            for (int threads : new int[] {1, 2, 3}) {
                SymmetricEigen eig;
                try (ComputePool pool = new ComputePool(threads)) {
                    eig = SymmetricEigen.decompose(a.copy(), pool, Progress.NONE, 0, 1);
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(ref.getEigenvalue(i).getReal(), eig.values[i], "eigenvalue " + i);
                    double[] v = ref.getEigenVector(i).data;
                    for (int p = 0; p < n; p++) {
                        assertEquals(v[p], eig.vectors[i][p], "vector " + i + " entry " + p);
                    }
                }
                // And they are eigenvectors of a: ||A v - lambda v|| small.
                for (int i = 0; i < n; i++) {
                    double[] v = eig.vectors[i];
                    for (int p = 0; p < n; p++) {
                        double av = 0;
                        for (int q = 0; q < n; q++) {
                            av += a.get(p, q) * v[q];
                        }
                        assertEquals(eig.values[i] * v[p], av, 1e-10 * (1 + Math.abs(eig.values[i])));
                    }
                }
            }
        }
    }

    @Test
    void canBeCancelledWhileRotating() {
        DMatrixRMaj a = symmetric(3, 160, false);
        Progress cancelInSecondHalf = new Progress() {
            private volatile double last;

            @Override
            public void update(double done, double total, String message) {
                last = done / total;
            }

            @Override
            public boolean isCancelled() {
                return last >= 0.75; // reached once Q is formed: the next batch of rotations stops
            }
        };
        try (ComputePool pool = new ComputePool(2)) {
            assertThrows(CancelledException.class, () -> SymmetricEigen.decompose(a, pool, cancelInSecondHalf, 0, 1));
        }
    }
}
