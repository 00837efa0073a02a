package latentlab.morpho;

/**
 * Measures the {@link Morphometrics} of a grey image with intensities in [0, 1] (values outside are clamped), of any
 * size. Following Morpho-MNIST (Castro et al., JMLR 20(178), 2019), the skeleton's length and the thickness are measured
 * on the image upsampled {@code scale} times (bilinear, then thresholded at 0.5), which makes them far less sensitive
 * to the pixel grid than on 28 × 28; the others on the pixels as they are:
 * <ul>
 * <li><b>ink</b> = Σ x_ij over the original pixels;</li>
 * <li><b>area</b> = #{x_ij ≥ 0.5}, over the original pixels;</li>
 * <li><b>length</b> = the length of the one-pixel skeleton of the binarised image ({@link ZhangSuenThinning}): each
 *     pair of 4-adjacent skeleton pixels counts 1, each pair of diagonal neighbours √2 unless a 4-path joins them
 *     already (so a staircase is not counted twice), divided by scale;</li>
 * <li><b>thickness</b> = 2 · mean over the skeleton pixels of their distance to the edge of the stroke, divided by
 *     scale — the distance-transform definition of Morpho-MNIST: the edge lies half a pixel before the nearest
 *     background pixel's centre, so the distance is the Euclidean distance transform ({@link DistanceTransform})
 *     minus ½;</li>
 * <li><b>slant</b> = atan(−μ11 / μ02) in degrees, with μ the central second moments of the intensities, x to the
 *     right and y downwards: the shear that makes the image's vertical axis upright; positive when the top of the
 *     digit leans to the right (like italic type), 0 for an upright one;</li>
 * <li><b>width</b> and <b>height</b> = the extent, between the 1st and the 99th percentile of the ink, of the
 *     slant-free horizontal coordinate x − (μ11/μ02)(y − ȳ) and of y — the bounding parallelogram of Morpho-MNIST
 *     (each pixel's ink spread evenly over its width).</li>
 * </ul>
 * An image with no pixel ≥ 0.5 has area, length, width and height 0 and NaN thickness and slant. Not thread-safe:
 * one meter per thread (it reuses its buffers).
 */
public final class MorphometricMeter {
    /** The upsampling used by default, as in Morpho-MNIST. */
    public static final int DEFAULT_SCALE = 4;
    /** Share of the ink left outside the width and height's bounds, half on each side. */
    static final double BOUND_FRACTION = 0.02;
    private static final double SQRT2 = Math.sqrt(2);

    private final int scale;

    /** A meter that upsamples {@value #DEFAULT_SCALE} times. */
    public MorphometricMeter() {
        this(DEFAULT_SCALE);
    }

    /** @param scale upsampling factor, 1 (measure on the pixels as they are) to 8 */
    public MorphometricMeter(int scale) {
        if (scale < 1 || scale > 8) {
            throw new IllegalArgumentException("scale must be 1 to 8, got " + scale);
        }
        this.scale = scale;
    }

