package latentlab.nn.optim;

/**
 * Updates a flat parameter vector from gradients, one minibatch step at a time. The learning rate (and weight
 * decay) may change between any two steps; nothing else is reset when they do.
 *
 * <p>A step is {@link #beginStep()} once, then {@link #update} over disjoint ranges that together cover the
 * parameters (possibly from several threads at once).
 */
public interface Optimizer {
    /** "adam" or "sgd", as in model files and on the command line. */
    String name();

    double learningRate();

    /** Takes effect from the next step. */
    void setLearningRate(double lr);

    /** L2 weight decay coefficient lambda: the gradient gets lambda * w added for weights (not biases). */
    double weightDecay();

    void setWeightDecay(double decay);

    /** Steps taken so far. */
    long steps();

    /** Starts step {@code steps() + 1}. */
    void beginStep();

    /**
     * Updates {@code params[from, to)} with the gradient g = grads[0] + grads[1] + ... (in that order), adding the
     * weight decay when {@code weights} is set (biases are not decayed).
     */
    void update(float[] params, float[][] grads, int from, int to, boolean weights);

    /** The per-parameter state arrays (moments, velocities), live, for saving. */
    float[][] stateBuffers();

    /** Restores the step count and state arrays saved from an optimiser of the same kind and size. */
    void restore(long steps, float[][] buffers);

    /** Hyper-parameters other than the learning rate and decay, as name-value pairs for files and display. */
    double[] hyperParameters();

    /** Checks a learning rate: positive, finite and not absurdly large. */
    static double checkLearningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr) || lr > 10) {
            throw new IllegalArgumentException("learning rate must be > 0 and at most 10, got " + lr);
        }
        return lr;
    }

    /** Checks a weight decay: in [0, 1). */
    static double checkWeightDecay(double wd) {
        if (!(wd >= 0 && wd < 1)) {
            throw new IllegalArgumentException("weight decay must be in [0, 1), got " + wd);
        }
        return wd;
    }
}
