package latentlab.pca;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.math.MatrixKernels;

/**
 * The reconstruction error of PCA against the number of components: for every k = 0..d, the squared error summed
 * over pixels and averaged over the images of a data set,
 * <pre>E(k) = (1/n) sum_images || x - mu - sum_{i<k} a_i v_i ||^2,   a_i = v_i . (x - mu),</pre>
 * the curve the comparison view plots against the autoencoder's error (E(0) is the error of the mean image alone).
 *
 * <p>One pass for all k, not d reconstructions: since the axes v_i are orthonormal, the residual of the
 * projection onto the first k of them is ||x - mu||^2 - sum_{i<k} a_i^2 (Pythagoras), so
 * <pre>E(k) = (1/n) sum_images ||x - mu||^2  -  sum_{i<k} (1/n) sum_images a_i^2.</pre>
 * The scores a of all d axes come from one product per chunk of images (2 n d^2 flops); the per-axis sums of squares
 * are accumulated in double, one sum per chunk, added in chunk order. E is non-increasing in k by construction (each
 * step subtracts a sum of squares), and clamped at 0 against round-off at k = d.
 *
 * <p>Immutable.
 */
public final class ErrorCurve {
    /** Images per product: 128 x 784 floats of centred input (400 KB) stay in the L2 cache with one panel. */
    private static final int CHUNK = 128;
    /** Axes per panel of V^T: one tile of the GEMM kernel (2 x 16 float lanes) wide. */
    private static final int PANEL_WIDTH = 32;

    private final int count;
    private final double[] errors;

    private ErrorCurve(int count, double[] errors) {
        this.count = count;
        this.errors = errors;
    }

    /**
     * The curve of {@code model} on all images of {@code data}, chunks of images shared between the pool's threads.
     *
     * @throws IllegalArgumentException if the data set is empty or its images do not have d pixels
     * @throws latentlab.compute.CancelledException if {@code progress} was cancelled
     */
    public static ErrorCurve compute(PcaModel model, Dataset data, ComputePool pool, Progress progress) {
        int d = model.dimension();
        int n = data.size();
        if (data.dimension() != d) {
            throw new IllegalArgumentException("the PCA model has d = " + d + " pixels but " + data.name()
                    + " has images of " + data.rows() + " x " + data.cols() + " = " + data.dimension());
        }
        if (n == 0) {
            throw new IllegalArgumentException(data.name() + " holds no images");
        }
        float[] mean = model.meanArray();
        float[] v = model.componentArray();
        // V^T in panels of 32 columns (axes): entry (p, c) at vt[(c / 32) * d * 32 + p * 32 + c % 32], zero beyond d.
        // Each panel (d x 32 floats, 100 KB for MNIST) stays in the L2 cache while the kernel multiplies a chunk of
        // images by it; V^T as a whole (2.4 MB) would be streamed from memory once per 4 images.
        int panels = (d + PANEL_WIDTH - 1) / PANEL_WIDTH;
        int width = panels * PANEL_WIDTH;
        int panelSize = d * PANEL_WIDTH;
        float[] vt = new float[panels * panelSize];
        for (int c = 0; c < d; c++) {
            int base = (c / PANEL_WIDTH) * panelSize + c % PANEL_WIDTH;
            for (int p = 0; p < d; p++) {
                vt[base + p * PANEL_WIDTH] = v[c * d + p];
            }
        }
        MatrixKernels kern = MatrixKernels.get();
        int chunks = (n + CHUNK - 1) / CHUNK;
        // One sum per chunk, added up in chunk order: the same bits whichever threads took the chunks.
        double[][] scoreSquares = new double[chunks][];
        double[] centredSquares = new double[chunks];
        float[][] centredRows = new float[pool.threads()][];
        float[][] scoreRows = new float[pool.threads()][];
        String message = "PCA: reconstruction error of " + n + " images for k = 0.." + d;
        AtomicLong rowsDone = new AtomicLong();
        pool.parallelFor(n, CHUNK, (slot, r0, end) -> {
            progress.checkCancelled();
            if (centredRows[slot] == null) {
                centredRows[slot] = new float[CHUNK * d];
                scoreRows[slot] = new float[CHUNK * width];
            }
            float[] xc = centredRows[slot];
            float[] scores = scoreRows[slot];
            double[] sq = new double[d];
            double centred = 0;
            int rows = end - r0;
            for (int i = 0; i < rows; i++) {
                int off = i * d;
                data.copyImage(r0 + i, xc, off);
                for (int p = 0; p < d; p++) {
                    float c = xc[off + p] - mean[p];
                    xc[off + p] = c;
                    centred += (double) c * c;
                }
            }
            // scores[i, c] = sum_p xc[i, p] V[c, p], panel by panel.
            for (int b = 0; b < panels; b++) {
                kern.gemm(0, rows, PANEL_WIDTH, d, xc, 0, d, 1, vt, b * panelSize, PANEL_WIDTH,
                        scores, b * PANEL_WIDTH, width, null, 0, false);
            }
            for (int i = 0; i < rows; i++) {
                int off = i * width;
                for (int c = 0; c < d; c++) {
                    double a = scores[off + c];
                    sq[c] += a * a;
                }
            }
            scoreSquares[r0 / CHUNK] = sq;
            centredSquares[r0 / CHUNK] = centred;
            // Whichever thread finished a chunk reports (one at a time): a caller that gets no chunk, as under load,
            // must not leave the progress, and so cancellation, without news.
            synchronized (rowsDone) {
                progress.update(rowsDone.addAndGet(rows), n, message);
            }
        });
        double total = 0;
        double[] perAxis = new double[d];
        for (int c = 0; c < chunks; c++) {
            total += centredSquares[c];
            for (int a = 0; a < d; a++) {
                perAxis[a] += scoreSquares[c][a];
            }
        }
        double[] errors = new double[d + 1];
        double explained = 0;
        errors[0] = total / n;
        for (int k = 1; k <= d; k++) {
            explained += perAxis[k - 1];
            errors[k] = Math.max(0, total - explained) / n;
        }
        return new ErrorCurve(n, errors);
    }

    /** The number of images the errors are averaged over. */
    public int imageCount() {
        return count;
    }

    /** The largest k, which is d. */
    public int maxComponents() {
        return errors.length - 1;
    }

    /** E(k): the mean over images of the squared error summed over pixels, with k components (0 <= k <= d). */
    public double errorPerImage(int k) {
        if (k < 0 || k >= errors.length) {
            throw new IllegalArgumentException("k = " + k + " is outside 0.." + (errors.length - 1));
        }
        return errors[k];
    }

    /** E(0), E(1), ..., E(d) (a copy). */
    public double[] errorsPerImage() {
        return errors.clone();
    }

    @Override
    public String toString() {
        return "PCA error curve on " + count + " images: " + Arrays.toString(Arrays.copyOf(errors, Math.min(6, errors.length)))
                + (errors.length > 6 ? "..." : "");
    }

    /**
     * A curve read back from a file: E(0..d) for {@code count} images (checked: not negative, non-increasing within
     * rounding).
     */
    public static ErrorCurve of(int count, double[] errors) {
        if (count < 1 || errors.length < 2) {
            throw new IllegalArgumentException("error curve: " + errors.length + " values for " + count + " images");
        }
        for (int k = 0; k < errors.length; k++) {
            if (!(errors[k] >= 0) || (k > 0 && errors[k] > errors[k - 1] * (1 + 1e-9) + 1e-9)) {
                throw new IllegalArgumentException("error curve: value " + k + " is " + errors[k]);
            }
        }
        return new ErrorCurve(count, errors.clone());
    }
}
