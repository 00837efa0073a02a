package latentlab.train;

import latentlab.nn.Autoencoder;

/**
 * The newest published model whose loss was not blowing up, and its step: what training rolls back to when the loss
 * becomes NaN or infinite. A model counts as good while its running loss has not run away from the best seen (a loss
 * can be finite but already exploding, and rolling back to that would only diverge again) and its weights are finite.
 */
final class DivergenceGuard {
    /** How far above the best running loss a model still counts as good. */
    private static final double RUNAWAY_FACTOR = 2;

    private Autoencoder good;
    private long goodStep;
    private double bestLoss = Double.POSITIVE_INFINITY;

    /** A published copy of the network at {@code step}, with the running loss at that point. */
    void offer(Autoencoder copy, long step, double runningLoss) {
        if (Double.isFinite(runningLoss)) {
            bestLoss = Math.min(bestLoss, runningLoss);
        }
        if (good == null || (Double.isFinite(runningLoss) && runningLoss <= RUNAWAY_FACTOR * bestLoss
                && copy.isFinite())) {
            good = copy;
            goodStep = step;
        }
    }

    /** The model to roll back to (never null once a snapshot was published). */
    Autoencoder goodModel() {
        return good;
    }

    long goodStep() {
        return goodStep;
    }

    /** Forgets everything (a new run). */
    void clear() {
        good = null;
        goodStep = 0;
        bestLoss = Double.POSITIVE_INFINITY;
    }
}
