package latentlab.train;

/**
 * What one finished epoch achieved, every loss per image (summed over pixels, averaged over images).
 *
 * @param epoch          1-based epoch number
 * @param step           optimiser steps taken at its end
 * @param trainLoss      mean training objective over the epoch's batches
 * @param testLoss       training objective on the test set at the end of the epoch
 * @param testSquaredError squared error on the test set
 * @param seconds        training time of the epoch (without evaluation)
 * @param samplesPerSecond training throughput over the epoch
 * @param testKl         VAE: mean KL divergence of the test codes from the prior (NaN for plain autoencoders);
 *                       then {@code testLoss} is the reconstruction loss and the test ELBO is -(testLoss + testKl)
 */
public record EpochRecord(int epoch, long step, double trainLoss, double testLoss, double testSquaredError,
                          double seconds, double samplesPerSecond, double testKl) {

    /** A plain autoencoder's epoch (no KL term). */
    public EpochRecord(int epoch, long step, double trainLoss, double testLoss, double testSquaredError,
                       double seconds, double samplesPerSecond) {
        this(epoch, step, trainLoss, testLoss, testSquaredError, seconds, samplesPerSecond, Double.NaN);
    }
}
