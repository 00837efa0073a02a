package latentlab.embed;

import java.util.Locale;

import latentlab.math.Rng;

/**
 * A random corruption of input images, in place, for the drawing pad's "add noise" tools and for denoising
 * training, where the network sees a corrupted x~ and is trained to rebuild the clean x (Vincent, Larochelle,
 * Lajoie, Bengio and Manzagol, "Stacked denoising autoencoders", JMLR 11, 2010, section 4.2: masking noise and
 * additive isotropic Gaussian noise; occlusion is the blunt version of masking, a whole patch at once).
 * <ul>
 *   <li>{@link MaskingNoise}: each pixel independently set to 0 with probability p;</li>
 *   <li>{@link GaussianNoise}: x + sigma eps, eps ~ N(0, 1) per pixel, clamped to [0, 1];</li>
 *   <li>{@link Occlusion}: a rectangle of a given fraction of the image, at a uniformly random place, set to 0.</li>
 * </ul>
 * Images are float pixels in [0, 1] and stay there. Randomness comes only from the {@link Rng} passed in, so a
 * seed gives the same corruption every time. {@link #apply} draws from one generator image after image; for
 * results that do not depend on how a minibatch is split between threads, {@link #applyEach} gives every image
 * its own generator from the seed and the image's position.
 *
 * <p>{@link #parse} and {@link #describe} read and write "none", "masking:P", "gaussian:SIGMA" and
 * "occlusion:FRACTION" (for settings files and the command line).
 */
public sealed interface Corruption permits Corruption.None, MaskingNoise, GaussianNoise, Occlusion {
    /** Leaves images as they are. */
    Corruption NONE = new None();

    /** Corrupts {@code count} images of {@code rows x cols} pixels stored one after the other from {@code x[off]}. */
    void apply(float[] x, int off, int count, int rows, int cols, Rng rng);

    /** The text form read by {@link #parse}, e.g. "masking:0.25". */
    String describe();

    /**
     * Corrupts {@code count} images, image i with its own generator seeded from {@code seed} and its position
     * {@code firstPosition + i} (e.g. its place in the epoch), so the result is the same however the images are
     * shared between threads.
     */
    default void applyEach(float[] x, int off, int count, int rows, int cols, long seed, long firstPosition) {
        int d = rows * cols;
        for (int i = 0; i < count; i++) {
            apply(x, off + i * d, 1, rows, cols, new Rng(seed ^ ((firstPosition + i + 1) * 0x9E3779B97F4A7C15L)));
        }
    }

    /** Masking noise: each pixel set to 0 with probability {@code p} in [0, 1]. */
    static Corruption masking(double p) {
        return new MaskingNoise(p);
    }

    /** Additive Gaussian noise of standard deviation {@code sigma} >= 0, clamped to [0, 1]. */
    static Corruption gaussian(double sigma) {
        return new GaussianNoise(sigma);
    }

    /** A blank rectangle {@code fraction} of the image's height and width (in [0, 1]) at a random place. */
    static Corruption occlusion(double fraction) {
        return new Occlusion(fraction, fraction);
    }

    /**
     * Reads "none", "masking:P", "gaussian:SIGMA" or "occlusion:FRACTION" (or "occlusion:H,W").
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Corruption parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return NONE;
        }
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("corruption '" + text
                    + "': write none, masking:P, gaussian:SIGMA or occlusion:FRACTION");
        }
        String kind = t.substring(0, colon);
        String[] values = t.substring(colon + 1).split(",", -1);
        double[] v = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                v[i] = Double.parseDouble(values[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("corruption '" + text + "': '" + values[i] + "' is not a number");
            }
        }
        switch (kind) {
            case "masking", "mask" -> {
                requireCount(text, v, 1);
                return masking(v[0]);
            }
            case "gaussian", "noise" -> {
                requireCount(text, v, 1);
                return gaussian(v[0]);
            }
            case "occlusion", "occlude" -> {
                if (v.length == 2) {
                    return new Occlusion(v[0], v[1]);
                }
                requireCount(text, v, 1);
                return occlusion(v[0]);
            }
            default -> throw new IllegalArgumentException("unknown corruption '" + kind
                    + "': choose none, masking, gaussian or occlusion");
        }
    }

    private static void requireCount(String text, double[] v, int count) {
        if (v.length != count) {
            throw new IllegalArgumentException("corruption '" + text + "' takes " + count + " number, got " + v.length);
        }
    }

    /** No corruption. */
    final class None implements Corruption {
        private None() {
        }

        @Override
        public void apply(float[] x, int off, int count, int rows, int cols, Rng rng) {
        }

        @Override
        public void applyEach(float[] x, int off, int count, int rows, int cols, long seed, long firstPosition) {
        }

        @Override
        public String describe() {
            return "none";
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
