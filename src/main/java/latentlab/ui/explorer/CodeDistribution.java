package latentlab.ui.explorer;

import latentlab.nn.Codec;

/**
 * The code of one image under a variational autoencoder: N(mean, diag(exp(logVariance))). The arrays are never
 * written after construction.
 *
 * @param codec       the model that gave it
 * @param image       the display image's index
 * @param mean        mu, k values
 * @param logVariance log sigma^2, k values
 */
public record CodeDistribution(Codec codec, int image, float[] mean, float[] logVariance) {
    /** sigma along dimension j. */
    public double sigma(int j) {
        return Math.exp(0.5 * logVariance[j]);
    }
}
