package latentlab.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DoubleKernels} on the incubating Vector API, the widest double species of the CPU (8 lanes with AVX-512,
 * 4 with AVX2). As in {@link VectorMatrixKernels}, no masks and no vectors passed to helper methods (on JDK 17 either
 * can keep the JIT from holding vectors in registers); column tails narrower than a vector run as scalar code.
 * Lane sums go through an array in a fixed order rather than {@code reduceLanes}, whose order may differ between
 * the interpreter and compiled code, so a result never depends on how warm the JVM is.
 */
final class VectorDoubleKernels implements DoubleKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void rotate(double[] x, double[] y, int from, int to, double c, double s) {
        DoubleShapes.rotate(x, y, from, to);
        int j = from;
        DoubleVector cv = DoubleVector.broadcast(S, c);
        DoubleVector sv = DoubleVector.broadcast(S, s);
        DoubleVector nsv = DoubleVector.broadcast(S, -s);
        for (int end = to - L; j <= end; j += L) {
            DoubleVector a = DoubleVector.fromArray(S, x, j);
            DoubleVector b = DoubleVector.fromArray(S, y, j);
            b.fma(sv, a.mul(cv)).intoArray(x, j);
            a.fma(nsv, b.mul(cv)).intoArray(y, j);
        }
        for (; j < to; j++) {
            double a = x[j];
            double b = y[j];
            x[j] = Math.fma(b, s, a * c);
            y[j] = Math.fma(a, -s, b * c);
        }
    }

    @Override
    public void rotateChain(double[][] rows, int first, int count, double[] cos, double[] sin, int off, int from,
                            int to) {
        DoubleShapes.rotateChain(rows, first, count, cos, sin, off, from, to);
        int j = from;
        // Four strips at a time: four independent chains hide the latency of the carried row's update.
        for (int end = to - 4 * L; j <= end; j += 4 * L) {
            double[] x = rows[first];
            DoubleVector a0 = DoubleVector.fromArray(S, x, j);
            DoubleVector a1 = DoubleVector.fromArray(S, x, j + L);
            DoubleVector a2 = DoubleVector.fromArray(S, x, j + 2 * L);
            DoubleVector a3 = DoubleVector.fromArray(S, x, j + 3 * L);
            for (int k = 0; k < count; k++) {
                double[] y = rows[first + k + 1];
                DoubleVector cv = DoubleVector.broadcast(S, cos[off + k]);
                DoubleVector sv = DoubleVector.broadcast(S, sin[off + k]);
                DoubleVector nsv = DoubleVector.broadcast(S, -sin[off + k]);
                DoubleVector b0 = DoubleVector.fromArray(S, y, j);
                DoubleVector b1 = DoubleVector.fromArray(S, y, j + L);
                DoubleVector b2 = DoubleVector.fromArray(S, y, j + 2 * L);
                DoubleVector b3 = DoubleVector.fromArray(S, y, j + 3 * L);
                b0.fma(sv, a0.mul(cv)).intoArray(x, j);
                b1.fma(sv, a1.mul(cv)).intoArray(x, j + L);
                b2.fma(sv, a2.mul(cv)).intoArray(x, j + 2 * L);
                b3.fma(sv, a3.mul(cv)).intoArray(x, j + 3 * L);
                a0 = a0.fma(nsv, b0.mul(cv));
                a1 = a1.fma(nsv, b1.mul(cv));
                a2 = a2.fma(nsv, b2.mul(cv));
                a3 = a3.fma(nsv, b3.mul(cv));
                x = y;
            }
            a0.intoArray(x, j);
            a1.intoArray(x, j + L);
            a2.intoArray(x, j + 2 * L);
            a3.intoArray(x, j + 3 * L);
        }
        for (int end = to - L; j <= end; j += L) {
            double[] x = rows[first];
            DoubleVector a0 = DoubleVector.fromArray(S, x, j);
            for (int k = 0; k < count; k++) {
                double[] y = rows[first + k + 1];
                DoubleVector cv = DoubleVector.broadcast(S, cos[off + k]);
                DoubleVector b0 = DoubleVector.fromArray(S, y, j);
                b0.fma(DoubleVector.broadcast(S, sin[off + k]), a0.mul(cv)).intoArray(x, j);
                a0 = a0.fma(DoubleVector.broadcast(S, -sin[off + k]), b0.mul(cv));
                x = y;
            }
            a0.intoArray(x, j);
        }
        for (int k = 0; k < count && j < to; k++) {
            rotate(rows[first + k], rows[first + k + 1], j, to, cos[off + k], sin[off + k]);
        }
    }

    @Override
    public void applyReflectorBlock(double[][] m, int r0, int r1, int j0, int j1, double[] v, double[] t) {
        DoubleShapes.applyReflectorBlock(m, r0, r1, j0, j1, v, t);
        int j = j0;
        for (int end = j1 - L; j <= end; j += L) {
            applyStrip(m, r0, r1, j, v, t);
        }
        ScalarDoubleKernels.applyColumns(m, r0, r1, j, j1, v, t);
    }

    /** One strip of L columns: W = V^T M in 8 registers, W = T W, then M -= V W, row by row. */
    private static void applyStrip(double[][] m, int r0, int r1, int j, double[] v, double[] t) {
        DoubleVector w0 = DoubleVector.zero(S);
        DoubleVector w1 = w0;
        DoubleVector w2 = w0;
        DoubleVector w3 = w0;
        DoubleVector w4 = w0;
        DoubleVector w5 = w0;
        DoubleVector w6 = w0;
        DoubleVector w7 = w0;
        for (int i = r0, vi = 0; i < r1; i++, vi += BLOCK) {
            DoubleVector x = DoubleVector.fromArray(S, m[i], j);
            w0 = x.fma(DoubleVector.broadcast(S, v[vi]), w0);
            w1 = x.fma(DoubleVector.broadcast(S, v[vi + 1]), w1);
            w2 = x.fma(DoubleVector.broadcast(S, v[vi + 2]), w2);
            w3 = x.fma(DoubleVector.broadcast(S, v[vi + 3]), w3);
            w4 = x.fma(DoubleVector.broadcast(S, v[vi + 4]), w4);
            w5 = x.fma(DoubleVector.broadcast(S, v[vi + 5]), w5);
            w6 = x.fma(DoubleVector.broadcast(S, v[vi + 6]), w6);
            w7 = x.fma(DoubleVector.broadcast(S, v[vi + 7]), w7);
        }
        // Negated T W (T upper triangular): row r of the product reads rows r.. of W, so go top down.
        DoubleVector n0 = w0.mul(-t[0]).sub(w1.mul(t[1])).sub(w2.mul(t[2])).sub(w3.mul(t[3]))
                .sub(w4.mul(t[4])).sub(w5.mul(t[5])).sub(w6.mul(t[6])).sub(w7.mul(t[7]));
        DoubleVector n1 = w1.mul(-t[9]).sub(w2.mul(t[10])).sub(w3.mul(t[11])).sub(w4.mul(t[12]))
                .sub(w5.mul(t[13])).sub(w6.mul(t[14])).sub(w7.mul(t[15]));
        DoubleVector n2 = w2.mul(-t[18]).sub(w3.mul(t[19])).sub(w4.mul(t[20])).sub(w5.mul(t[21]))
                .sub(w6.mul(t[22])).sub(w7.mul(t[23]));
        DoubleVector n3 = w3.mul(-t[27]).sub(w4.mul(t[28])).sub(w5.mul(t[29])).sub(w6.mul(t[30]))
                .sub(w7.mul(t[31]));
        DoubleVector n4 = w4.mul(-t[36]).sub(w5.mul(t[37])).sub(w6.mul(t[38])).sub(w7.mul(t[39]));
        DoubleVector n5 = w5.mul(-t[45]).sub(w6.mul(t[46])).sub(w7.mul(t[47]));
        DoubleVector n6 = w6.mul(-t[54]).sub(w7.mul(t[55]));
        DoubleVector n7 = w7.mul(-t[63]);
        for (int i = r0, vi = 0; i < r1; i++, vi += BLOCK) {
            double[] row = m[i];
            DoubleVector x = DoubleVector.fromArray(S, row, j);
            x = n0.fma(DoubleVector.broadcast(S, v[vi]), x);
            x = n1.fma(DoubleVector.broadcast(S, v[vi + 1]), x);
            x = n2.fma(DoubleVector.broadcast(S, v[vi + 2]), x);
            x = n3.fma(DoubleVector.broadcast(S, v[vi + 3]), x);
            x = n4.fma(DoubleVector.broadcast(S, v[vi + 4]), x);
            x = n5.fma(DoubleVector.broadcast(S, v[vi + 5]), x);
            x = n6.fma(DoubleVector.broadcast(S, v[vi + 6]), x);
            x = n7.fma(DoubleVector.broadcast(S, v[vi + 7]), x);
            x.intoArray(row, j);
        }
    }

    @Override
    public double updateRow(double[] row, int off, int len, double ui, double wi, double[] w, double[] u, int uw,
                            double[] next, int nv, double[] acc) {
        DoubleShapes.updateRow(row, off, len, w, u, uw, next, nv, acc);
        if (len <= 0) {
            return 0;
        }
        DoubleVector nui = DoubleVector.broadcast(S, -ui);
        DoubleVector nwi = DoubleVector.broadcast(S, -wi);
        if (next == null) {
            int j = 0;
            for (int end = len - L; j <= end; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, row, off + j);
                r = DoubleVector.fromArray(S, w, uw + j).fma(nui, r);
                r = DoubleVector.fromArray(S, u, uw + j).fma(nwi, r);
                r.intoArray(row, off + j);
            }
            for (; j < len; j++) {
                row[off + j] = Math.fma(u[uw + j], -wi, Math.fma(w[uw + j], -ui, row[off + j]));
            }
            return 0;
        }
        double vi = next[nv];
        // Entry 0 (the diagonal) on its own: it is not part of the returned sum.
        double r0 = row[off];
        if (u != null) {
            r0 = Math.fma(u[uw], -wi, Math.fma(w[uw], -ui, r0));
            row[off] = r0;
        }
        acc[nv] = Math.fma(vi, r0, acc[nv]);
        DoubleVector viv = DoubleVector.broadcast(S, vi);
        DoubleVector dot = DoubleVector.zero(S);
        int j = 1;
        if (u != null) {
            for (int end = len - L; j <= end; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, row, off + j);
                r = DoubleVector.fromArray(S, w, uw + j).fma(nui, r);
                r = DoubleVector.fromArray(S, u, uw + j).fma(nwi, r);
                r.intoArray(row, off + j);
                r.fma(viv, DoubleVector.fromArray(S, acc, nv + j)).intoArray(acc, nv + j);
                dot = r.fma(DoubleVector.fromArray(S, next, nv + j), dot);
            }
        } else {
            for (int end = len - L; j <= end; j += L) {
                DoubleVector r = DoubleVector.fromArray(S, row, off + j);
                r.fma(viv, DoubleVector.fromArray(S, acc, nv + j)).intoArray(acc, nv + j);
                dot = r.fma(DoubleVector.fromArray(S, next, nv + j), dot);
            }
        }
        double[] lanes = LANES.get();
        dot.intoArray(lanes, 0);
        double sum = 0;
        for (int l = 0; l < L; l++) {
            sum += lanes[l];
        }
        for (; j < len; j++) {
            double r = row[off + j];
            if (u != null) {
                r = Math.fma(u[uw + j], -wi, Math.fma(w[uw + j], -ui, r));
                row[off + j] = r;
            }
            acc[nv + j] = Math.fma(vi, r, acc[nv + j]);
            sum = Math.fma(r, next[nv + j], sum);
        }
        return sum;
    }

    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[L]);
}
