package latentlab.pca;

import java.util.Arrays;

import latentlab.nn.Codec;

/**
 * A fitted principal components analysis: the training mean, all d principal axes (orthonormal, sorted by the
 * variance they carry, largest first) and their variances. It is the optimal <em>linear</em> autoencoder: among
 * all encoders a = W(x - mu) and decoders x~ = mu + W^T a with a k-dimensional code, the first k axes minimise the
 * mean squared reconstruction error over the training set, and that minimum is the sum of the remaining
 * variances (Baldi and Hornik, Neural Networks 2(1), 1989; Bishop, Pattern Recognition and Machine Learning,
 * section 12.1.2).
 *
 * <p>The number of components k is chosen at use time: {@link #codec(int)} gives the {@link Codec} that encodes
 * x to the first k scores a_i = v_i . (x - mu) and decodes them to mu + sum_i a_i v_i, so every view that works on
 * an autoencoder works on PCA.
 *
 * <p>Immutable: the arrays are copied on the way in and out, so a model may be shared between threads.
 *
 * <p>Conventions, fixed so that two fits of the same data give the same model and saved models compare:
 * <ul>
 *   <li>variances are the eigenvalues of the sample covariance with the 1/(N - 1) normalisation (as
 *       scikit-learn's {@code explained_variance_}), never negative;</li>
 *   <li>the sign of each axis makes its largest-magnitude component positive (the first one, on ties) — the
 *       convention of scikit-learn's {@code svd_flip} on the rows of V;</li>
 *   <li>explained-variance ratios are lambda_i / sum_j lambda_j.</li>
 * </ul>
 */
public final class PcaModel {
    private final int d;
    private final long sampleCount;
    private final float[] mean;
    private final float[] components;
    private final double[] variances;
    private final double[] cumulativeRatio;

    private PcaModel(long sampleCount, float[] mean, float[] components, double[] variances) {
        this.d = mean.length;
        this.sampleCount = sampleCount;
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        double total = 0;
        for (double v : variances) {
            total += v;
        }
        // Cumulative sums, so that the explained variance of the first k axes is one lookup.
        this.cumulativeRatio = new double[d + 1];
        double run = 0;
        for (int i = 0; i < d; i++) {
            run += variances[i];
            cumulativeRatio[i + 1] = total > 0 ? run / total : 0;
        }
    }

    /**
     * Rebuilds a model from its arrays, e.g. read back from a model file. The arrays are copied and checked:
     *
     * @param sampleCount number of training images the model was fitted on (at least 2)
     * @param mean        the d training-mean pixel values
     * @param components  d axes of d values each, axis after axis (row-major d x d)
     * @param variances   the d variances along the axes, non-increasing and not negative
     * @throws IllegalArgumentException if the sizes disagree, a value is not finite, the variances are out of
     *                                  order, or an axis is not of unit length (tolerance 1e-3)
     */
    public static PcaModel of(long sampleCount, float[] mean, float[] components, double[] variances) {
        int d = mean.length;
        if (d < 1) {
            throw new IllegalArgumentException("PCA model: empty mean vector");
        }
        if (sampleCount < 2) {
            throw new IllegalArgumentException("PCA model: fitted on " + sampleCount + " images; needs at least 2");
        }
        if ((long) d * d != components.length) {
            throw new IllegalArgumentException("PCA model: " + components.length + " component values for d = " + d
                    + " (expected d x d = " + (long) d * d + ")");
        }
        if (variances.length != d) {
            throw new IllegalArgumentException("PCA model: " + variances.length + " variances for d = " + d);
        }
        requireFinite(mean, "mean");
        requireFinite(components, "components");
        for (int i = 0; i < d; i++) {
            double v = variances[i];
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("PCA model: variance " + (i + 1) + " is " + v);
            }
            if (i > 0 && v > variances[i - 1]) {
                throw new IllegalArgumentException("PCA model: variances are not sorted (variance " + (i + 1)
                        + " = " + v + " > variance " + i + " = " + variances[i - 1] + ")");
            }
            double norm2 = 0;
            for (int p = 0; p < d; p++) {
                double c = components[i * d + p];
                norm2 += c * c;
            }
            if (Math.abs(norm2 - 1) > 1e-3) {
                throw new IllegalArgumentException("PCA model: axis " + (i + 1) + " has length " + Math.sqrt(norm2)
                        + ", not 1");
            }
        }
        return new PcaModel(sampleCount, mean.clone(), components.clone(), variances.clone());
    }

    /** For {@link Pca}: takes the arrays without copying (the fit gives them up). */
    static PcaModel adopt(long sampleCount, float[] mean, float[] components, double[] variances) {
        return new PcaModel(sampleCount, mean, components, variances);
    }

    private static void requireFinite(float[] a, String what) {
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new IllegalArgumentException("PCA model: " + what + " value " + i + " is " + a[i]);
            }
        }
    }

    /** d, the number of pixels, which is also the number of axes. */
    public int dimension() {
        return d;
    }

    /** N, the number of training images the model was fitted on. */
    public long sampleCount() {
        return sampleCount;
    }

    /** The training mean mu (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** Axis {@code i} (0-based; 0 carries the most variance) as d values of unit length (a copy). */
    public float[] component(int i) {
        checkAxis(i);
        return Arrays.copyOfRange(components, i * d, (i + 1) * d);
    }

    /** All axes, row-major d x d, axis after axis (a copy; for saving). */
    public float[] components() {
        return components.clone();
    }

    /** lambda_i: the variance of the training data along axis {@code i} (0-based). */
    public double variance(int i) {
        checkAxis(i);
        return variances[i];
    }

    /** All d variances, largest first (a copy; for saving). */
    public double[] variances() {
        return variances.clone();
    }

    /** The total variance, sum of all lambda_i (the trace of the covariance). */
    public double totalVariance() {
        double t = 0;
        for (double v : variances) {
            t += v;
        }
        return t;
    }

    /** lambda_i / sum_j lambda_j for axis {@code i} (0-based). */
    public double explainedVarianceRatio(int i) {
        checkAxis(i);
        return cumulativeRatio[i + 1] - cumulativeRatio[i];
    }

    /** The fraction of the training variance the first {@code k} axes carry, for 0 <= k <= d. */
    public double explainedVariance(int k) {
        if (k < 0 || k > d) {
            throw new IllegalArgumentException("k = " + k + " is outside 0.." + d);
        }
        return cumulativeRatio[k];
    }

    /**
     * The linear autoencoder with the first {@code k} axes: encode x to a_i = v_i . (x - mu), i < k; decode a to
     * mu + sum_{i<k} a_i v_i.
     *
     * @throws IllegalArgumentException unless 1 <= k <= d
     */
    public PcaCodec codec(int k) {
        return new PcaCodec(this, k);
    }

    /** The arrays, shared with {@link PcaCodec} and {@link ErrorCurve} (package-private: never written). */
    float[] meanArray() {
        return mean;
    }

    float[] componentArray() {
        return components;
    }

    private void checkAxis(int i) {
        if (i < 0 || i >= d) {
            throw new IndexOutOfBoundsException("axis " + i + " is outside 0.." + (d - 1));
        }
    }

    @Override
    public String toString() {
        return "PCA of " + sampleCount + " images, d = " + d;
    }
}
