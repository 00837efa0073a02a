package latentlab.math;

/** The argument checks of {@link DoubleKernels}, as {@link Shapes} does them for the float kernels. */
final class DoubleShapes {
    private DoubleShapes() {
    }

    static void rotate(double[] x, double[] y, int from, int to) {
        columns("rotate", x.length, from, to);
        columns("rotate", y.length, from, to);
    }

    static void rotateChain(double[][] rows, int first, int count, double[] cos, double[] sin, int off, int from,
                            int to) {
        if (first < 0 || count < 0 || (long) first + count >= rows.length && count > 0) {
            throw new IllegalArgumentException("rotateChain of rows " + first + ".." + (first + count) + " of "
                    + rows.length);
        }
        Shapes.range("rotateChain", "the cosines", cos.length, off, count);
        Shapes.range("rotateChain", "the sines", sin.length, off, count);
        for (int r = first; r <= first + count && count > 0; r++) {
            columns("rotateChain", rows[r].length, from, to);
        }
    }

    static void applyReflectorBlock(double[][] m, int r0, int r1, int j0, int j1, double[] v, double[] t) {
        if (r0 < 0 || r1 < r0 || r1 > m.length) {
            throw new IllegalArgumentException("applyReflectorBlock: rows [" + r0 + ", " + r1 + ") of a matrix of "
                    + m.length);
        }
        Shapes.range("applyReflectorBlock", "V", v.length, 0, (r1 - r0) * DoubleKernels.BLOCK);
        Shapes.range("applyReflectorBlock", "T", t.length, 0, DoubleKernels.BLOCK * DoubleKernels.BLOCK);
        for (int i = r0; i < r1; i++) {
            columns("applyReflectorBlock", m[i].length, j0, j1);
        }
    }

    static void updateRow(double[] row, int off, int len, double[] w, double[] u, int uw, double[] next, int nv,
                          double[] acc) {
        Shapes.range("updateRow", "the row", row.length, off, len);
        if (u != null) {
            Shapes.range("updateRow", "w", w.length, uw, len);
            Shapes.range("updateRow", "u", u.length, uw, len);
        }
        if (next != null) {
            Shapes.range("updateRow", "the next reflector", next.length, nv, len);
            Shapes.range("updateRow", "the product", acc.length, nv, len);
        }
    }

    private static void columns(String op, int length, int from, int to) {
        if (from < 0 || to < from || to > length) {
            throw new IllegalArgumentException(op + ": columns [" + from + ", " + to + ") of a row of " + length);
        }
    }
}
