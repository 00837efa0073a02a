package latentlab.pca;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.math.ByteKernels;

/**
 * The first pass of the covariance over the bytes: which pixels ever differ from the first image (an OR of XORs) and
 * in how many images each pixel is inked (byte counters, emptied into ints every {@value #INK_RUN} images). The
 * pixels that never change are left out of the product and the eigenproblem (their axes are known); the others get
 * the product's order, the rarely inked first, so that the panels of rare pixels are black together in most images
 * and their tiles skip most rows.
 *
 * @param firstImage the first image's bytes (the constant pixels' value everywhere)
 * @param kept       the pixels that vary, increasing
 * @param pixelAt    the pixel (index into the image) at each position of the product's order
 * @param position   the product position of each kept pixel
 */
record PixelOrder(byte[] firstImage, int[] kept, int[] pixelAt, int[] position) {
    /** Images per chunk of the pass. */
    private static final int SCAN_BLOCK = 1024;
    /** Images per run of the byte ink counters (at most 255). */
    private static final int INK_RUN = 128;

    /** Scans all images of {@code data} on the pool's threads. */
    static PixelOrder of(Dataset data, ComputePool pool) {
        int n = data.size();
        int d = data.dimension();
        int threads = pool.threads();
        byte[] firstImage = new byte[d];
        data.copyRaw(0, firstImage, 0);
        byte[][] differences = new byte[threads][];
        int[][] inked = new int[threads][];
        ByteKernels bytes = ByteKernels.get();
        pool.parallelFor(n, SCAN_BLOCK, (slot, from, to) -> {
            if (differences[slot] == null) {
                differences[slot] = new byte[d];
                inked[slot] = new int[d];
            }
            byte[] buf = new byte[d];
            byte[] ink = new byte[d];
            int[] count = inked[slot];
            for (int i = from; i < to; i += INK_RUN) {
                for (int p = i; p < Math.min(to, i + INK_RUN); p++) {
                    data.copyRaw(p, buf, 0);
                    bytes.scanImage(buf, 0, firstImage, differences[slot], ink, d);
                }
                for (int j = 0; j < d; j++) {
                    count[j] += ink[j] & 0xFF;
                }
                Arrays.fill(ink, (byte) 0);
            }
        });
        int varying = 0;
        int[] keptAll = new int[d];
        for (int j = 0; j < d; j++) {
            byte any = 0;
            for (byte[] diff : differences) {
                any |= diff == null ? 0 : diff[j];
            }
            if (any != 0) {
                keptAll[varying++] = j;
            }
        }
        int m = varying;
        int[] kept = Arrays.copyOf(keptAll, m);
        // The product's order of the kept pixels: the rarely inked first (ties in pixel order), so that the
        // panels of rare pixels are black together in most images and their tiles skip most rows. For MNIST
        // this leaves 57% of the work of pixel order (in which a panel is one image row, inked by most digits).
        long[] inkKey = new long[m];
        for (int a = 0; a < m; a++) {
            long c = 0;
            for (int[] count : inked) {
                c += count == null ? 0 : count[kept[a]];
            }
            inkKey[a] = (c << 32) | a;
        }
        Arrays.sort(inkKey);
        int[] pixelAt = new int[m]; // pixel index (into the image) of product position q
        int[] position = new int[m]; // product position of kept pixel a
        for (int q = 0; q < m; q++) {
            int a = (int) inkKey[q];
            pixelAt[q] = kept[a];
            position[a] = q;
        }

        return new PixelOrder(firstImage, kept, pixelAt, position);
    }
}
