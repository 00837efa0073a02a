package latentlab.embed;

import latentlab.math.Rng;

/**
 * Additive isotropic Gaussian noise (Vincent et al. 2010): x_j + sigma eps_j with eps_j ~ N(0, 1) independent per
 * pixel, clamped back to [0, 1] so that the corrupted image is still a valid input (and a valid target for
 * cross-entropy).
 *
 * @param sigma standard deviation, in pixel units (pixels range over [0, 1]), at least 0
 */
public record GaussianNoise(double sigma) implements Corruption {
    public GaussianNoise {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise standard deviation must be a finite number >= 0, got " + sigma);
        }
    }

    @Override
    public void apply(float[] x, int off, int count, int rows, int cols, Rng rng) {
        if (sigma == 0) {
            return;
        }
        int end = off + count * rows * cols;
        for (int i = off; i < end; i++) {
            double v = x[i] + sigma * rng.nextGaussian();
            x[i] = (float) Math.min(1, Math.max(0, v));
        }
    }

    @Override
    public String describe() {
        return "gaussian:" + sigma;
    }
}
