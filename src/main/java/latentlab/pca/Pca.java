package latentlab.pca;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.math.ByteKernels;
import latentlab.math.MatrixKernels;

/**
 * Fits principal components analysis in closed form: the eigenvectors of the sample covariance of the training
 * images (pixels scaled to [0, 1]), sorted by eigenvalue.
 *
 * <h2>Method: covariance, then a symmetric eigendecomposition (not a thin SVD)</h2>
 * With X the N x d matrix of centred images, the principal axes are the right singular vectors of X and the
 * eigenvectors of C = X^T X / (N - 1), with lambda_i = sigma_i^2 / (N - 1). We form C and decompose it in double
 * precision by the symmetric QR algorithm (Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., section 8.3): a
 * Householder reduction to tridiagonal form, then EJML's implicit Wilkinson-shifted QR iteration, laid out for
 * both cores in {@link SymmetricEigen}.
 * <ul>
 *   <li><b>Speed.</b> Forming C is one symmetric product of N d^2 / 2 multiply-adds (half of the d x d result,
 *       by symmetry): for MNIST's 60,000 images and 717 varying pixels, 15 G multiply-adds, of which the product
 *       skips the 63% that only meet black pixels (see below); the float GEMM kernel runs the rest (12.5 GFLOP) on
 *       both cores in about 0.13 s, near 100 GFLOP/s. The eigenproblem is then d x d, independent of N (about 0.12 s). A
 *       thin SVD of the N x d matrix instead bidiagonalises X itself (about 4 N d^2 + 8 d^3 flops, largely in
 *       memory-bound matrix-vector passes over 188 MB of doubles): side by side on a 2-core machine,
 *       scikit-learn's full-SVD PCA (float32) took 2.3-2.7 s, NumPy's covariance + {@code eigh} (float32)
 *       0.33-0.46 s, this fit 0.27-0.44 s once compiled (NumPy's float32 {@code eigh}, 0.055 s, is faster than
 *       our double solver, but its dense product takes 0.24 s).</li>
 *   <li><b>Accuracy.</b> The classical objection to the covariance route is that forming X^T X in floating point
 *       squares the condition number: rounding errors of order eps lambda_1 swamp the small eigenvalues.
 *       Here C is formed <em>exactly</em>. Pixels are bytes, so on the raw values 0..255 every product is an
 *       integer below 2^16 and a float sum of up to 128 of them is an integer below 2^23, hence exact in float32
 *       (the GEMM kernel's rounding never fires); the tiles of chunks of 128 rows are summed into ints, exact for
 *       up to 32,768 rows, and those into doubles, exact below 2^53.
 *       With G = X_raw^T X_raw and the column sums s, the centred scatter is N G - s s^T, again an exact integer
 *       in double (for N up to ~370,000), and C = (N G - s s^T) / (N (N - 1) 255^2) is rounded once. The result
 *       is identical for any thread count and chunk order. What remains is the eigensolver's backward error,
 *       about 1e-16 lambda_1 per eigenvalue, far below what a float32 image can show; the SVD's advantage
 *       (relative accuracy of singular values near eps sigma_1) would only concern axes that carry no visible
 *       variance.</li>
 *   <li><b>Double, not float, for the eigensolver.</b> Single precision would halve its memory traffic, but MNIST's
 *       smallest variances (~1e-7 of lambda_1) would become round-off and the axes would be accurate to ~1e-6,
 *       coarser than the float32 the model stores them in; EJML's float32 solver was only 10% faster than its
 *       double one here (0.61 s against 0.67 s for 784 x 784).</li>
 * </ul>
 * Pixels that never change in the training set (67 of MNIST's 784, at the borders) have zero variance and a zero
 * row and column in C. A first pass over the bytes finds them, and they are deflated
 * exactly: each contributes the unit vector e_j with eigenvalue 0, and both the product and the eigenproblem shrink
 * to the remaining pixels (717 for MNIST: 16% less work for the product, 25% less for the eigensolver, whose cost
 * grows with the cube of the size). The product also skips, for each 32 x 32 tile of C, the images in which the
 * sparser of its two groups of 32 pixels is entirely black, since they add nothing to it. Which pixels form a
 * group is ours to choose (C is only permuted), so the pixels are ordered by how many images ink them, rarest
 * first: the groups of rarely inked pixels, around the digits, are black together in most images. For MNIST the
 * product then does 37% of the dense work; in pixel order, where a group is about one image row and most digits
 * reach into most rows, it did 64%. (On dense data nothing is skipped, and nothing is copied.)
 *
 * <h2>Result</h2>
 * A {@link PcaModel}: the mean, all d axes sorted by variance (largest first; ties keep the solver's order, with
 * the deflated constant pixels last, in pixel order), the variances with the 1/(N - 1) normalisation (round-off
 * below zero is clamped to 0), and the sign of each axis fixed so that its largest-magnitude entry is positive.
 *
 * <h2>Threads, progress, cancellation</h2>
 * The covariance runs on the given {@link ComputePool}, the threads claiming chunks of 128 images one by one;
 * progress is reported per chunk, and cancellation is checked there; in the eigendecomposition, every 64
 * reduction steps, per column range of Q and per batch of rotations (a few tens of milliseconds apart for MNIST).
 */
