package latentlab.pca;

import latentlab.compute.HeapBudget;
import latentlab.data.Dataset;

/**
 * How large images {@link Pca} can fit: the d x d covariance and the solver's matrices must be indexable by Java
 * arrays (d^2 below 2^31, so at most 46,340 pixels, 215 x 215) and fit in the heap. Checked before a fit starts,
 * so that large images get a message, not an {@code OutOfMemoryError} or a negative array size part-way through.
 */
final class PcaLimits {
    /** Most pixels per image: the largest d with d^2 below Java's largest array. */
    static final int MAX_PIXELS = 46_340;

    private PcaLimits() {
    }

    /**
     * Bytes per entry of the d x d covariance that a fit holds at its peak, for {@code threads} threads: each
     * thread's tiled accumulators of doubles and ints (12 per entry, counting the triangle's padding), their sum,
     * the covariance, the solver's reflectors, Q and its transpose (32 in all), and the float axes.
     */
    static long bytesPerEntry(int threads) {
        return 12L * threads + 36;
    }

    /**
     * @throws IllegalArgumentException if the images have more than {@link #MAX_PIXELS} pixels
     * @throws latentlab.compute.NotEnoughMemoryException if the heap cannot hold the fit's matrices
     */
    static void check(Dataset train, int threads) {
        long d = train.dimension();
        String images = train.rows() + " x " + train.cols() + " images";
        if (d > MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "PCA of %s (d = %,d pixels) "
                    + "needs a %,d x %,d covariance matrix, more than Java's arrays can index; PCA takes images of "
                    + "up to %,d pixels (215 x 215)", images, d, d, d, MAX_PIXELS));
        }
        HeapBudget.require(d * d * bytesPerEntry(threads), "PCA of " + images + " (a " + d + " x " + d
                + " covariance)");
    }
}