    /** The morphometrics of the {@code rows × cols} image stored row by row from {@code image[offset]}. */
    public Morphometrics measure(float[] image, int offset, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("an image needs at least one pixel, got " + rows + " x " + cols);
        }
        if (offset < 0 || (long) offset + (long) rows * cols > image.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " image from " + offset
                    + " does not fit in " + image.length + " values");
        }
        double ink = 0;
        int top = rows;
        int bottom = -1;
        int left = cols;
        int right = -1;
        int area = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = clamp(image[offset + r * cols + c]);
                if (v > 0) {
                    ink += v;
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                    if (v >= 0.5f) {
                        area++;
                    }
                }
            }
        }
        if (area == 0) {
            return new Morphometrics(ink, 0, 0, Double.NaN, Double.NaN, 0, 0);
        }
        Moments mo = Moments.of(image, offset, rows, cols);
        double shear = mo.mu02 > 0 ? mo.mu11 / mo.mu02 : 0;
        double slant = Math.toDegrees(Math.atan(-shear));
        double width = SlantFreeExtent.width(image, offset, rows, cols, shear, mo.ybar, BOUND_FRACTION);
        double height = SlantFreeExtent.height(image, offset, rows, cols, BOUND_FRACTION);

        // The region that can hold ink once upsampled: the bounding box of non-zero pixels and one pixel around it.
        int r0 = top - 1;
        int c0 = left - 1;
        int h = (bottom - top + 3) * scale;
        int w = (right - left + 3) * scale;
        byte[] binary = upsampleAndBinarise(image, offset, rows, cols, r0, c0, h, w);
        double[] distance = DistanceTransform.of(binary, h, w);
        // The binary region has a background border (the extra pixel all round), as thinning needs.
        ZhangSuenThinning.thin(binary, h, w);
        double length = 0;
        double distanceSum = 0;
        int skeleton = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int p = y * w + x;
                if (binary[p] == 0) {
                    continue;
                }
                skeleton++;
                distanceSum += distance[p] - 0.5;
                length += linksFrom(binary, p, w);
            }
        }
        double thickness = 2 * distanceSum / skeleton / scale;
        return new Morphometrics(ink, area, length / scale, thickness, slant, width,
                height);
    }

    /** Length of the skeleton links from p to its neighbours east, south, south-east and south-west. */
    private static double linksFrom(byte[] s, int p, int w) {
        boolean e = s[p + 1] != 0;
        boolean south = s[p + w] != 0;
        boolean west = s[p - 1] != 0;
        double len = (e ? 1 : 0) + (south ? 1 : 0);
        if (s[p + w + 1] != 0 && !e && !south) {
            len += SQRT2;
        }
        if (s[p + w - 1] != 0 && !west && !south) {
            len += SQRT2;
        }
        return len;
    }

    /**
     * The {@code h × w} region from original pixel (r0, c0), upsampled {@code scale} times by bilinear interpolation
     * between pixel centres (pixels outside the image are 0) and thresholded at 0.5; its outermost pixels are left 0.
     */
    private byte[] upsampleAndBinarise(float[] image, int offset, int rows, int cols, int r0, int c0, int h, int w) {
        // The original pixels of the region with a margin of zeros, so that interpolation needs no bounds checks.
        int sh = h / scale + 2;
        int sw = w / scale + 2;
        float[] src = new float[sh * sw];
        for (int r = 0; r < sh - 2; r++) {
            int ir = r0 + r;
            if (ir < 0 || ir >= rows) {
                continue;
            }
            for (int c = 0; c < sw - 2; c++) {
                int ic = c0 + c;
                if (ic >= 0 && ic < cols) {
                    src[(r + 1) * sw + c + 1] = clamp(image[offset + ir * cols + ic]);
                }
            }
        }
        int[] col = new int[w];
        float[] fx = new float[w];
        for (int x = 0; x < w; x++) {
            double sx = (x + 0.5) / scale - 0.5 + 1;
            col[x] = (int) Math.floor(sx);
            fx[x] = (float) (sx - col[x]);
        }
        byte[] out = new byte[h * w];
        for (int y = 1; y < h - 1; y++) {
            double sy = (y + 0.5) / scale - 0.5 + 1;
            int ry = (int) Math.floor(sy);
            float fy = (float) (sy - ry);
            int a = ry * sw;
            int b = a + sw;
            for (int x = 1; x < w - 1; x++) {
                int cx = col[x];
                float f = fx[x];
                float top = src[a + cx] + f * (src[a + cx + 1] - src[a + cx]);
                float bottom = src[b + cx] + f * (src[b + cx + 1] - src[b + cx]);
                out[y * w + x] = (byte) (top + fy * (bottom - top) >= 0.5f ? 1 : 0);
            }
        }
        return out;
    }

    static float clamp(float v) {
        return v > 0 ? (v < 1 ? v : 1) : 0;
    }

    /** Centroid and central second moments of the intensities (x = column, y = row, downwards). */
    record Moments(double mass, double xbar, double ybar, double mu20, double mu11, double mu02) {
        static Moments of(float[] image, int offset, int rows, int cols) {
            double m = 0;
            double sx = 0;
            double sy = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = clamp(image[offset + r * cols + c]);
                    m += v;
                    sx += v * c;
                    sy += v * r;
                }
            }
            double xbar = sx / m;
            double ybar = sy / m;
            double u20 = 0;
            double u11 = 0;
            double u02 = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = clamp(image[offset + r * cols + c]);
                    double dx = c - xbar;
                    double dy = r - ybar;
                    u20 += v * dx * dx;
                    u11 += v * dx * dy;
                    u02 += v * dy * dy;
                }
            }
            return new Moments(m, xbar, ybar, u20 / m, u11 / m, u02 / m);
        }
    }
}
