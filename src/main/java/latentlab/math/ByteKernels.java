package latentlab.math;


/**
 * The two loops that work on a data set's pixel bytes directly, so that images never have to be converted to
 * floats as a whole (70,000 MNIST images as floats take 220 MB):
 * <ul>
 *   <li>{@link #dots}: inner products of a float vector with rows of unsigned bytes, the whole work of a
 *       pixel-space query (the float matrix product would need the bytes converted first, and with a single query
 *       only one of its SIMD lanes would do useful work);</li>
 *   <li>{@link #standardise}: bytes to standardised floats, for streaming pixels into the classifier.</li>
 * </ul>
 * Plain Java does neither with SIMD (HotSpot 17 does not vectorise the unsigned byte-to-float conversion: about
 * 0.9 ns per pixel here). Two implementations, picked as {@link Kernels} picks its own: {@code VectorByteKernels}
 * on the incubating Vector API when {@link Kernels#get()} is vectorised, plain Java otherwise. Each result is
 * computed by the same sequence of exactly rounded operations in every row, block and thread, so identical
 * images give identical results.
 */
public interface ByteKernels {
    /** The implementation for this JVM. */
    static ByteKernels get() {
        return Holder.BEST;
    }

    /**
     * {@code out[r] = sum_p q[p] * (raw[r*d + p] & 0xFF)} for rows r in [0, rows).
     */
    void dots(byte[] raw, int rows, int d, float[] q, float[] out);

    /**
     * {@code out[outOff + j] = ((raw[off + j] & 0xFF) - shift[j]) * scale[j]} for j in [0, len).
     */
    void standardise(byte[] raw, int off, int len, float[] shift, float[] scale, float[] out, int outOff);

    /** Plain Java: one running sum per row, in pixel order. */
    final class Scalar implements ByteKernels {
        @Override
        public void dots(byte[] raw, int rows, int d, float[] q, float[] out) {
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
        public void standardise(byte[] raw, int off, int len, float[] shift, float[] scale, float[] out,
                                int outOff) {
            for (int j = 0; j < len; j++) {
                out[outOff + j] = ((raw[off + j] & 0xFF) - shift[j]) * scale[j];
            }
        }
    }

    /** Chooses once, reflectively, so that this interface links without the Vector API module. */
    final class Holder {
        static final ByteKernels BEST = choose();

        private Holder() {
        }

        private static ByteKernels choose() {
            if (Kernels.get() == Kernels.scalar()) {
                return new Scalar();
            }
            try {
                return (ByteKernels) Class.forName("latentlab.math.VectorByteKernels").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new Scalar();
            }
        }
    }
}
