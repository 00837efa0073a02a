package latentlab.embed;

import java.util.Arrays;

import latentlab.compute.ComputePool;
import latentlab.math.MatrixKernels;

/**
 * The objective {@link LogisticRegression} minimises and its gradient, over the whole training set:
 * <pre>
 *   z_c = w_c . x + b_c,    P(y = c | x) = exp(z_c) / sum_c' exp(z_c')
 *   f(W, b) = (1/n) sum_i [ log sum_c exp(z_ic) - z_{i,y_i} ]  +  (alpha / 2n) ||W||^2
 *   grad_W f = (1/n) X^T (P - Y) + (alpha / n) W,    grad_b f = (1/n) 1^T (P - Y)
 * </pre>
 * with x the standardised features and Y one-hot. theta packs W (dims x C, row-major) and then b (C).
 *
 * <p>Each evaluation streams the rows in chunks of {@value LogisticRegression#CHUNK}: standardise, logits by one
 * matrix product (classes padded to {@value #LANES} columns, one SIMD register), softmax, then X^T (P - Y) by a second
 * product. Chunks form fixed groups of {@value LogisticRegression#CHUNKS_PER_GROUP} whose partial sums are added in
 * group order, the groups shared between the pool's threads: the same bits with any number of threads.
 */
final class SoftmaxObjective implements Lbfgs.Function {
    /** Class columns are padded to a multiple of this (one AVX-512 register), so the SIMD kernels run. */
    static final int LANES = 16;
    private static final int CHUNK = LogisticRegression.CHUNK;
    private static final int CHUNKS_PER_GROUP = LogisticRegression.CHUNKS_PER_GROUP;

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

    SoftmaxObjective(FeatureMatrix features, int[] labels, int classes, float[] mean, float[] invStd, double penalty,
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
}
