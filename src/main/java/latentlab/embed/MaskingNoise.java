package latentlab.embed;

import latentlab.math.Rng;

/**
 * Masking noise (Vincent et al. 2010): every pixel is independently set to 0 with probability {@code p}, so on
 * average a fraction p of the image is lost and the network must fill it in from what is left.
 *
 * @param p probability of masking a pixel, in [0, 1]
 */
public record MaskingNoise(double p) implements Corruption {
    public MaskingNoise {
        Ranges.unitInterval("masking probability", p);
    }

    @Override
    public void apply(float[] x, int off, int count, int rows, int cols, Rng rng) {
        int end = off + count * rows * cols;
        if (p == 0) {
            return;
        }
        for (int i = off; i < end; i++) {
            // One draw per pixel whatever the outcome, so image i's mask depends only on its place in the batch.
            if (rng.nextDouble() < p) {
                x[i] = 0f;
            }
        }
    }

    @Override
    public String describe() {
        return "masking:" + p;
    }
}
