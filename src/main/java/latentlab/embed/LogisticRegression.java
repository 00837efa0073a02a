package latentlab.embed;

import java.util.Objects;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.math.MatrixKernels;

/**
 * Multinomial (softmax) logistic regression with an L2 penalty: the "small classifier" that tests how much the
 * codes know about the labels. For features x (standardised, see below) and classes c = 0..C-1,
 * <pre>
 *   z_c = w_c . x + b_c,    P(y = c | x) = exp(z_c) / sum_c' exp(z_c')
 *   f(W, b) = (1/n) sum_i [ log sum_c exp(z_ic) - z_{i,y_i} ]  +  (alpha / 2n) ||W||^2
 *   grad_W f = (1/n) X^T (P - Y) + (alpha / n) W,    grad_b f = (1/n) 1^T (P - Y)
 * </pre>
 * (Y one-hot; the bias is not penalised). The penalty is scikit-learn's: alpha = 1 / C for its
 * {@code LogisticRegression(C=...)}, whose default C = 1 is also the default here. Scaling the penalty by 1/n
 * keeps it a fixed prior: strong with 10 labels, where it stops the weights from growing without bound on
 * separable data, and weak with 60,000.
 *
 * <h2>Standardisation</h2>
 * Each feature is shifted and scaled to mean 0 and variance 1 with the mean and (population) standard deviation of
 * the <em>training</em> features only, as scikit-learn's StandardScaler does; features that are constant in the
 * training set (MNIST's border pixels, or most pixels among 10 images) are set to 0. The same transform is applied
 * to every input at prediction. Standardised features make the problem well conditioned and let one penalty suit
 * pixels and codes alike.
 *
 * <h2>Optimiser: L-BFGS, not Adam</h2>
 * The objective is smooth and strictly convex and the data fit in one full batch, which is where a quasi-Newton
 * method shines: L-BFGS (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., 2006, Algorithm 7.4, the
 * two-loop recursion, and 7.5, with memory 10) builds a curvature model from the last gradients and converges in
 * tens to a few hundred full passes with no learning rate to tune; it is scikit-learn's default solver for this
 * model. Adam would need a step size chosen per feature set and many more passes for the same accuracy. The line
 * search backtracks from a unit step (min(1, 1/||g||) on the first iteration), halving it until the Armijo condition
 * f(x + a d) &lt;= f(x) + 1e-4 a g.d holds; strict convexity guarantees the curvature s.y &gt; 0 the update needs.
 * Stops when the largest gradient entry falls below the tolerance, when an iteration lowers f by less than
 * 2.2e-9 relative (SciPy's default), when the line search can no longer lower f (float precision), or after the
 * maximum number of iterations.
 *
 * <h2>Speed and determinism</h2>
 * Each pass ({@link SoftmaxObjective}) streams the rows in chunks of {@value #CHUNK}: standardise (pixels straight
 * from the bytes), logits by one matrix product with {@link MatrixKernels#gemm} (classes padded to 16 columns, one
 * SIMD register), softmax, then the gradient X^T (P - Y) by a second product. Chunks are grouped into fixed groups of
 * {@value #CHUNKS_PER_GROUP} whose partial sums are added in group order, and groups are shared between the threads
 * of a {@link ComputePool}: the result is bit-identical for any number of threads. The optimiser state is in double
 * precision. The standardisation is {@link Standardisation}'s.
 *
 * <p>Immutable once fitted; predictions are thread-safe.
 */
public final class LogisticRegression {
    /** Rows per chunk: 256 x 784 floats (800 KB) stay in a core's L2 cache while both products read them. */
    static final int CHUNK = 256;
    /** Chunks per group of partial sums: fixed, so the summation order never depends on the thread count. */
    static final int CHUNKS_PER_GROUP = 8;

