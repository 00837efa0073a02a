package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.ComputePool;
import latentlab.compute.NotEnoughMemoryException;
import latentlab.compute.Progress;
import latentlab.data.AllocationMeter;
import latentlab.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Images too large for PCA get a message before the fit starts: beyond 46,340 pixels the d x d covariance cannot
 * be indexed (it was a NegativeArraySizeException), and below that a covariance that does not fit in the heap is
 * refused saying how much it needs (it was an OutOfMemoryError part-way through).
 */
class PcaLimitsTest {
    private static Dataset blank(int n, int rows, int cols) {
        byte[] pixels = new byte[n * rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return new Dataset("big", rows, cols, pixels, new byte[n]);
    }

    @Test
    void imagesTooLargeForACovarianceAreRefusedAtOnce() {
        Dataset huge = blank(3, 216, 216);
        // "At once": refused before the fit allocates its 8.7 GB covariance or any sizeable part of it.
        try (ComputePool pool = new ComputePool(1)) {
            long before = AllocationMeter.allocated();
            String m = assertThrows(IllegalArgumentException.class, () -> Pca.fit(huge, pool, Progress.NONE))
                    .getMessage();
            long allocated = AllocationMeter.allocated() - before;
            assertTrue(m.contains("216 x 216 images") && m.contains("46,340 pixels"), m);
            assertTrue(allocated < 16L << 20, "allocated " + (allocated >> 20) + " MB before refusing");
        }
    }

    @Test
    void aCovarianceLargerThanTheHeapIsRefusedSayingHowMuchItNeeds() {
        long heap = Runtime.getRuntime().maxMemory();
        // d^2 * 48 bytes > the heap: d = sqrt(heap / 24) is twice too large.
        int side = (int) Math.ceil(Math.sqrt(Math.sqrt(heap / 24.0)));
        Dataset large = blank(3, side, side);
        try (ComputePool pool = new ComputePool(2)) {
            String m = assertThrows(NotEnoughMemoryException.class, () -> Pca.fit(large, pool, Progress.NONE))
                    .getMessage();
            assertTrue(m.startsWith("not enough memory for PCA of " + side + " x " + side + " images"), m);
            assertTrue(m.contains("a larger -Xmx"), m);
        }
    }
}