public final class Pca {
    /**
     * Rows per float partial sum: 128 * 255^2 = 8,323,200 < 2^23, so the sums are exact integers, and adding 2^23
     * turns them into ints without a conversion instruction (see {@code MatrixKernels.addTo}).
     */
    static final int CHUNK_ROWS = 128;
    /** Rows an int partial sum of products of bytes holds exactly: 32,768 * 255^2 < 2^31. */
    static final int INT_ROWS = 32_768;
    /** Images per task of the first pass (which pixels vary). */
    private static final int SCAN_BLOCK = 1024;
    /** Images per run of the first pass's byte ink counters (at most 255). */
    private static final int INK_RUN = 128;
    /** Pixels per panel of the packed chunk: one tile of the GEMM kernel (2 x 16 float lanes) wide. */
    private static final int PANEL_WIDTH = 32;
    /** Entries per tile of the covariance product. */
    private static final int TILE = PANEL_WIDTH * PANEL_WIDTH;
    /** Share of the progress bar for the covariance (about 0.25 s for MNIST); the eigensolver takes the rest. */
    private static final double COVARIANCE_SHARE = 0.4;

    private Pca() {
    }

    /**
     * Fits on all images of {@code train}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 images
     * @throws latentlab.compute.CancelledException if {@code progress} was cancelled
     */
    public static PcaModel fit(Dataset train, ComputePool pool, Progress progress) {
        int n = train.size();
        int d = train.dimension();
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 training images, " + train.name() + " has " + n);
        }
        progress.checkCancelled();
        Scatter sc = scatter(train, pool, progress);
        int[] kept = sc.kept();
        int m = kept.length;
        double scale = 1.0 / ((double) n * (n - 1) * 255.0 * 255.0);
        double[][] cov = sc.values();
        for (double[] row : cov) {
            for (int b = 0; b < m; b++) {
                row[b] *= scale;
            }
        }

