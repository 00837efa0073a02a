package latentlab.nn.optim;

/**
 * Adam (Kingma and Ba, "Adam: A method for stochastic optimization", ICLR 2015, Algorithm 1):
 * <pre>
 * m_t = b1 m_{t-1} + (1 - b1) g_t          v_t = b2 v_{t-1} + (1 - b2) g_t^2
 * m^_t = m_t / (1 - b1^t)                   v^_t = v_t / (1 - b2^t)
 * theta_t = theta_{t-1} - alpha m^_t / (sqrt(v^_t) + eps)
 * </pre>
 * computed in the paper's cheaper order (Section 2): alpha_t = alpha sqrt(1 - b2^t) / (1 - b1^t) and
 * eps^ = eps sqrt(1 - b2^t), which is algebraically identical. Defaults b1 = 0.9, b2 = 0.999, eps = 1e-8. The
 * bias correction is done here once per step; the element-wise update is {@link AdamRule}'s.
 */
public final class Adam extends OptimizerBase {
    private final AdamRule rule;
    private final float beta1;
    private final float beta2;
    private final double eps;
    private float stepSize;
    private float epsHat;

    /** Adam with the paper's defaults for {@code size} parameters. */
    public Adam(int size, double lr) {
        this(size, lr, 0.9, 0.999, 1e-8, 0);
    }

    public Adam(int size, double lr, double beta1, double beta2, double eps, double weightDecay) {
        this(size, lr, beta1, beta2, eps, weightDecay, AdamRule.get());
    }

    /** Adam with the given implementation of its update (tests run both). */
    Adam(int size, double lr, double beta1, double beta2, double eps, double weightDecay, AdamRule rule) {
        super("adam", "Adam", size, 2, lr, weightDecay);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be positive, got " + eps);
        }
        this.rule = rule;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = eps;
    }

    @Override
    void startStep(long t, double lr) {
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        stepSize = (float) (lr * Math.sqrt(c2) / c1);
        epsHat = (float) (eps * Math.sqrt(c2));
    }

    @Override
    public void update(float[] params, float[][] grads, int from, int to, boolean weights) {
        checkRange(params, grads, from, to);
        rule.update(params, grads, state(0), state(1), from, to, beta1, beta2, stepSize, epsHat, decayFor(weights));
    }

    @Override
    public double[] hyperParameters() {
        return new double[] {beta1, beta2, eps};
    }
}
