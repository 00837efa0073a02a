package latentlab.embed;

import java.util.Objects;

import latentlab.nn.Codec;

/**
 * Vector arithmetic on codes, the notes' "paris - france + italy ~ rome": with codes a, b, c of images A, B, C,
 * the code a - b + c keeps what A has and B lacks, added to C ("thick 7 - thin 7 + thin 1" should decode to a thick
 * 1). Its decode, and its nearest real images ({@link NeighbourIndex}), show whether the code space carries such
 * differences linearly.
 *
 * <p>Computed as (a - b) + c in float, so that a - a + c gives c exactly (a - a is exactly zero).
 */
public final class LatentArithmetic {
    private LatentArithmetic() {
    }

    /** a - b + c, element by element. */
    public static float[] combine(float[] a, float[] b, float[] c) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        if (a.length != b.length || a.length != c.length) {
            throw new IllegalArgumentException("codes of different lengths: " + a.length + ", " + b.length + " and "
                    + c.length);
        }
        float[] out = new float[a.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = (a[p] - b[p]) + c[p];
        }
        return out;
    }

    /**
     * Encodes images A, B and C with {@code codec}, combines their codes and decodes the result.
     *
     * @return the three codes, the combined code and its decode
     */
    public static Result apply(Codec codec, float[] imageA, float[] imageB, float[] imageC) {
        float[] a = encode(codec, imageA, "A");
        float[] b = encode(codec, imageB, "B");
        float[] c = encode(codec, imageC, "C");
        float[] code = combine(a, b, c);
        return new Result(a, b, c, code, codec.decode(code));
    }

    private static float[] encode(Codec codec, float[] image, String which) {
        if (image.length != codec.inputSize()) {
            throw new IllegalArgumentException("image " + which + " has " + image.length + " pixels but "
                    + codec.describe() + " takes " + codec.inputSize());
        }
        return codec.encode(image);
    }

    /**
     * @param a       code of image A
     * @param b       code of image B
     * @param c       code of image C
     * @param code    a - b + c
     * @param decoded h(a - b + c)
     */
    public record Result(float[] a, float[] b, float[] c, float[] code, float[] decoded) {
    }
}
