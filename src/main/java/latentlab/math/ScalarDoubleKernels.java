package latentlab.math;

/** Plain-Java {@link DoubleKernels}: the reference the vectorised ones are tested against, and the fallback. */
final class ScalarDoubleKernels implements DoubleKernels {

    @Override
    public void rotate(double[] x, double[] y, int from, int to, double c, double s) {
        DoubleShapes.rotate(x, y, from, to);
        for (int j = from; j < to; j++) {
            double a = x[j];
            double b = y[j];
            x[j] = c * a + s * b;
            y[j] = c * b - s * a;
        }
    }

    @Override
    public void rotateChain(double[][] rows, int first, int count, double[] cos, double[] sin, int off, int from,
                            int to) {
        DoubleShapes.rotateChain(rows, first, count, cos, sin, off, from, to);
        for (int k = 0; k < count; k++) {
            rotate(rows[first + k], rows[first + k + 1], from, to, cos[off + k], sin[off + k]);
        }
    }

    @Override
    public void applyReflectorBlock(double[][] m, int r0, int r1, int j0, int j1, double[] v, double[] t) {
        DoubleShapes.applyReflectorBlock(m, r0, r1, j0, j1, v, t);
        applyColumns(m, r0, r1, j0, j1, v, t);
    }

    /** The reference loops, also the column tails of the vector implementation. */
    static void applyColumns(double[][] m, int r0, int r1, int j0, int j1, double[] v, double[] t) {
        int width = j1 - j0;
        if (width <= 0) {
            return;
        }
        double[] w = scratch(BLOCK * width);
        for (int i = r0; i < r1; i++) {
            int vi = (i - r0) * BLOCK;
            for (int r = 0; r < BLOCK; r++) {
                axpy(v[vi + r], m[i], j0, w, r * width, width);
            }
        }
        // W = T W, in place from the top row down (row r reads rows s >= r only).
        for (int r = 0; r < BLOCK; r++) {
            int wr = r * width;
            for (int j = 0; j < width; j++) {
                double sum = 0;
                for (int s = r; s < BLOCK; s++) {
                    sum += t[r * BLOCK + s] * w[s * width + j];
                }
                w[wr + j] = sum;
            }
        }
        for (int i = r0; i < r1; i++) {
            int vi = (i - r0) * BLOCK;
            for (int r = 0; r < BLOCK; r++) {
                axpy(-v[vi + r], w, r * width, m[i], j0, width);
            }
        }
    }

    /** {@code y[yOff + j] += a x[xOff + j]} for j in [0, len); nothing when a = 0 (V's zero entries). */
    private static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int len) {
        if (a != 0) {
            for (int j = 0; j < len; j++) {
                y[yOff + j] += a * x[xOff + j];
            }
        }
    }

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    /** A zeroed scratch array of at least {@code size} entries, reused by the calling thread. */
    private static double[] scratch(int size) {
        double[][] holder = SCRATCH.get();
        if (holder[0].length < size) {
            holder[0] = new double[Math.max(size, 2 * holder[0].length)];
        } else {
            java.util.Arrays.fill(holder[0], 0, size, 0);
        }
        return holder[0];
    }

    @Override
    public double updateRow(double[] row, int off, int len, double ui, double wi, double[] w, double[] u, int uw,
                            double[] next, int nv, double[] acc) {
        DoubleShapes.updateRow(row, off, len, w, u, uw, next, nv, acc);
        if (u != null) {
            for (int j = 0; j < len; j++) {
                row[off + j] -= ui * w[uw + j] + wi * u[uw + j];
            }
        }
        if (next == null) {
            return 0;
        }
        double vi = next[nv];
        for (int j = 0; j < len; j++) {
            acc[nv + j] += vi * row[off + j];
        }
        // Four chains: the JIT does not vectorise a floating-point sum.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 1;
        for (; j + 3 < len; j += 4) {
            s0 += row[off + j] * next[nv + j];
            s1 += row[off + j + 1] * next[nv + j + 1];
            s2 += row[off + j + 2] * next[nv + j + 2];
            s3 += row[off + j + 3] * next[nv + j + 3];
        }
        for (; j < len; j++) {
            s0 += row[off + j] * next[nv + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
