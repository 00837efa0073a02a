package latentlab.nn.optim;

/**
 * What Adam and SGD share: the learning rate and weight decay, which any thread may change between steps (volatile,
 * read once per step), the step count, the per-parameter state arrays and their saving and restoring. Subclasses
 * add their hyper-parameters and their update.
 */
abstract class OptimizerBase implements Optimizer {
    private final String name;
    private final String title;
    private final float[][] state;
    private volatile double lr;
    private volatile double decay;
    private long steps;

    /**
     * @param name        as in files ("adam")
     * @param title       as in messages ("Adam")
     * @param size        number of parameters
     * @param stateArrays per-parameter arrays the optimiser keeps (moments, velocities)
     */
    OptimizerBase(String name, String title, int size, int stateArrays, double lr, double weightDecay) {
        this.name = name;
        this.title = title;
        this.lr = Optimizer.checkLearningRate(lr);
        this.decay = Optimizer.checkWeightDecay(weightDecay);
        this.state = new float[stateArrays][size];
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(double lr) {
        this.lr = Optimizer.checkLearningRate(lr);
    }

    @Override
    public final double weightDecay() {
        return decay;
    }

    @Override
    public final void setWeightDecay(double decay) {
        this.decay = Optimizer.checkWeightDecay(decay);
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final void beginStep() {
        steps++;
        startStep(steps, lr);
    }

    /** Prepares step {@code t} (1 for the first) with the learning rate in force for it. */
    abstract void startStep(long t, double lr);

    /** State array {@code i}, live. */
    final float[] state(int i) {
        return state[i];
    }

    /** The weight decay to add to the gradient of a range: the coefficient for weights, 0 for biases. */
    final float decayFor(boolean weights) {
        return weights ? (float) decay : 0f;
    }

    /** Checks an update's range against the parameters and the gradients. */
    final void checkRange(float[] params, float[][] grads, int from, int to) {
        int size = state.length > 0 ? state[0].length : params.length;
        if (from < 0 || to < from || to > size || to > params.length) {
            throw new IllegalArgumentException(title + " update of parameters [" + from + ", " + to + ") of "
                    + size + " (the parameter array holds " + params.length + ")");
        }
        for (float[] g : grads) {
            if (g.length < to) {
                throw new IllegalArgumentException(title + " update of parameters [" + from + ", " + to
                        + "): a gradient holds only " + g.length);
            }
        }
    }

    @Override
    public final float[][] stateBuffers() {
        return state.clone();
    }

    @Override
    public final void restore(long steps, float[][] buffers) {
        boolean fits = buffers.length == state.length;
        for (int i = 0; fits && i < state.length; i++) {
            fits = buffers[i].length == state[i].length;
        }
        if (!fits) {
            throw new IllegalArgumentException("saved " + title + " state does not fit "
                    + (state.length > 0 ? state[0].length : 0) + " parameters");
        }
        for (int i = 0; i < state.length; i++) {
            System.arraycopy(buffers[i], 0, state[i], 0, state[i].length);
        }
        this.steps = steps;
    }
}