    /**
     * Training settings.
     *
     * @param penalty           alpha >= 0 of the L2 term (alpha / 2n) ||W||^2; scikit-learn's 1 / C
     * @param maxIterations     L-BFGS iterations at most, >= 1
     * @param gradientTolerance stop when every gradient entry is at most this in magnitude, >= 0
     * @param memory            number of correction pairs L-BFGS keeps, >= 1
     */
    public record Options(double penalty, int maxIterations, double gradientTolerance, int memory) {
        /**
         * alpha = 1 (scikit-learn's C = 1), at most 100 iterations (scikit-learn's default too), tolerance 1e-5,
         * memory 10. Codes converge well within the limit; raw pixels with all 60,000 labels reach their best test
         * accuracy by about 100 iterations (0.925 on MNIST, against 0.921 when run to convergence in about 500: the
         * limit acts as early stopping) with a fifth of the passes.
         */
        public static final Options DEFAULT = new Options(1.0, 100, 1e-5, 10);

        public Options {
            if (!(penalty >= 0) || Double.isInfinite(penalty)) {
                throw new IllegalArgumentException("L2 penalty must be a finite number >= 0, got " + penalty);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maximum iterations must be at least 1, got " + maxIterations);
            }
            if (!(gradientTolerance >= 0)) {
                throw new IllegalArgumentException("gradient tolerance must be >= 0, got " + gradientTolerance);
            }
            if (memory < 1) {
                throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
            }
        }

        public Options withPenalty(double alpha) {
            return new Options(alpha, maxIterations, gradientTolerance, memory);
        }

        public Options withMaxIterations(int iterations) {
            return new Options(penalty, iterations, gradientTolerance, memory);
        }
    }

    private final int dims;
    private final int classes;
    private final int padded;
    private final float[] mean;
    private final float[] invStd;
    /** dims x padded, weights of the standardised features; padding columns 0. */
    private final float[] weights;
    /** padded biases; padding 0 (never read). */
    private final float[] bias;
    private final int iterations;
    private final int evaluations;
    private final double loss;
    private final String stopReason;

    private LogisticRegression(int dims, int classes, float[] mean, float[] invStd, double[] theta, int iterations,
                               int evaluations, double loss, String stopReason) {
        this.dims = dims;
        this.classes = classes;
        this.padded = SoftmaxObjective.paddedClasses(classes);
        this.mean = mean;
        this.invStd = invStd;
        this.weights = new float[dims * padded];
        this.bias = new float[padded];
        SoftmaxObjective.unpack(theta, dims, classes, padded, weights, bias);
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.loss = loss;
        this.stopReason = stopReason;
    }

    /**
     * Fits the classifier to the {@code n x dims} row-major features {@code x} (not modified) and their labels.
     *
     * @param labels  n labels in [0, classes)
     * @param classes C >= 1
     * @param pool    threads to use, or null for the calling thread only
     */
    public static LogisticRegression fit(float[] x, int n, int dims, int[] labels, int classes, Options options,
                                         ComputePool pool, Progress progress) {
        return fit(FeatureMatrix.of(x, n, dims), labels, classes, options, pool, progress);
    }

