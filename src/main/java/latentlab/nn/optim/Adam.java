package latentlab.nn.optim;

import latentlab.math.Kernels;

/**
 * Adam (Kingma and Ba, "Adam: A method for stochastic optimization", ICLR 2015, Algorithm 1):
 * <pre>
 * m_t = b1 m_{t-1} + (1 - b1) g_t          v_t = b2 v_{t-1} + (1 - b2) g_t^2
 * m^_t = m_t / (1 - b1^t)                   v^_t = v_t / (1 - b2^t)
 * theta_t = theta_{t-1} - alpha m^_t / (sqrt(v^_t) + eps)
 * </pre>
 * computed in the paper's cheaper order (Section 2): alpha_t = alpha sqrt(1 - b2^t) / (1 - b1^t) and
 * eps^ = eps sqrt(1 - b2^t), which is algebraically identical. Defaults b1 = 0.9, b2 = 0.999, eps = 1e-8.
 */
public final class Adam implements Optimizer {
    private final float beta1;
    private final float beta2;
    private final double eps;
    private final float[] m;
    private final float[] v;
    private volatile double lr;
    private volatile double decay;
    private long t;
    private float stepSize;
    private float epsHat;

    /** Adam with the paper's defaults for {@code size} parameters. */
    public Adam(int size, double lr) {
        this(size, lr, 0.9, 0.999, 1e-8, 0);
    }

    public Adam(int size, double lr, double beta1, double beta2, double eps, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be positive, got " + eps);
        }
        this.lr = Optimizer.checkLearningRate(lr);
        this.decay = Optimizer.checkWeightDecay(weightDecay);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = eps;
        this.m = new float[size];
        this.v = new float[size];
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Optimizer.checkLearningRate(lr);
    }

    @Override
    public double weightDecay() {
        return decay;
    }

    @Override
    public void setWeightDecay(double decay) {
        this.decay = Optimizer.checkWeightDecay(decay);
    }

    @Override
    public long steps() {
        return t;
    }

    @Override
    public void beginStep() {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        stepSize = (float) (lr * Math.sqrt(c2) / c1);
        epsHat = (float) (eps * Math.sqrt(c2));
    }

    @Override
    public void update(Kernels k, float[] params, float[][] grads, int from, int to, boolean applyDecay) {
        k.adam(params, grads, m, v, from, to, beta1, beta2, stepSize, epsHat, applyDecay ? (float) decay : 0f);
    }

    @Override
    public float[][] stateBuffers() {
        return new float[][] {m, v};
    }

    @Override
    public void restore(long steps, float[][] buffers) {
        if (buffers.length != 2 || buffers[0].length != m.length || buffers[1].length != v.length) {
            throw new IllegalArgumentException("saved Adam state does not fit " + m.length + " parameters");
        }
        System.arraycopy(buffers[0], 0, m, 0, m.length);
        System.arraycopy(buffers[1], 0, v, 0, v.length);
        this.t = steps;
    }

    @Override
    public double[] hyperParameters() {
        return new double[] {beta1, beta2, eps};
    }
}
