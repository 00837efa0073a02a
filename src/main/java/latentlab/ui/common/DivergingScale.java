package latentlab.ui.common;

/**
 * A signed colour map for images whose pixels can be negative, such as principal components ("eigen-digits"):
 * negative values blue, zero the paper colour, positive values red, with the strength proportional to |v|. The end
 * colours are ColorBrewer's RdBu (Brewer, Harrower et al., colorbrewer2.org, 2003), which stays readable for the
 * common colour-vision deficiencies. Plain Java (ARGB ints), so it is tested without a display.
 */
public final class DivergingScale {
    private static final int NEGATIVE = 0x2166AC;
    private static final int POSITIVE = 0xB2182B;
    private static final int NEGATIVE_ON_DARK = 0x67A9CF;
    private static final int POSITIVE_ON_DARK = 0xEF8A62;
    private static final int STEPS = 256;
    private final int[] lut = new int[2 * STEPS + 1];

    /**
     * @param paper the colour of zero (RGB)
     * @param dark  whether the paper is dark (lighter end colours keep their contrast on it)
     */
    public DivergingScale(int paper, boolean dark) {
        int neg = dark ? NEGATIVE_ON_DARK : NEGATIVE;
        int pos = dark ? POSITIVE_ON_DARK : POSITIVE;
        for (int i = -STEPS; i <= STEPS; i++) {
            double t = Math.abs(i) / (double) STEPS;
            lut[i + STEPS] = 0xFF000000 | mix(paper, i < 0 ? neg : pos, t);
        }
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /** The ARGB colour of {@code v / scale}, clamped to [-1, 1]. */
    public int colour(double v, double scale) {
        double t = scale > 0 ? v / scale : 0;
        if (!(t >= -1)) {
            t = Double.isNaN(t) ? 0 : -1;
        }
        t = Math.min(1, t);
        return lut[(int) Math.round(t * STEPS) + STEPS];
    }

    /** Largest |v| of {@code v[from..from+n)}: the scale that uses the full range of the map. */
    public static double maxAbs(float[] v, int from, int n) {
        double m = 0;
        for (int i = from; i < from + n; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }

    /**
     * Renders {@code rows x cols} signed values as ARGB pixels, each a {@code scale x scale} block, into
     * {@code out} (length at least rows*cols*scale²); zero is the paper colour, ±{@code range} the end colours.
     */
    public void render(float[] v, int from, int rows, int cols, int scale, double range, int[] out) {
        int w = cols * scale;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int argb = colour(v[from + r * cols + c], range);
                int base = r * scale * w + c * scale;
                for (int dy = 0; dy < scale; dy++) {
                    java.util.Arrays.fill(out, base + dy * w, base + dy * w + scale, argb);
                }
            }
        }
    }
}
