package latentlab.math;

/** Plain-Java {@link ByteKernels}: one running sum per row, in pixel order. */
final class ScalarByteKernels implements ByteKernels {
    @Override
    public void dots(byte[] raw, int rows, int d, float[] q, float[] out) {
        ByteShapes.dots(raw, rows, d, q, out);
        for (int r = 0; r < rows; r++) {
            int off = r * d;
            float s = 0;
            for (int p = 0; p < d; p++) {
                s += q[p] * (raw[off + p] & 0xFF);
            }
            out[r] = s;
        }
    }

    @Override
    public void standardise(byte[] raw, int off, int len, float[] shift, float[] scale, float[] out, int outOff) {
        ByteShapes.standardise(raw, off, len, shift, scale, out, outOff);
        for (int j = 0; j < len; j++) {
            out[outOff + j] = ((raw[off + j] & 0xFF) - shift[j]) * scale[j];
        }
    }

    @Override
    public void scanImage(byte[] x, int off, byte[] reference, byte[] changed, byte[] inked, int len) {
        ByteShapes.scanImage(x, off, reference, changed, inked, len);
        for (int j = 0; j < len; j++) {
            byte v = x[off + j];
            changed[j] |= (byte) (v ^ reference[j]);
            inked[j] += (byte) (v == 0 ? 0 : 1);
        }
    }
}
