package latentlab.pca;

import java.util.Arrays;

import latentlab.data.Dataset;
import latentlab.math.ComputePool;
import latentlab.math.Kernels;
import latentlab.util.Progress;

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
 *       by symmetry): for MNIST's 60,000 images and 717 varying pixels, 15 G multiply-adds, which the float GEMM
 *       kernel runs near its peak on both cores in about 0.25 s. The eigenproblem is then d x d, independent of N
 *       (about 0.2 s). A thin SVD of the N x d matrix instead bidiagonalises X itself (about 4 N d^2 + 8 d^3
 *       flops, largely in memory-bound matrix-vector passes over 188 MB of doubles): scikit-learn's full-SVD PCA
 *       takes 4.6 s on the same machine, NumPy's covariance + {@code eigh} 0.34 s (float32).</li>
 *   <li><b>Accuracy.</b> The classical objection to the covariance route is that forming X^T X in floating point
 *       squares the condition number: rounding errors of order eps lambda_1 swamp the small eigenvalues.
 *       Here C is formed <em>exactly</em>. Pixels are bytes, so on the raw values 0..255 every product is an
 *       integer below 2^16 and a float sum of up to 258 of them is an integer below 2^24, hence exact in float32
 *       (the GEMM kernel's rounding never fires); chunks of 256 rows are summed into doubles, exact below 2^53.
 *       With G = X_raw^T X_raw and the column sums s, the centred scatter is N G - s s^T, again an exact integer
 *       in double (for N up to ~370,000), and C = (N G - s s^T) / (N (N - 1) 255^2) is rounded once. The result
 *       is identical for any thread count and chunk order. What remains is the eigensolver's backward error,
 *       about 1e-16 lambda_1 per eigenvalue, far below what a float32 image can show; the SVD's advantage
 *       (relative accuracy of singular values near eps sigma_1) would only concern axes that carry no visible
 *       variance.</li>
 *   <li><b>Double, not float, for the eigensolver.</b> The d x d problem is small next to forming C, so single
 *       precision would save little (EJML's float32 solver is only ~10% faster than its double one, 0.61 s
 *       against 0.67 s for 784 x 784) and would lose 8 digits on the eigenvalues.</li>
 * </ul>
 * Pixels that never change in the training set (67 of MNIST's 784, at the borders) have zero variance and a zero
 * row and column in C. A first pass over the bytes finds them, and they are deflated
 * exactly: each contributes the unit vector e_j with eigenvalue 0, and both the product and the eigenproblem shrink
 * to the remaining pixels (717 for MNIST: 16% less work for the product, 25% less for the eigensolver, whose cost
 * grows with the cube of the size).
 *
 * <h2>Result</h2>
 * A {@link PcaModel}: the mean, all d axes sorted by variance (largest first; ties keep the solver's order, with
 * the deflated constant pixels last, in pixel order), the variances with the 1/(N - 1) normalisation (round-off
 * below zero is clamped to 0), and the sign of each axis fixed so that its largest-magnitude entry is positive.
 *
 * <h2>Threads, progress, cancellation</h2>
 * The covariance runs on the given {@link ComputePool}, each thread a range of the images; progress is reported
 * per chunk of 256 images, and cancellation is checked there; in the eigendecomposition, every 64
 * reduction steps, per column range of Q and per batch of rotations (a few tens of milliseconds apart for MNIST).
 */
public final class Pca {
    /**
     * Rows per float partial sum: 256 * 255^2 = 16,646,400 < 2^24, so the sums are exact (258 would still be).
     * A chunk of 256 rows of MNIST's 717 varying pixels as floats (750 KB) also stays in a core's 1 MB L2 cache
     * while the kernel reads its panels.
     */
    static final int CHUNK_ROWS = 256;
    /** Pixels per panel of the packed chunk: one tile of the GEMM kernel (2 x 16 float lanes) wide. */
    private static final int PANEL_WIDTH = 32;
    /** Share of the progress bar for the covariance (about 0.25 s for MNIST); the eigensolver takes the rest. */
    private static final double COVARIANCE_SHARE = 0.4;

    private Pca() {
    }

    /** Fits on {@code train} with one thread per core, without progress reports. */
    public static PcaModel fit(Dataset train) {
        return fit(train, Progress.NONE);
    }

    /** Fits on {@code train} with one thread per core. */
    public static PcaModel fit(Dataset train, Progress progress) {
        try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
            return fit(train, pool, progress);
        }
    }

    /**
     * Fits on all images of {@code train}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 images
     * @throws latentlab.util.CancelledException if {@code progress} was cancelled
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

        // Pass 1: which pixels ever differ from the first image (OR of XORs: byte loops HotSpot vectorises).
        byte[] firstImage = new byte[d];
        data.copyRaw(0, firstImage, 0);
        byte[][] differences = new byte[threads][d];
        pool.run(t -> {
            byte[] buf = new byte[d];
            byte[] diff = differences[t];
            for (int i = ComputePool.splitStart(n, threads, t); i < ComputePool.splitStart(n, threads, t + 1); i++) {
                data.copyRaw(i, buf, 0);
                for (int j = 0; j < d; j++) {
                    diff[j] |= (byte) (buf[j] ^ firstImage[j]);
                }
            }
        });
        int count = 0;
        int[] keptAll = new int[d];
        for (int j = 0; j < d; j++) {
            byte any = 0;
            for (byte[] diff : differences) {
                any |= diff[j];
            }
            if (any != 0) {
                keptAll[count++] = j;
            }
        }
        int m = count;
        int[] kept = Arrays.copyOf(keptAll, m);
        // The kept pixels as runs of consecutive pixels (14 for MNIST), copied with arraycopy.
        int[][] runs = runs(kept);
        progress.checkCancelled();

        // Pass 2: G = X^T X over the kept pixels plus one column of ones (index m), whose products with the pixels
        // are the column sums s, for free. A chunk is stored as panels of 32 columns: column a of row p at
        // pan[(a / 32) * panelSize + p * 32 + a % 32]. The kernel reads both operands from them with unit stride
        // (A with aRow = 1, aCol = 32; B with ldb = 32), about 25% faster than reading the row-major chunk with a
        // 3 KB stride.
        Kernels kern = Kernels.get();
        int panels = (m + 1 + PANEL_WIDTH - 1) / PANEL_WIDTH;
        int ld = panels * PANEL_WIDTH;
        int panelSize = CHUNK_ROWS * PANEL_WIDTH;
        // Each thread takes a contiguous range of chunks into its own accumulator: one hand-over for the whole
        // product (the threads stall at every hand-over when another process has a core). The accumulators hold
        // exact integers, so adding them up at the end gives the same G for any thread count.
        int chunks = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
        double[][] grams = new double[threads][];
        String message = "PCA: covariance of " + n + " images";
        pool.run(t -> {
            int firstChunk = ComputePool.splitStart(chunks, threads, t);
            int endChunk = ComputePool.splitStart(chunks, threads, t + 1);
            float[] pan = new float[panels * panelSize]; // padding columns stay 0
            for (int p = 0; p < CHUNK_ROWS; p++) {
                pan[(m / PANEL_WIDTH) * panelSize + p * PANEL_WIDTH + m % PANEL_WIDTH] = 1;
            }
            float[] tile = new float[PANEL_WIDTH * ld];
            double[] gram = grams[t] = new double[ld * ld];
            byte[] buf = new byte[d];
            byte[] compact = new byte[m];
            for (int chunk = firstChunk; chunk < endChunk; chunk++) {
                if (t == 0) {
                    progress.update(COVARIANCE_SHARE * (chunk - firstChunk) / (endChunk - firstChunk), 1, message);
                }
                progress.checkCancelled();
                int r0 = chunk * CHUNK_ROWS;
                int rows = Math.min(CHUNK_ROWS, n - r0);
                // 1. The chunk's raw pixel values as floats (0..255) into the panels.
                for (int p = 0; p < rows; p++) {
                    data.copyRaw(r0 + p, buf, 0);
                    for (int[] run : runs) {
                        System.arraycopy(buf, run[0], compact, run[1], run[2]);
                    }
                    for (int b = 0, a0 = 0; a0 < m; b++, a0 += PANEL_WIDTH) {
                        int base = b * panelSize + p * PANEL_WIDTH;
                        int width = Math.min(PANEL_WIDTH, m - a0);
                        for (int a = 0; a < width; a++) {
                            pan[base + a] = compact[a0 + a] & 0xFF;
                        }
                    }
                }
                // 2. The upper triangle by 32 x 32 tiles: G[i, j] += sum_p x[p, i] x[p, j] for the columns i of
                //    panel b and j of panel c >= b. A row of tiles is exact in float (see the class comment); it is
                //    added to the double accumulator at once, while it is in the cache.
                for (int b = 0; b < panels; b++) {
                    for (int c = b; c < panels; c++) {
                        kern.gemm(0, PANEL_WIDTH, PANEL_WIDTH, rows, pan, b * panelSize, 1, PANEL_WIDTH,
                                pan, c * panelSize, PANEL_WIDTH, tile, c * PANEL_WIDTH, ld, null, 0, false);
                    }
                    int j0 = b * PANEL_WIDTH;
                    for (int i = 0; i < PANEL_WIDTH; i++) {
                        int g = (j0 + i) * ld;
                        int ti = i * ld;
                        for (int j = j0; j < ld; j++) {
                            gram[g + j] += tile[ti + j];
                        }
                    }
                }
            }
        });
        double[] gram = grams[0];
        for (int t = 1; t < threads; t++) {
            double[] other = grams[t];
            for (int i = 0; i < gram.length; i++) {
                gram[i] += other[i];
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
            sums[kept[a]] = (long) gram[a * ld + m];
        }
        // N G - s s^T on the upper triangle, mirrored. Both terms are integers below 2^53 (N up to ~370,000), so
        // the difference is exact.
        double[][] values = new double[m][m];
        double nd = n;
        for (int a = 0; a < m; a++) {
            double sa = sums[kept[a]];
            for (int b = a; b < m; b++) {
                double v = nd * gram[a * ld + b] - sa * sums[kept[b]];
                values[a][b] = v;
                values[b][a] = v;
            }
        }
        return new Scatter(sums, kept, values);
    }

    /** Maximal runs of consecutive pixels in {@code kept}: {pixel, position in kept, length}. */
    private static int[][] runs(int[] kept) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int a = 0; a < kept.length; ) {
            int start = a;
            while (a + 1 < kept.length && kept[a + 1] == kept[a] + 1) {
                a++;
            }
            a++;
            out.add(new int[] {kept[start], start, a - start});
        }
        return out.toArray(new int[0][]);
    }
}
