package latentlab.math;

/**
 * The loops that work on a data set's pixel bytes directly, so that images never have to be converted to floats as
 * a whole (70,000 MNIST images as floats take 220 MB):
 * <ul>
 *   <li>{@link #dots}: inner products of a float vector with rows of unsigned bytes, the whole work of a pixel-space
 *       query (the float matrix product would need the bytes converted first, and with a single query only one of
 *       its SIMD lanes would do useful work);</li>
 *   <li>{@link #standardise}: bytes to standardised floats, for streaming pixels into the classifier;</li>
 *   <li>{@link #scanImage}: the first pass of the PCA covariance, which pixels ever change and how often each is
 *       inked.</li>
 * </ul>
 * HotSpot does not vectorise the unsigned byte-to-float conversion of plain Java. Two implementations, chosen once by
 * {@link KernelSelector}: {@code VectorByteKernels} and {@code ScalarByteKernels}. Each result is computed by the same
 * sequence of exactly rounded operations in every row, block and thread, so identical images give identical
 * results. Every method checks its ranges ({@link IllegalArgumentException}).
 */
public interface ByteKernels {
    /** The implementation for this JVM. */
    static ByteKernels get() {
        return KernelSelector.BYTES;
    }

    /** The plain-Java implementation (for tests and comparisons). */
    static ByteKernels scalar() {
        return KernelSelector.SCALAR_BYTES;
    }

    /** {@code out[r] = sum_p q[p] * (raw[r*d + p] & 0xFF)} for rows r in [0, rows). */
    void dots(byte[] raw, int rows, int d, float[] q, float[] out);

    /** {@code out[outOff + j] = ((raw[off + j] & 0xFF) - shift[j]) * scale[j]} for j in [0, len). */
    void standardise(byte[] raw, int off, int len, float[] shift, float[] scale, float[] out, int outOff);

    /**
     * One image of a scan over byte images, for j in [0, len):
     * <pre>changed[j] |= x[off + j] ^ reference[j];   inked[j] += (x[off + j] != 0 ? 1 : 0)</pre>
     * The ink counters are bytes: the caller empties them before 255 images.
     */
    void scanImage(byte[] x, int off, byte[] reference, byte[] changed, byte[] inked, int len);
}
