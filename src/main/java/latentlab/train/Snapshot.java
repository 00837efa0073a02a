package latentlab.train;

import java.util.List;

import latentlab.nn.Autoencoder;

/**
 * What the training thread publishes every ~100 ms: a deep copy of the network that any thread may use to encode
 * and decode while training goes on, the codes of the display images, and the counters and losses so far.
 * Immutable by contract: nobody writes into its arrays.
 *
 * @param version          increases with every publication (views redraw when it changes)
 * @param model            copy of the network at {@code step}
 * @param config           the run's configuration, with the current learning rate
 * @param state            what the training thread is doing
 * @param message          a note for the user (divergence, restore), or null
 * @param step             optimiser steps taken
 * @param epoch            completed epochs
 * @param epochFraction    fraction of the current epoch done, in [0, 1)
 * @param batchesPerEpoch  minibatches per epoch
 * @param lastBatchLoss    per-image loss of the last minibatch (NaN before the first)
 * @param runningLoss      exponential moving average of the per-image batch loss
 * @param samplesPerSecond recent training throughput
 * @param displayCodes     codes of the display images, {@code n x k}, or null (may be older than {@code step})
 * @param codesStep        the step the codes were computed at
 * @param batchLosses      per-image loss of every minibatch so far
 * @param epochs           finished epochs with their test losses
 * @param klLosses         VAE: the KL term (per image, before the beta weight) of every minibatch; empty otherwise
 * @param runningKl        VAE: moving average of the KL term per image; NaN otherwise
 */
public record Snapshot(long version, Autoencoder model, TrainingConfig config, TrainingState state, String message,
                       long step, int epoch, double epochFraction, int batchesPerEpoch, double lastBatchLoss,
                       double runningLoss, double samplesPerSecond, float[] displayCodes, long codesStep,
                       LossTrace.View batchLosses, List<EpochRecord> epochs, LossTrace.View klLosses,
                       double runningKl) {

    /** The latest test squared error per image, or NaN before the first epoch ends. */
    public double lastTestSquaredError() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testSquaredError();
    }

    /** Training progress in epochs, e.g. 3.25. */
    public double epochProgress() {
        return epoch + epochFraction;
    }
}
