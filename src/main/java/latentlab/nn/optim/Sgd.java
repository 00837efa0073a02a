package latentlab.nn.optim;

/**
 * Stochastic gradient descent with (heavy-ball) momentum, in the form of Sutskever et al., "On the importance of
 * initialization and momentum in deep learning", ICML 2013, as PyTorch implements it:
 * <pre>u_t = mu u_{t-1} + g_t,    theta_t = theta_{t-1} - lr u_t</pre>
 * mu = 0 gives plain minibatch gradient descent. The element-wise update is {@link SgdRule}'s.
 */
public final class Sgd extends OptimizerBase {
    private final SgdRule rule;
    private final float momentum;
    private float lr;

    public Sgd(int size, double lr, double momentum, double weightDecay) {
        this(size, lr, momentum, weightDecay, SgdRule.get());
    }

    /** SGD with the given implementation of its update (tests run both). */
    Sgd(int size, double lr, double momentum, double weightDecay, SgdRule rule) {
        super("sgd", "SGD", size, 1, lr, weightDecay);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.rule = rule;
        this.momentum = (float) momentum;
        this.lr = (float) lr;
    }

    public double momentum() {
        return momentum;
    }

    @Override
    void startStep(long t, double lr) {
        this.lr = (float) lr;
    }

    @Override
    public void update(float[] params, float[][] grads, int from, int to, boolean weights) {
        checkRange(params, grads, from, to);
        rule.update(params, grads, state(0), from, to, lr, momentum, decayFor(weights));
    }

    @Override
    public double[] hyperParameters() {
        return new double[] {momentum};
    }
}
