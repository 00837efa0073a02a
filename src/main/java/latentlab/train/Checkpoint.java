package latentlab.train;

import java.util.List;

import latentlab.data.BatchSampler;
import latentlab.nn.Architecture;

/**
 * Everything needed to continue a training run exactly where it was: weights, optimiser state, position in the
 * shuffled batch order, and the history. Model files and lesson files store one.
 *
 * @param config         the run's configuration
 * @param architecture   the network shape (same as config's)
 * @param parameters     the flat parameter vector
 * @param optimizerName  "adam" or "sgd"
 * @param optimizerState the optimiser's per-parameter arrays, or null to start the optimiser afresh
 * @param step           optimiser steps taken
 * @param sampler        the batch order position, or null to start a fresh order
 * @param epochs         finished epochs
 * @param batchLosses    per-batch losses so far
 * @param klLosses       VAE: per-batch KL terms so far (empty otherwise)
 */
public record Checkpoint(TrainingConfig config, Architecture architecture, float[] parameters, String optimizerName,
                         float[][] optimizerState, long step, BatchSampler.State sampler, List<EpochRecord> epochs,
                         LossTrace.View batchLosses, LossTrace.View klLosses) {

    /** A checkpoint without KL history (plain autoencoders). */
    public Checkpoint(TrainingConfig config, Architecture architecture, float[] parameters, String optimizerName,
                      float[][] optimizerState, long step, BatchSampler.State sampler, List<EpochRecord> epochs,
                      LossTrace.View batchLosses) {
        this(config, architecture, parameters, optimizerName, optimizerState, step, sampler, epochs, batchLosses,
                LossTrace.View.empty());
    }
}
