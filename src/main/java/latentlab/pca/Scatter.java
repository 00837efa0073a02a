package latentlab.pca;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.math.MatrixKernels;

/**
 * The centred scatter of the raw pixel values over the pixels that vary, exact: {@code N G - s s^T} with
 * G = X^T X over the bytes and s the column sums, restricted to the pixels {@code kept} (in increasing order);
 * {@code values} holds the rows of the m x m matrix (m = kept.length), both triangles filled. {@code sums} holds
 * the column sums of all d pixels.
 *
 * <p>Formed exactly, as the {@link Pca} class comment explains: the product of a chunk of {@value #CHUNK_ROWS} rows
 * is exact in float, tiles of them are added into ints and those into doubles.
 */
record Scatter(long[] sums, int[] kept, double[][] values) {
    /**
     * Rows per float partial sum: 128 * 255^2 = 8,323,200 < 2^23, so the sums are exact integers, and adding 2^23
     * turns them into ints without a conversion instruction (see {@code MatrixKernels.addTo}).
     */
    static final int CHUNK_ROWS = 128;
    /** Rows an int partial sum of products of bytes holds exactly: 32,768 * 255^2 < 2^31. */
    static final int INT_ROWS = 32_768;
    /** Pixels per panel of the packed chunk: one tile of the GEMM kernel (2 x 16 float lanes) wide. */
    private static final int PANEL_WIDTH = 32;
    /** Entries per tile of the covariance product. */
    private static final int TILE = PANEL_WIDTH * PANEL_WIDTH;

    double at(int a, int b) {
        return values[a][b];
    }

    /** The scatter of all images of {@code data}; reports progress from 0 up to {@code share} of the job. */
    static Scatter of(Dataset data, ComputePool pool, Progress progress, double share) {
        int n = data.size();
        int d = data.dimension();
        int threads = pool.threads();
        PixelOrder order = PixelOrder.of(data, pool);
        progress.checkCancelled();
        byte[] firstImage = order.firstImage();
        int[] kept = order.kept();
        int[] pixelAt = order.pixelAt();
        int[] position = order.position();
        int m = kept.length;

        // Pass 2: G = X^T X over the kept pixels plus one column of ones (index m), whose products with the pixels
        // are the column sums s, for free. A chunk is stored as panels of 32 columns: column a of row p at
        // pan[(a / 32) * panelSize + p * 32 + a % 32]. The kernel reads both operands from them with unit stride
        // (A with aRow = 1, aCol = 32; B with ldb = 32) instead of with the row-major chunk's 3 KB stride.
        int panels = (m + 1 + PANEL_WIDTH - 1) / PANEL_WIDTH;
        int panelSize = CHUNK_ROWS * PANEL_WIDTH;
        // The threads claim chunks one by one and add them into their own accumulators: one hand-over for the
        // whole product, and a thread that the OS deschedules (another process on the machine) holds up at most
        // the chunk it is in. The accumulators hold exact integers, so adding them up at the end gives the same G
        // whoever took which chunk.
        int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        String message = "PCA: covariance of " + n + " images";
        int onesPanel = m / PANEL_WIDTH;
        // The accumulators hold the upper triangle tile by tile, each 32 x 32 tile contiguous, so that adding a tile
        // is one sequential pass over 8 KB (row-major, it touched 32 rows spread over the 4 MB matrix).
        int tiles = panels * (panels + 1) / 2;
        MatrixKernels kern = MatrixKernels.get();
        ProductState[] states = new ProductState[threads];
        pool.parallelFor(chunks, 1, (slot, chunk, chunkEnd) -> {
            if (states[slot] == null) {
                states[slot] = new ProductState(panels, panelSize, tiles, d, onesPanel, m);
            }
            ProductState st = states[slot];
            if (slot == 0) {
                progress.update(share * chunk / chunks, 1, message);
            }
            progress.checkCancelled();
            float[] pan = st.pan;
            float[] gathered = st.gathered;
            int[][] rowsOf = st.rowsOf;
            int[] count = st.count;
            byte[] buf = st.buf;
            int r0 = chunk * CHUNK_ROWS;
            int rows = Math.min(CHUNK_ROWS, n - r0);
            // 1. The chunk's raw pixel values as floats (0..255) into the panels, in the product's pixel order,
            //    noting for each panel the rows where it is not all zero (the panel with the ones column is
            //    never).
            Arrays.fill(count, 0);
            for (int p = 0; p < rows; p++) {
                data.copyRaw(r0 + p, buf, 0);
                for (int b = 0, a0 = 0; a0 < m; b++, a0 += PANEL_WIDTH) {
                    int base = b * panelSize + p * PANEL_WIDTH;
                    int width = Math.min(PANEL_WIDTH, m - a0);
                    int any = 0;
                    for (int a = 0; a < width; a++) {
                        int v = buf[pixelAt[a0 + a]] & 0xFF;
                        pan[base + a] = v;
                        any |= v;
                    }
                    if (any != 0 || b == onesPanel) {
                        rowsOf[b][count[b]++] = p;
                    }
                }
                if (onesPanel * PANEL_WIDTH == m) { // the ones column opens a panel of its own
                    rowsOf[onesPanel][count[onesPanel]++] = p;
                }
            }
            // 2. The upper triangle by 32 x 32 tiles: G[i, j] += sum_p x[p, i] x[p, j] for the columns i of
            //    panel b and j of panel c >= b. Only rows where both panels have a non-zero pixel contribute, so
            //    each tile runs over the rows of the sparser of its two panels (for MNIST in ink order, 37% of
            //    the dense work; taking only the rows where both are inked would leave 36.6%). A tile is exact in
            //    float (see the class comment) and is added to the thread's int partial sums at once.
            for (int g = 0; g < panels; g++) {
                int k = count[g];
                if (k == 0) {
                    continue; // the tiles this panel owns are all zero
                }
                float[] src = pan;
                if (k < rows) {
                    // Gather the rows of panel g, and of every panel that shares a tile owned by g, in order.
                    src = gathered;
                    int[] sel = rowsOf[g];
                    for (int c = 0; c < panels; c++) {
                        if (c == g || owner(c, g, count) == g) {
                            int from = c * panelSize;
                            for (int q = 0; q < k; q++) {
                                System.arraycopy(pan, from + sel[q] * PANEL_WIDTH, gathered, from + q * PANEL_WIDTH,
                                        PANEL_WIDTH);
                            }
                        }
                    }
                }
                for (int c = 0; c < panels; c++) {
                    if (owner(c, g, count) != g) {
                        continue;
                    }
                    int b = Math.min(c, g);
                    int e = Math.max(c, g);
                    int ti = tileIndex(b, e, panels);
                    if (st.partRows[ti] + k > INT_ROWS) {
                        st.flush(ti);
                    }
                    kern.gemm(0, PANEL_WIDTH, PANEL_WIDTH, k, src, b * panelSize, 1, PANEL_WIDTH,
                            src, e * panelSize, PANEL_WIDTH, st.tile, 0, PANEL_WIDTH, null, 0, false);
                    kern.addTo(st.tile, 0, st.part, ti * TILE, TILE);
                    st.partRows[ti] += k;
                }
            }
        });
        double[] gram = new double[tiles * TILE];
        for (ProductState st : states) {
            if (st != null) {
                st.flushAll();
                for (int i = 0; i < gram.length; i++) {
                    gram[i] += st.gram[i];
                }
            }
        }
        progress.checkCancelled();
        progress.update(share, 1, message);

        // Column sums: from the ones column for the kept pixels, n times the value for the constant ones.
        long[] sums = new long[d];
        for (int j = 0; j < d; j++) {
            sums[j] = (long) n * (firstImage[j] & 0xFF);
        }
        for (int a = 0; a < m; a++) {
            sums[kept[a]] = (long) gram[gramIndex(position[a], m, panels)];
        }
        // N G - s s^T on the upper triangle, mirrored. Both terms are integers below 2^53 (N up to ~370,000), so
        // the difference is exact.
        double[][] values = new double[m][m];
        double nd = n;
        for (int a = 0; a < m; a++) {
            double sa = sums[kept[a]];
            int qa = position[a];
            for (int b = a; b < m; b++) {
                int qb = position[b];
                double g = qa <= qb ? gram[gramIndex(qa, qb, panels)] : gram[gramIndex(qb, qa, panels)];
                double v = nd * g - sa * sums[kept[b]];
                values[a][b] = v;
                values[b][a] = v;
            }
        }
        return new Scatter(sums, kept, values);
    }