    /** Fits the classifier to the rows of {@code features} and their labels. */
    public static LogisticRegression fit(FeatureMatrix features, int[] labels, int classes, Options options,
                                         ComputePool pool, Progress progress) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        int n = features.rows();
        int dims = features.columns();
        if (classes < 1) {
            throw new IllegalArgumentException("need at least 1 class, got " + classes);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " training rows but " + labels.length + " labels");
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot train a classifier on 0 examples");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
        float[] mean = new float[dims];
        float[] invStd = new float[dims];
        Standardisation.fit(features, mean, invStd);
        SoftmaxObjective objective = new SoftmaxObjective(features, labels, classes, mean, invStd, options.penalty(),
                pool);
        Lbfgs.Result r = Lbfgs.minimise(objective, new double[objective.size()], options, progress);
        return new LogisticRegression(dims, classes, mean, invStd, r.x(), r.iterations(), r.evaluations(), r.f(),
                r.stopReason());
    }

    // ---------------------------------------------------------------- results

    /** Number of features. */
    public int dimension() {
        return dims;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** L-BFGS iterations taken. */
    public int iterations() {
        return iterations;
    }

    /** Evaluations of the objective (passes over the data), line-search trials included. */
    public int evaluations() {
        return evaluations;
    }

    /** Final value of the penalised training objective f. */
    public double trainingLoss() {
        return loss;
    }

    /** Why training stopped, e.g. "gradient below tolerance" or "iteration limit". */
    public String stopReason() {
        return stopReason;
    }

    /** The class probabilities of one example {@code x[off..off+dims)}. */
    public double[] probabilities(float[] x, int off) {
        float[] z = logits(x, off);
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            m = Math.max(m, z[c]);
        }
        double[] p = new double[classes];
        double s = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(z[c] - m);
            s += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= s;
        }
        return p;
    }

    /** The most probable class of one example (ties: the lower class). */
    public int predict(float[] x, int off) {
        return argmax(logits(x, off), 0, classes);
    }

    private float[] logits(float[] x, int off) {
        if (x.length - off < dims) {
            throw new IllegalArgumentException("example needs " + dims + " features from offset " + off + ", array has "
                    + x.length);
        }
        float[] s = new float[dims];
        for (int j = 0; j < dims; j++) {
            s[j] = (x[off + j] - mean[j]) * invStd[j];
        }
        float[] z = new float[padded];
        MatrixKernels.get().gemm(0, 1, padded, dims, s, 0, dims, 1, weights, 0, padded, z, 0, padded, bias, 0, false);
        return z;
    }

    /** Predicted classes of the {@code n x dims} examples {@code x}. */
    public int[] predict(float[] x, int n, ComputePool pool) {
        return predict(FeatureMatrix.of(x, n, dims), pool);
    }

    /** Predicted classes of every row of {@code features}. */
    public int[] predict(FeatureMatrix features, ComputePool pool) {
        if (features.columns() != dims) {
            throw new IllegalArgumentException("classifier was trained on " + dims + " features, got "
                    + features.columns());
        }
        int n = features.rows();
        int[] out = new int[n];
        ComputePool threads = pool == null ? ComputePool.serial() : pool;
        float[][] xs = new float[threads.threads()][];
        float[][] zs = new float[threads.threads()][];
        MatrixKernels k = MatrixKernels.get();
        threads.parallelFor(n, CHUNK, (slot, r0, r1) -> {
            if (xs[slot] == null) {
                xs[slot] = new float[CHUNK * dims];
                zs[slot] = new float[CHUNK * padded];
            }
            float[] x = xs[slot];
            float[] z = zs[slot];
            int rows = r1 - r0;
            features.copyStandardised(r0, r1, mean, invStd, x, 0);
            k.gemm(0, rows, padded, dims, x, 0, dims, 1, weights, 0, padded, z, 0, padded, bias, 0, false);
            for (int r = 0; r < rows; r++) {
                out[r0 + r] = argmax(z, r * padded, classes);
            }
        });
        return out;
    }

    private static int argmax(float[] z, int off, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (z[off + c] > z[off + best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fraction of the {@code n x dims} examples {@code x} classified as their label. */
    public double accuracy(float[] x, int n, int[] labels, ComputePool pool) {
        return accuracy(FeatureMatrix.of(x, n, dims), labels, pool);
    }

    /** Fraction of the rows of {@code features} classified as their label. */
    public double accuracy(FeatureMatrix features, int[] labels, ComputePool pool) {
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException(features.rows() + " examples but " + labels.length + " labels");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("accuracy of 0 examples is undefined");
        }
        int[] p = predict(features, pool);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += p[i] == labels[i] ? 1 : 0;
        }
        return right / (double) p.length;
    }

    @Override
    public String toString() {
        return "LogisticRegression[" + dims + " features, " + classes + " classes, " + iterations + " iterations, "
                + stopReason + "]";
    }
}
