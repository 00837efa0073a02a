package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The parallel eigendecomposition against EJML's own and against the definition. */
class SymmetricEigenTest {

    /** A random symmetric n x n matrix with Gaussian entries (distinct eigenvalues). */
    static double[][] random(long seed, int n) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextGaussian();
            }
        }
        return a;
    }

    /** V diag(lambda) V^T with a random orthogonal V and eigenvalues in clusters: a third 0, a third 1, the rest 5+k. */
    static double[][] clustered(long seed, int n) {
        Random r = new Random(seed);
        double[][] q = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int p = 0; p < n; p++) {
                q[k][p] = r.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = dot(q[k], q[j]);
                for (int p = 0; p < n; p++) {
                    q[k][p] -= dot * q[j][p];
                }
            }
            double norm = Math.sqrt(dot(q[k], q[k]));
            for (int p = 0; p < n; p++) {
                q[k][p] /= norm;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[k][i] * q[k][j] * (k < n / 3 ? 0 : k < 2 * n / 3 ? 1 : 5 + k);
                }
                a[i][j] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i]; // exactly symmetric
            }
        }
        return a;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static SymmetricEigen decompose(double[][] a, int threads) {
        try (ComputePool pool = new ComputePool(threads)) {
            return SymmetricEigen.decompose(copy(a), pool, Progress.NONE, 0, 1);
        }
    }

    /** A v = lambda v and V V^T = I, to {@code tol} relative to the largest eigenvalue. */
    static void assertEigenpairs(double[][] a, SymmetricEigen eig, double tol) {
        int n = a.length;
        double scale = 1;
        for (double v : eig.values) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            double[] v = eig.vectors[i];
            for (int p = 0; p < n; p++) {
                assertEquals(eig.values[i] * v[p], dot(a[p], v), tol * scale, "A v = lambda v, pair " + i);
            }
            for (int j = 0; j <= i; j++) {
                assertEquals(i == j ? 1 : 0, dot(v, eig.vectors[j]), tol, "v_" + i + " . v_" + j);
            }
        }
    }

    @Test
    void agreesWithEjmlOnDistinctEigenvalues() {
        int n = 160; // ~30,000 rotations: several passes of the rotation code
        double[][] a = random(7, n);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m.data, i * n, n);
        }
        EigenDecomposition_F64<DMatrixRMaj> ref = DecompositionFactory_DDRM.eig(n, true, true);
        assertTrue(ref.decompose(m));
        SymmetricEigen eig = decompose(a, 2);
        Integer[] ours = order(eig.values);
        double[] refValues = new double[n];
        for (int i = 0; i < n; i++) {
            refValues[i] = ref.getEigenvalue(i).getReal();
        }
        Integer[] theirs = order(refValues);
        for (int r = 0; r < n; r++) {
            double lo = eig.values[ours[r]];
            assertEquals(refValues[theirs[r]], lo, 1e-13 * Math.abs(refValues[theirs[0]]), "eigenvalue " + r);
            double cos = dot(eig.vectors[ours[r]], ref.getEigenVector(theirs[r]).data);
            assertEquals(1, Math.abs(cos), 1e-10, "same eigenvector " + r);
        }
        assertEigenpairs(a, eig, 1e-13);
    }

    private static Integer[] order(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(values[y], values[x]));
        return idx;
    }

    @Test
    void repeatedEigenvaluesGiveAnOrthonormalBasisOfEachEigenspace() {
        double[][] a = clustered(3, 90);
        SymmetricEigen eig = decompose(a, 2);
        assertEigenpairs(a, eig, 1e-12);
        double[] sorted = eig.values.clone();
        Arrays.sort(sorted);
        assertEquals(0, sorted[0], 1e-12 * 100);
        assertEquals(0, sorted[29], 1e-12 * 100);
        assertEquals(1, sorted[30], 1e-12 * 100);
        assertEquals(1, sorted[59], 1e-12 * 100);
    }

    @Test
    void identicalForAnyThreadCount() {
        double[][] a = random(11, 300); // more rows than the parallel threshold (192)
        SymmetricEigen one = decompose(a, 1);
        for (int t : new int[] {2, 3}) {
            SymmetricEigen other = decompose(a, t);
            assertArrayEquals(one.values, other.values, t + " threads");
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(one.vectors[i], other.vectors[i], t + " threads, vector " + i);
            }
        }
    }

    @Test
    void readsOnlyTheUpperTriangle() {
        double[][] a = random(5, 260);
        double[][] garbled = copy(a);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                garbled[i][j] = i % 3 == 0 ? Double.NaN : 1e6 * (i - j);
            }
        }
        SymmetricEigen clean = decompose(a, 2);
        SymmetricEigen other = decompose(garbled, 2);
        assertArrayEquals(clean.values, other.values);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(clean.vectors[i], other.vectors[i], "vector " + i);
        }
        assertEigenpairs(a, other, 1e-12);
    }

    @Test
    void areaBoundsShareTheTriangleEvenly() {
        int first = 3;
        int rows = 500;
        int[] b = Tridiagonal.areaBounds(first, rows);
        assertEquals(first, b[0]);
        assertEquals(first + rows, b[b.length - 1]);
        double total = rows * (rows + 1.0) / 2;
        for (int k = 0; k + 1 < b.length; k++) {
            double area = 0;
            for (int i = b[k]; i < b[k + 1]; i++) {
                area += rows - (i - first);
            }
            assertEquals(total / (b.length - 1), area, rows, "block " + k);
        }
        int[] tiny = Tridiagonal.areaBounds(0, 3);
        assertEquals(3, tiny[tiny.length - 1]);
        for (int k = 0; k + 1 < tiny.length; k++) {
            assertTrue(tiny[k] <= tiny[k + 1]);
        }
    }

    @Test
    void smallAndStructuredMatrices() {
        // Up to 12: no reflector, fewer than one block of 8 (formed together into Q), one block and a part.
        for (int n = 1; n <= 12; n++) {
            double[][] a = random(n, n);
            assertEigenpairs(a, decompose(a, 2), 1e-14);
        }
        // Already tridiagonal, diagonal, and zero: reflectors with nothing to reflect (tau = 0).
        double[][] tri = {{2, 1, 0, 0}, {1, 3, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 5}};
        double[][] diag = {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}};
        double[][] zero = new double[6][6];
        for (double[][] a : new double[][][] {tri, diag, zero}) {
            assertEigenpairs(a, decompose(a, 2), 1e-14);
        }
        double[] values = decompose(diag, 1).values.clone();
        Arrays.sort(values);
        assertArrayEquals(new double[] {-1, 2, 3}, values, 1e-15);
    }

    @Test
    void theTridiagonalFormIsASimilarity() {
        int n = 120;
        double[][] a = random(5, n);
        Tridiagonal t;
        double[][] qt;
        try (ComputePool pool = new ComputePool(2)) {
            t = Tridiagonal.reduce(copy(a), pool, Progress.NONE);
            qt = HouseholderQ.formQt(t, pool, Progress.NONE);
        }
        // Q^T A Q = T: row i of Q^T is q_i, so (Q^T A Q)[i][j] = q_i . A q_j.
        double[][] aq = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < n; p++) {
                aq[j][p] = dot(a[p], qt[j]);
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, dot(qt[i], qt[i]), 1e-13, "unit row " + i);
            for (int j = 0; j < n; j++) {
                double expected = i == j ? t.diagonal[i] : j == i + 1 ? t.offDiagonal[i] : i == j + 1 ? t.offDiagonal[j] : 0;
                assertEquals(expected, dot(qt[i], aq[j]), 1e-12, "T[" + i + "][" + j + "]");
                if (j < i) {
                    assertEquals(0, dot(qt[i], qt[j]), 1e-13, "orthogonal rows " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void canBeCancelledWhileRotating() {
        double[][] a = random(3, 200);
        Progress cancelInSecondHalf = new Progress() {
            private volatile double last;

            @Override
            public void update(double done, double total, String message) {
                last = done / total;
            }

            @Override
            public boolean isCancelled() {
                return last >= 0.65; // reached once Q is formed: the next batch of rotations stops
            }
        };
        try (ComputePool pool = new ComputePool(2)) {
            assertThrows(CancelledException.class, () -> SymmetricEigen.decompose(a, pool, cancelInSecondHalf, 0, 1));
        }
    }
}
