package latentlab.nn.optim;

import latentlab.math.Kernels;

/**
 * Stochastic gradient descent with (heavy-ball) momentum, in the form of Sutskever et al., "On the importance of
 * initialization and momentum in deep learning", ICML 2013, as PyTorch implements it:
 * <pre>u_t = mu u_{t-1} + g_t,    theta_t = theta_{t-1} - lr u_t</pre>
 * mu = 0 gives plain minibatch gradient descent.
 */
public final class Sgd implements Optimizer {
    private final float momentum;
    private final float[] u;
    private volatile double lr;
    private volatile double decay;
    private long t;

    public Sgd(int size, double lr, double momentum, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.lr = Optimizer.checkLearningRate(lr);
        this.decay = Optimizer.checkWeightDecay(weightDecay);
        this.momentum = (float) momentum;
        this.u = new float[size];
    }

    @Override
    public String name() {
        return "sgd";
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

    public double momentum() {
        return momentum;
    }

    @Override
    public long steps() {
        return t;
    }

    @Override
    public void beginStep() {
        t++;
    }

    @Override
    public void update(Kernels k, float[] params, float[][] grads, int from, int to, boolean applyDecay) {
        k.sgd(params, grads, u, from, to, (float) lr, momentum, applyDecay ? (float) decay : 0f);
    }

    @Override
    public float[][] stateBuffers() {
        return new float[][] {u};
    }

    @Override
    public void restore(long steps, float[][] buffers) {
        if (buffers.length != 1 || buffers[0].length != u.length) {
            throw new IllegalArgumentException("saved SGD state does not fit " + u.length + " parameters");
        }
        System.arraycopy(buffers[0], 0, u, 0, u.length);
        this.t = steps;
    }

    @Override
    public double[] hyperParameters() {
        return new double[] {momentum};
    }
}
