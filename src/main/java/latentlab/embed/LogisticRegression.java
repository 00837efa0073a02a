package latentlab.embed;

import java.util.Arrays;
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
 * Each pass streams the rows in chunks of {@value #CHUNK}: standardise (pixels straight from the bytes), logits by
 * one matrix product with {@link MatrixKernels#gemm} (classes padded to 16 columns, one SIMD register), softmax,
 * then the gradient X^T (P - Y) by a second product. Chunks are grouped into fixed groups of {@value #CHUNKS_PER_GROUP}
 * whose partial sums are added in group order, and groups are shared between the threads of a {@link ComputePool}:
 * the result is bit-identical for any number of threads. The optimiser state is in double precision.
 *
 * <p>Immutable once fitted; predictions are thread-safe.
 */
public final class LogisticRegression {
    /** Rows per chunk: 256 x 784 floats (800 KB) stay in a core's L2 cache while both products read them. */
    static final int CHUNK = 256;
    /** Chunks per group of partial sums: fixed, so the summation order never depends on the thread count. */
    static final int CHUNKS_PER_GROUP = 8;
    /** Class columns are padded to a multiple of this (one AVX-512 register), so the SIMD kernels run. */
    private static final int LANES = 16;

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
         * accuracy by about 100 iterations (0.925 here, against 0.921 when run to convergence in about 500: the limit
         * acts as early stopping) at a fifth of the cost.
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
        this.padded = paddedClasses(classes);
        this.mean = mean;
        this.invStd = invStd;
        this.weights = new float[dims * padded];
        this.bias = new float[padded];
        unpack(theta, dims, classes, padded, weights, bias);
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
        standardisation(features, mean, invStd);
        Objective objective = new Objective(features, labels, classes, mean, invStd, options.penalty(), pool);
        Lbfgs.Result r = Lbfgs.minimise(objective, new double[objective.size()], options, progress);
        return new LogisticRegression(dims, classes, mean, invStd, r.x(), r.iterations(), r.evaluations(), r.f(),
                r.stopReason());
    }

    /** Mean and 1/std of every feature over all rows, in double (two passes: mean first, then squared deviations). */
    private static void standardisation(FeatureMatrix f, float[] mean, float[] invStd) {
        int n = f.rows();
        int d = f.columns();
        float[] buf = new float[CHUNK * d];
        double[] sum = new double[d];
        for (int r0 = 0; r0 < n; r0 += CHUNK) {
            int rows = Math.min(CHUNK, n - r0);
            f.copyRows(r0, r0 + rows, buf, 0);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    sum[j] += buf[r * d + j];
                }
            }
        }
        double[] mu = new double[d];
        for (int j = 0; j < d; j++) {
            mu[j] = sum[j] / n;
        }
        double[] ss = new double[d];
        for (int r0 = 0; r0 < n; r0 += CHUNK) {
            int rows = Math.min(CHUNK, n - r0);
            f.copyRows(r0, r0 + rows, buf, 0);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    double dev = buf[r * d + j] - mu[j];
                    ss[j] += dev * dev;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = (float) mu[j];
            double sd = Math.sqrt(ss[j] / n);
            // Constant up to rounding: no information, and 1/sd would blow rounding noise up to unit variance.
            invStd[j] = sd > 1e-6 * Math.max(1, Math.abs(mu[j])) ? (float) (1 / sd) : 0f;
        }
    }

    static int paddedClasses(int classes) {
        return (classes + LANES - 1) / LANES * LANES;
    }

    /** theta = (W as dims x C row-major, b as C) into float W (dims x padded) and b (padded). */
    static void unpack(double[] theta, int dims, int classes, int padded, float[] w, float[] b) {
        for (int i = 0; i < dims; i++) {
            for (int c = 0; c < classes; c++) {
                w[i * padded + c] = (float) theta[i * classes + c];
            }
        }
        for (int c = 0; c < classes; c++) {
            b[c] = (float) theta[dims * classes + c];
        }
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

    // ---------------------------------------------------------------- objective

    /** f and its gradient over the whole training set, as described in the class comment. */
    static final class Objective implements Lbfgs.Function {
        private final FeatureMatrix features;
        private final int[] labels;
        private final int n;
        private final int dims;
        private final int classes;
        private final int padded;
        private final float[] mean;
        private final float[] invStd;
        private final double penalty;
        private final ComputePool pool;
        private final int chunks;
        private final int groups;
        private final double[][] groupGradient;
        private final double[] groupLoss;
        private final Buffers[] buffers;
        private final float[] w;
        private final float[] b;

        Objective(FeatureMatrix features, int[] labels, int classes, float[] mean, float[] invStd, double penalty,
                  ComputePool pool) {
            this.features = features;
            this.labels = labels;
            this.n = features.rows();
            this.dims = features.columns();
            this.classes = classes;
            this.padded = paddedClasses(classes);
            this.mean = mean;
            this.invStd = invStd;
            this.penalty = penalty;
            this.pool = pool == null ? ComputePool.serial() : pool;
            this.chunks = (n + CHUNK - 1) / CHUNK;
            this.groups = (chunks + CHUNKS_PER_GROUP - 1) / CHUNKS_PER_GROUP;
            this.groupGradient = new double[groups][size()];
            this.groupLoss = new double[groups];
            this.buffers = new Buffers[this.pool.threads()];
            this.w = new float[dims * padded];
            this.b = new float[padded];
        }

        @Override
        public int size() {
            return dims * classes + classes;
        }

        @Override
        public double evaluate(double[] theta, double[] gradient) {
            unpack(theta, dims, classes, padded, w, b);
            pool.parallelFor(groups, 1, (slot, g0, g1) -> {
                if (buffers[slot] == null) {
                    buffers[slot] = new Buffers(Math.min(CHUNK, n), dims, padded);
                }
                groups(g0, g1, buffers[slot]);
            });
            Arrays.fill(gradient, 0);
            double f = 0;
            for (int g = 0; g < groups; g++) {
                f += groupLoss[g];
                double[] gg = groupGradient[g];
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] += gg[i];
                }
            }
            f /= n;
            double lambda = penalty / n;
            double norm2 = 0;
            int weightsEnd = dims * classes;
            for (int i = 0; i < weightsEnd; i++) {
                norm2 += theta[i] * theta[i];
                gradient[i] += lambda * theta[i];
            }
            return f + 0.5 * lambda * norm2;
        }

        private void groups(int g0, int g1, Buffers buf) {
            MatrixKernels k = MatrixKernels.get();
            double invN = 1.0 / n;
            for (int g = g0; g < g1; g++) {
                double[] acc = groupGradient[g];
                Arrays.fill(acc, 0);
                double lossSum = 0;
                int c1 = Math.min(chunks, (g + 1) * CHUNKS_PER_GROUP);
                for (int c = g * CHUNKS_PER_GROUP; c < c1; c++) {
                    int r0 = c * CHUNK;
                    int rows = Math.min(CHUNK, n - r0);
                    float[] x = buf.x;
                    float[] z = buf.z;
                    float[] res = buf.residual;
                    features.copyStandardised(r0, r0 + rows, mean, invStd, x, 0);
                    k.gemm(0, rows, padded, dims, x, 0, dims, 1, w, 0, padded, z, 0, padded, b, 0, false);
                    for (int r = 0; r < rows; r++) {
                        int o = r * padded;
                        double m = Double.NEGATIVE_INFINITY;
                        for (int cl = 0; cl < classes; cl++) {
                            m = Math.max(m, z[o + cl]);
                        }
                        double s = 0;
                        for (int cl = 0; cl < classes; cl++) {
                            double e = Math.exp(z[o + cl] - m);
                            buf.e[cl] = e;
                            s += e;
                        }
                        int y = labels[r0 + r];
                        lossSum += Math.log(s) + m - z[o + y];
                        for (int cl = 0; cl < classes; cl++) {
                            double p = buf.e[cl] / s;
                            res[o + cl] = (float) ((cl == y ? p - 1 : p) * invN);
                        }
                    }
                    // Gradient of the chunk: X^T R, with X^T read in place through the strided left operand.
                    k.gemm(0, dims, padded, rows, x, 0, 1, dims, res, 0, padded, buf.g, 0, padded, null, 0, false);
                    for (int i = 0; i < dims; i++) {
                        for (int cl = 0; cl < classes; cl++) {
                            acc[i * classes + cl] += buf.g[i * padded + cl];
                        }
                    }
                    int bo = dims * classes;
                    for (int r = 0; r < rows; r++) {
                        for (int cl = 0; cl < classes; cl++) {
                            acc[bo + cl] += res[r * padded + cl];
                        }
                    }
                }
                groupLoss[g] = lossSum;
            }
        }

        /** One thread's scratch. Padding columns of {@code residual} are never written and stay 0. */
        private static final class Buffers {
            final float[] x;
            final float[] z;
            final float[] residual;
            final float[] g;
            final double[] e;

            Buffers(int rows, int dims, int padded) {
                x = new float[rows * dims];
                z = new float[rows * padded];
                residual = new float[rows * padded];
                g = new float[dims * padded];
                e = new double[padded];
            }
        }
    }
}
