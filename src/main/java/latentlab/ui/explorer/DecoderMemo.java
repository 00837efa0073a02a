package latentlab.ui.explorer;

import java.util.Arrays;

import latentlab.nn.Codec;

/**
 * The decoder's last images for one kind of request (the sliders' position, the traversal strip), kept with what
 * they were decoded from, so that asking again for the same codes of the same network returns them without decoding
 * again: one update of a latent space shows a new network and then its codes, and each redraws the sliders' images.
 * Forgotten at every update of the space ({@link #forget}), so a network is decoded afresh at least once per update,
 * even one handed in again as the same object.
 */
final class DecoderMemo {
    private Codec codec;
    private float[] codes;
    private float[] images;

    /**
     * h(a) for the {@code n} codes in {@code codes} ({@code n x k}), one image after the other ({@code n x d}); the
     * array is shared with the next caller who asks for the same, and is not to be changed.
     */
    float[] decode(Codec c, float[] codes, int n) {
        if (c == codec && Arrays.equals(codes, this.codes)) {
            return images;
        }
        float[] out = new float[n * c.inputSize()];
        c.decode(codes, 0, n, out, 0);
        codec = c;
        this.codes = codes.clone();
        images = out;
        return out;
    }

    void forget() {
        codec = null;
        codes = null;
        images = null;
    }
}
