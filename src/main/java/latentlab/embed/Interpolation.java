package latentlab.embed;

import java.util.Objects;

import latentlab.nn.Codec;

/**
 * Straight-line paths between two vectors, for the interpolation filmstrip: in code space (decoded, the notes'
 * "walk through the latent space"), and in pixel space as the plain cross-fade to compare it with.
 *
 * <p>Step i of n lies at t_i = i / (n - 1) on the path
 * <pre>p(t) = (1 - t) a + t b</pre>
 * written this way, not as a + t (b - a), because it gives the endpoints exactly: (1 - 0) a + 0 b = a and
 * 0 a + 1 b = b in floating point (the other form can miss b by a rounding error). Paths are returned as one flat
 * array, step after step.
 */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * The n points of the straight path from {@code a} to {@code b} (same length), endpoints included and equal to
     * {@code a} and {@code b}.
     *
     * @return {@code steps x a.length} values, step after step
     * @throws IllegalArgumentException if the lengths differ or {@code steps < 2}
     */
    public static float[] path(float[] a, float[] b, int steps) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot interpolate between vectors of lengths " + a.length + " and "
                    + b.length);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("a path needs at least 2 steps (its two ends), got " + steps);
        }
        int k = a.length;
        float[] out = new float[steps * k];
        for (int i = 0; i < steps; i++) {
            float t = i / (float) (steps - 1);
            float s = 1 - t;
            for (int p = 0; p < k; p++) {
                out[i * k + p] = s * a[p] + t * b[p];
            }
        }
        // Already exact for finite values; copying also keeps the ends exact for infinities, where 0 * inf is NaN.
        System.arraycopy(a, 0, out, 0, k);
        System.arraycopy(b, 0, out, (steps - 1) * k, k);
        return out;
    }

    /** The straight path between two codes, the latent interpolation (same as {@link #path}). */
    public static float[] latentPath(float[] codeA, float[] codeB, int steps) {
        return path(codeA, codeB, steps);
    }

    /**
     * The pixel-space cross-fade between two images: each frame is the weighted average (1 - t) x + t y, the
     * baseline that latent interpolation is compared with (a fade shows both digits at once; a decoded path
     * morphs one into the other).
     */
    public static float[] crossFade(float[] imageX, float[] imageY, int steps) {
        return path(imageX, imageY, steps);
    }

    /**
     * Decodes every point of a path with {@code codec}: the filmstrip.
     *
     * @param path  {@code steps x codec.latentSize()} codes, step after step
     * @return {@code steps x codec.inputSize()} images
     */
    public static float[] decodePath(Codec codec, float[] path) {
        int k = codec.latentSize();
        if (path.length % k != 0) {
            throw new IllegalArgumentException(path.length + " values are not a whole number of codes of size " + k
                    + " for " + codec.describe());
        }
        int steps = path.length / k;
        float[] images = new float[steps * codec.inputSize()];
        codec.decode(path, 0, steps, images, 0);
        return images;
    }

    /**
     * Encodes two images with {@code codec}, interpolates between their codes and decodes the path: the whole
     * filmstrip in one call, for the autoencoder and for PCA alike (pass PCA's codec for the "PCA path").
     */
    public static Filmstrip between(Codec codec, float[] imageX, float[] imageY, int steps) {
        checkImage(codec, imageX);
        checkImage(codec, imageY);
        float[] codes = latentPath(codec.encode(imageX), codec.encode(imageY), steps);
        return new Filmstrip(steps, codec.latentSize(), codec.inputSize(), codes, decodePath(codec, codes));
    }

    private static void checkImage(Codec codec, float[] image) {
        if (image.length != codec.inputSize()) {
            throw new IllegalArgumentException(codec.describe() + " takes " + codec.inputSize()
                    + " pixels, got an image of " + image.length);
        }
    }

    /**
     * A decoded path: {@code codes} ({@code steps x codeSize}, for drawing the path on the map) and {@code images}
     * ({@code steps x imageSize}).
     */
    public record Filmstrip(int steps, int codeSize, int imageSize, float[] codes, float[] images) {
        /** Code of step {@code i}. */
        public float[] code(int i) {
            return java.util.Arrays.copyOfRange(codes, i * codeSize, (i + 1) * codeSize);
        }

        /** Image of step {@code i}. */
        public float[] image(int i) {
            return java.util.Arrays.copyOfRange(images, i * imageSize, (i + 1) * imageSize);
        }
    }
}
