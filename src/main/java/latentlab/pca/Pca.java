package latentlab.pca;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;

/**
 * Fits principal components analysis in closed form: the eigenvectors of the sample covariance of the training
 * images (pixels scaled to [0, 1]), sorted by eigenvalue.
 *
 * <h2>Method: covariance, then a symmetric eigendecomposition (not a thin SVD)</h2>
 * With X the N x d matrix of centred images, the principal axes are the right singular vectors of X and the
 * eigenvectors of C = X^T X / (N - 1), with lambda_i = sigma_i^2 / (N - 1). We form C and decompose it in double
 * precision by the symmetric QR algorithm (Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., section 8.3): a
 * Householder reduction to tridiagonal form, then EJML's implicit Wilkinson-shifted QR iteration, laid out for
 * all threads in {@link SymmetricEigen}.
 * <ul>
 *   <li><b>Work.</b> Forming C is one symmetric product of N d^2 / 2 multiply-adds (half of the d x d result,
 *       by symmetry): for MNIST's 60,000 images and 717 varying pixels, 15 G multiply-adds, of which the product
 *       skips the 63% that only meet black pixels (see below); the float GEMM kernel runs the rest on all threads.
 *       The eigenproblem is then d x d, independent of N. A thin SVD of the N x d matrix instead bidiagonalises X
 *       itself (about 4 N d^2 + 8 d^3 flops, largely in memory-bound matrix-vector passes over 188 MB of doubles).
 *       (Side-by-side timings against scikit-learn and NumPy are kept with the benchmarks, not here.)</li>
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
 *       coarser than the float32 the model stores them in.</li>
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
 * The covariance ({@link Scatter}, after the pass of {@link PixelOrder}) runs on the given {@link ComputePool}, the
 * threads claiming chunks of 128 images one by one; progress is reported per chunk, and cancellation is checked
 * there; in the eigendecomposition, every 64 reduction steps, per column range of Q and per batch of rotations.
 */
public final class Pca {
    /** Share of the progress bar for the covariance; the eigensolver takes the rest. */
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
        PcaLimits.check(train, pool.threads());
        progress.checkCancelled();
        Scatter sc = Scatter.of(train, pool, progress, COVARIANCE_SHARE);
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
     * of times slower. The window runs it once, in the background, after start-up.
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
}
