package latentlab.train;

import latentlab.data.BatchSampler;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;

/**
 * One kept moment of a training run: the weights after {@code step} optimiser steps and the position in the batch
 * order. The weights of keyframes (and, as the history keeps them, of its first and newest moments) are exact
 * float32; the others may be compact, 8-bit differences from the first moment's ({@link MomentWeights}), within
 * {@link MomentWeights#maxError()} of the exact ones. A <em>keyframe</em> also holds the optimiser's state, so training can continue
 * from it directly; from any other moment it continues by replaying the steps after the nearest earlier keyframe
 * ({@link Rewind}), which reproduces the moment bit for bit because a step depends only on the weights, the
 * optimiser's state, the batch order, the settings and the step number (the noise of a step is a function of the
 * seed and the step). Immutable by contract: nobody writes into its arrays.
 *
 * @param step          optimiser steps taken
 * @param epoch         completed epochs at that step
 * @param epochFraction fraction of the current epoch done, in [0, 1)
 * @param stored        the flat parameter vector, exact or compact
 * @param sampler       the batch order's state (its permutation is shared with the other moments of the same epoch)
 * @param optimizer     the optimiser's state for a keyframe, or null
 */
public record Moment(long step, int epoch, double epochFraction, MomentWeights stored, BatchSampler.State sampler,
                     OptimizerState optimizer) {

    public Moment {
        if (optimizer != null && !(stored instanceof MomentWeights.Exact)) {
            throw new IllegalArgumentException("a keyframe keeps its weights exactly");
        }
    }

    /** A moment with exact weights. */
    public Moment(long step, int epoch, double epochFraction, float[] weights, BatchSampler.State sampler,
                  OptimizerState optimizer) {
        this(step, epoch, epochFraction, MomentWeights.exact(weights), sampler, optimizer);
    }

    /**
     * The weights: exact ones as kept (not to be written into), compact ones decoded into a new array (within
     * {@code stored().maxError()} of the exact ones).
     */
    public float[] weights() {
        return stored.values();
    }

    /** Whether the weights are exact. */
    public boolean exact() {
        return stored instanceof MomentWeights.Exact;
    }

    /** The same moment with its weights as 8-bit differences from {@code base} (the first moment's exact weights). */
    Moment compacted(float[] base) {
        return new Moment(step, epoch, epochFraction, MomentWeights.compact(weights(), base), sampler, optimizer);
    }

    /**
     * An optimiser's state at a keyframe.
     *
     * @param name    "adam" or "sgd"
     * @param steps   the optimiser's own step count (bias correction)
     * @param buffers its per-parameter arrays, or null for a fresh optimiser (all zero: nothing to keep)
     */
    public record OptimizerState(String name, long steps, float[][] buffers) {
        /** Bytes the arrays take. */
        public long bytes() {
            long b = 0;
            if (buffers != null) {
                for (float[] a : buffers) {
                    b += 4L * a.length;
                }
            }
            return b;
        }
    }

    /** Whether training can continue from this moment without replaying steps. */
    public boolean keyframe() {
        return optimizer != null;
    }

    /** The same moment without its optimiser state. */
    Moment withoutOptimizer() {
        return new Moment(step, epoch, epochFraction, stored, sampler, null);
    }

    /** Training progress in epochs, e.g. 3.25. */
    public double epochProgress() {
        return epoch + epochFraction;
    }

    /** A network with this moment's weights (a copy). */
    public Autoencoder network(Architecture architecture) {
        return Autoencoder.withParameters(architecture, weights());
    }
}