        progress.checkCancelled();
        float[] components = new float[d * d];
        double[] variances = new double[d];
        if (m > 0) {
            SymmetricEigen eig = SymmetricEigen.decompose(cov, pool, progress, COVARIANCE_SHARE, 1);
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            double[] lambda = eig.values;
            Arrays.sort(order, (x, y) -> Double.compare(lambda[y], lambda[x])); // stable: ties keep solver order
            for (int r = 0; r < m; r++) {
                double[] v = eig.vectors[order[r]];
                double sign = v[largestMagnitude(v)] < 0 ? -1 : 1;
                for (int a = 0; a < m; a++) {
                    components[r * d + kept[a]] = (float) (sign * v[a]);
                }
                variances[r] = Math.max(0, lambda[order[r]]);
            }
        }
        // The constant pixels: unit axes with no variance, after all the others.
        int r = m;
        for (int j = 0, a = 0; j < d; j++) {
            if (a < m && kept[a] == j) {
                a++;
            } else {
                components[r++ * d + j] = 1f;
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (sc.sums()[j] / (n * 255.0));
        }
        progress.update(1, 1, "PCA: done");
        return PcaModel.adopt(n, mean, components, variances);
    }

    /** Images of the synthetic data set {@link #warmUp} fits. */
    static final int WARM_UP_IMAGES = 1500;
    /** Side of its square images: 400 pixels, a 400 x 400 eigenproblem. */
    static final int WARM_UP_SIDE = 20;

    /**
     * Fits PCA twice, on one thread, to a small synthetic data set (1,500 sparse random images of 20 x 20 pixels),
     * so that the JIT compiles the SIMD kernels of a fit before the first real one. A kernel runs compiled only
     * after thousands of calls, and until then the Vector API's operations run as ordinary Java objects, hundreds
     * of times slower: in a fresh JVM the first MNIST fit took 2.3-2.8 s, and 1.0-1.3 s after this warm-up, which
     * takes 1.4-2.7 s of one core (measured here). The window runs it once, in the background, after start-up.
     *
     * @return the second fit (so that the work cannot be optimised away)
     */
    public static PcaModel warmUp() {
        int d = WARM_UP_SIDE * WARM_UP_SIDE;
        byte[] pixels = new byte[WARM_UP_IMAGES * d];
        latentlab.math.Rng rng = new latentlab.math.Rng(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (rng.nextInt(3) == 0 ? rng.nextInt(256) : 0);
        }
        Dataset data = new Dataset("PCA warm-up", WARM_UP_SIDE, WARM_UP_SIDE, pixels, new byte[WARM_UP_IMAGES]);
        fit(data, ComputePool.serial(), Progress.NONE);
        return fit(data, ComputePool.serial(), Progress.NONE);
    }

    /** Index of the entry of largest magnitude (the first one, on ties). */
    private static int largestMagnitude(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The centred scatter of the raw pixel values over the pixels that vary, exact: {@code N G - s s^T} with
     * G = X^T X over the bytes and s the column sums, restricted to the pixels {@code kept} (in increasing order);
     * {@code values} holds the rows of the m x m matrix (m = kept.length), both triangles filled. {@code sums} holds
     * the column sums of all d pixels.
     */
    record Scatter(long[] sums, int[] kept, double[][] values) {
        double at(int a, int b) {
            return values[a][b];
        }
    }

    /** Computes the {@link Scatter} of all images of {@code data}; reports progress up to {@link #COVARIANCE_SHARE}. */
    static Scatter scatter(Dataset data, ComputePool pool, Progress progress) {
        int n = data.size();
        int d = data.dimension();
        int threads = pool.threads();

        // Pass 1 (SIMD byte loops): which pixels ever differ from the first image (an OR of XORs), and in how many
        // images each pixel is inked (byte counters, emptied into ints every INK_RUN images).
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
        progress.checkCancelled();

        // Pass 2: G = X^T X over the kept pixels plus one column of ones (index m), whose products with the pixels
        // are the column sums s, for free. A chunk is stored as panels of 32 columns: column a of row p at
        // pan[(a / 32) * panelSize + p * 32 + a % 32]. The kernel reads both operands from them with unit stride
        // (A with aRow = 1, aCol = 32; B with ldb = 32), about 25% faster than reading the row-major chunk with a
        // 3 KB stride.
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
                progress.update(COVARIANCE_SHARE * chunk / chunks, 1, message);
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
        progress.update(COVARIANCE_SHARE, 1, message);

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
