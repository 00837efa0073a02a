package latentlab.math;

/** The argument checks of {@link ByteKernels}, as {@link Shapes} does them for the float kernels. */
final class ByteShapes {
    private ByteShapes() {
    }

    static void dots(byte[] raw, int rows, int d, float[] q, float[] out) {
        if (rows < 0 || d < 0 || (long) rows * d > raw.length) {
            throw new IllegalArgumentException("dots of " + rows + " rows of " + d + " bytes: the array holds "
                    + raw.length);
        }
        Shapes.range("dots", "the query", q.length, 0, d);
        Shapes.range("dots", "the results", out.length, 0, rows);
    }

    static void standardise(byte[] raw, int off, int len, float[] shift, float[] scale, float[] out, int outOff) {
        Shapes.range("standardise", "the bytes", raw.length, off, len);
        Shapes.range("standardise", "the shifts", shift.length, 0, len);
        Shapes.range("standardise", "the scales", scale.length, 0, len);
        Shapes.range("standardise", "the output", out.length, outOff, len);
    }

    static void scanImage(byte[] x, int off, byte[] reference, byte[] changed, byte[] inked, int len) {
        Shapes.range("scanImage", "the image", x.length, off, len);
        Shapes.range("scanImage", "the reference", reference.length, 0, len);
        Shapes.range("scanImage", "the change marks", changed.length, 0, len);
        Shapes.range("scanImage", "the ink counts", inked.length, 0, len);
    }
}