    /**
     * One thread's share of the product: the chunk's panels, the gathered rows, the tile, and its accumulators,
     * exact partial sums in int per tile (each of at most INT_ROWS rows) that are added into doubles (a float tile
     * is exact for CHUNK_ROWS rows, see the class comment; an int one for 2^31 / 255^2 = 33,025).
     */
    private static final class ProductState {
        final float[] pan;
        final float[] gathered;
        final float[] tile = new float[TILE];
        final double[] gram;
        final int[] part;
        final int[] partRows;
        final int[][] rowsOf;
        final int[] count;
        final byte[] buf;

        ProductState(int panels, int panelSize, int tiles, int d, int onesPanel, int m) {
            pan = new float[panels * panelSize]; // padding columns stay 0
            for (int p = 0; p < CHUNK_ROWS; p++) {
                pan[onesPanel * panelSize + p * PANEL_WIDTH + m % PANEL_WIDTH] = 1;
            }
            gathered = new float[panels * panelSize];
            gram = new double[tiles * TILE];
            part = new int[tiles * TILE];
            partRows = new int[tiles];
            rowsOf = new int[panels][CHUNK_ROWS];
            count = new int[panels];
            buf = new byte[d];
        }

        /** Adds int tile {@code ti} into the double accumulator and empties it. */
        void flush(int ti) {
            for (int i = ti * TILE; i < (ti + 1) * TILE; i++) {
                gram[i] += part[i];
                part[i] = 0;
            }
            partRows[ti] = 0;
        }

        void flushAll() {
            for (int ti = 0; ti < partRows.length; ti++) {
                if (partRows[ti] > 0) {
                    flush(ti);
                }
            }
        }
    }

    /** Position of tile (b, e), b <= e, in the tile-by-tile upper triangle of {@code panels} x {@code panels} tiles. */
    private static int tileIndex(int b, int e, int panels) {
        return b * panels - b * (b - 1) / 2 + (e - b);
    }

    /** Position of entry (a, c), a <= c, in the tile-by-tile upper triangle. */
    private static int gramIndex(int a, int c, int panels) {
        return tileIndex(a / PANEL_WIDTH, c / PANEL_WIDTH, panels) * TILE + (a % PANEL_WIDTH) * PANEL_WIDTH
                + c % PANEL_WIDTH;
    }

    /**
     * Which of the panels c and g computes their tile: the one with fewer non-zero rows in the chunk (g on ties
     * when g <= c, so that each tile has exactly one owner).
     */
    private static int owner(int c, int g, int[] count) {
        int b = Math.min(c, g);
        int e = Math.max(c, g);
        return count[e] < count[b] ? e : b;
    }
}
