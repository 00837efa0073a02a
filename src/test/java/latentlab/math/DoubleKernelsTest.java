package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both {@link DoubleKernels} against the formulas in plain loops, on widths that reach every column tail. */
class DoubleKernelsTest {
    /** Column ranges: within a vector, whole vectors, four-vector groups, and groups with vector and scalar tails. */
    private static final int[][] RANGES = {{0, 3}, {2, 10}, {0, 32}, {5, 45}, {1, 77}, {8, 100}, {0, 131}};

    static Stream<DoubleKernels> kernels() {
        return Stream.of(DoubleKernels.get(), DoubleKernels.scalar());
    }

    private static double[][] random(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static void assertClose(double[][] expected, double[][] actual, double tol, String what) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], tol, what + " at " + i + ", " + j);
            }
        }
    }

    @Test
    void theVectorKernelsAreUsedWhenTheModuleIsPresent() {
        assertNotSame(DoubleKernels.scalar(), DoubleKernels.get(), "the build runs tests with the Vector API module");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rotateAppliesTheGivensFormulaOnTheRangeOnly(DoubleKernels kern) {
        Random r = new Random(1);
        for (int[] range : RANGES) {
            double[][] m = random(r, 2, 140);
            double[][] before = copy(m);
            double t = r.nextDouble() * 6;
            double c = Math.cos(t);
            double s = Math.sin(t);
            kern.rotate(m[0], m[1], range[0], range[1], c, s);
            for (int j = 0; j < 140; j++) {
                boolean in = j >= range[0] && j < range[1];
                double x = before[0][j];
                double y = before[1][j];
                assertEquals(in ? c * x + s * y : x, m[0][j], 1e-15, "x at " + j);
                assertEquals(in ? c * y - s * x : y, m[1][j], 1e-15, "y at " + j);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void aChainIsBitIdenticalToItsRotationsOneByOne(DoubleKernels kern) {
        Random r = new Random(2);
        int rows = 40;
        double[] cos = new double[rows];
        double[] sin = new double[rows];
        for (int k = 0; k < rows; k++) {
            double t = r.nextDouble() * 6;
            cos[k] = Math.cos(t);
            sin[k] = Math.sin(t);
        }
        for (int[] range : RANGES) {
            for (int count : new int[] {1, 2, 17, 30}) {
                double[][] m = random(r, rows, 140);
                double[][] expected = copy(m);
                int first = 5;
                int off = 3;
                for (int k = 0; k < count; k++) {
                    kern.rotate(expected[first + k], expected[first + k + 1], range[0], range[1], cos[off + k],
                            sin[off + k]);
                }
                kern.rotateChain(m, first, count, cos, sin, off, range[0], range[1]);
                for (int i = 0; i < rows; i++) {
                    assertArrayEquals(expected[i], m[i], "row " + i + ", " + count + " rotations on " + range[0]
                            + ".." + range[1]);
                }
            }
        }
    }

    /**
     * A block of 8 reflectors in compact WY form against the reflectors applied one by one,
     * M = H_0 (H_1 (... (H_7 M))), with a padding reflector (tau = 0) and reflectors that start on later rows.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void aReflectorBlockEqualsItsReflectorsOneByOne(DoubleKernels kern) {
        Random r = new Random(3);
        int b = DoubleKernels.BLOCK;
        int rows = 30;
        int r0 = 4;
        int height = rows - r0;
        double[][] u = new double[b][height];
        double[] tau = new double[b];
        for (int k = 0; k < b; k++) {
            u[k][k] = 1; // reflector k starts k rows further down, with its leading 1
            double norm = 1;
            for (int i = k + 1; i < height; i++) {
                u[k][i] = r.nextGaussian();
                norm += u[k][i] * u[k][i];
            }
            tau[k] = k == 6 ? 0 : 2 / norm; // H_k = I - tau u u^T orthogonal; H_6 = I
        }
        double[] v = new double[height * b];
        for (int i = 0; i < height; i++) {
            for (int k = 0; k < b; k++) {
                v[i * b + k] = u[k][i];
            }
        }
        // T column by column: T[k, k] = tau_k, T[0..k, k] = -tau_k T[0..k, 0..k] V[:, 0..k]^T u_k.
        double[] t = new double[b * b];
        for (int k = 0; k < b; k++) {
            t[k * b + k] = tau[k];
            double[] z = new double[k];
            for (int s = 0; s < k; s++) {
                for (int i = 0; i < height; i++) {
                    z[s] += u[s][i] * u[k][i];
                }
            }
            for (int s = 0; s < k; s++) {
                double sum = 0;
                for (int c = s; c < k; c++) {
                    sum += t[s * b + c] * z[c];
                }
                t[s * b + k] = -tau[k] * sum;
            }
        }
        for (int[] range : RANGES) {
            double[][] m = random(r, rows, 140);
            double[][] expected = copy(m);
            for (int k = b - 1; k >= 0; k--) {
                for (int j = range[0]; j < range[1]; j++) {
                    double dot = 0;
                    for (int i = 0; i < height; i++) {
                        dot += u[k][i] * expected[r0 + i][j];
                    }
                    for (int i = 0; i < height; i++) {
                        expected[r0 + i][j] -= tau[k] * u[k][i] * dot;
                    }
                }
            }
            kern.applyReflectorBlock(m, r0, rows, range[0], range[1], v, t);
            assertClose(expected, m, 1e-13, "columns " + range[0] + ".." + range[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void updateRowDoesTheRankTwoUpdateAndBothSharesOfTheProduct(DoubleKernels kern) {
        Random r = new Random(4);
        for (int len : new int[] {1, 2, 7, 8, 9, 33, 100}) {
            for (int variant = 0; variant < 3; variant++) {
                boolean update = variant != 1;
                boolean product = variant != 2;
                int off = 3;
                int uw = 2;
                int nv = 5;
                double[] row = new double[off + len + 4];
                double[] w = new double[uw + len + 1];
                double[] u = new double[uw + len + 1];
                double[] next = new double[nv + len + 2];
                double[] acc = new double[nv + len + 2];
                for (double[] x : new double[][] {row, w, u, next, acc}) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = r.nextGaussian();
                    }
                }
                double ui = r.nextGaussian();
                double wi = r.nextGaussian();
                double[] expectedRow = row.clone();
                double[] expectedAcc = acc.clone();
                double expectedSum = 0;
                for (int j = 0; j < len; j++) {
                    if (update) {
                        expectedRow[off + j] -= ui * w[uw + j] + wi * u[uw + j];
                    }
                    if (product) {
                        expectedAcc[nv + j] += next[nv] * expectedRow[off + j];
                        if (j >= 1) {
                            expectedSum += expectedRow[off + j] * next[nv + j];
                        }
                    }
                }
                double sum = kern.updateRow(row, off, len, ui, wi, update ? w : null, update ? u : null, uw,
                        product ? next : null, nv, acc);
                String what = "len " + len + (update ? ", update" : "") + (product ? ", product" : "");
                assertArrayEquals(expectedRow, row, 1e-14, what);
                assertArrayEquals(expectedAcc, acc, 1e-14, what);
                assertEquals(expectedSum, sum, 1e-13, what);
            }
        }
    }
}
