package latentlab.embed;

/**
 * Frames a drawn digit the way MNIST's digits were framed, so that a digit drawn large or off-centre on the pad
 * encodes like the training images. From the MNIST description (LeCun, Cortes and Burges, "The MNIST database of
 * handwritten digits"): the digits were "size normalized to fit in a 20x20 pixel box while preserving their aspect
 * ratio" with anti-aliasing, then "centered in a 28x28 image by computing the center of mass of the pixels, and
 * translating the image so as to position this point at the center" — at pixel (14, 14) counted from 0, as the
 * test digits' centres of mass show.
 *
 * <p>Here both steps are one resampling: the ink's bounding box is scaled by the largest factor that fits it into a
 * box of 20/28 of the image's height and width, and placed so that its centre of mass (intensity-weighted, at pixel
 * centres) lands on the image centre. Each output pixel averages the source over its footprint (4 x 4 bilinear
 * samples), which anti-aliases when shrinking and smooths when enlarging.
 *
 * <p>An image whose ink already fits the box exactly (scale 1, as every MNIST digit: their longer side is 20
 * pixels) is only moved, by the whole number of pixels nearest to the centre-of-mass offset, without resampling:
 * resampling at scale 1 would blur it (it changes about 30% of an MNIST digit's ink) for a sub-pixel gain. So a
 * real digit loaded onto the pad is encoded as it is.
 */
public final class DigitFraming {
    /** MNIST's box: 20 of 28 pixels. */
    public static final double BOX_FRACTION = 20.0 / 28.0;
    /** Samples per output pixel along each axis. */
    private static final int SUPERSAMPLE = 4;

    private DigitFraming() {
    }

    /**
     * The framed copy of a {@code rows x cols} image with values in [0, 1]; an image without ink comes back as an
     * unchanged copy.
     */
    public static float[] frame(float[] image, int rows, int cols) {
        if (image.length != rows * cols) {
            throw new IllegalArgumentException("image has " + image.length + " pixels, not " + rows + " x " + cols);
        }
        int top = rows;
        int bottom = -1;
        int left = cols;
        int right = -1;
        double mass = 0;
        double my = 0;
        double mx = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = image[r * cols + c];
                if (v > 0) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                    mass += v;
                    my += v * (r + 0.5);
                    mx += v * (c + 0.5);
                }
            }
        }
        if (bottom < 0) {
            return image.clone();
        }
        double height = bottom - top + 1;
        double width = right - left + 1;
        double scale = Math.min(BOX_FRACTION * rows / height, BOX_FRACTION * cols / width);
        // Output point u maps to source point (u - centre) / scale + centre of mass.
        double comY = my / mass;
        double comX = mx / mass;
        // MNIST put the centre of mass at pixel (14, 14) counted from 0, whose centre is at 14.5 here (its test
        // digits' centres of mass average 14.49 and 14.50, with a spread of 0.29).
        double centreY = Math.floor(rows / 2.0) + 0.5;
        double centreX = Math.floor(cols / 2.0) + 0.5;
        if (Math.abs(scale - 1) < 1e-9) {
            return shifted(image, rows, cols, (int) Math.round(centreY - comY), (int) Math.round(centreX - comX));
        }
        float[] out = new float[rows * cols];
        double step = 1.0 / SUPERSAMPLE;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sum = 0;
                for (int a = 0; a < SUPERSAMPLE; a++) {
                    double sy = (r + (a + 0.5) * step - centreY) / scale + comY;
                    for (int b = 0; b < SUPERSAMPLE; b++) {
                        double sx = (c + (b + 0.5) * step - centreX) / scale + comX;
                        sum += bilinear(image, rows, cols, sy, sx);
                    }
                }
                out[r * cols + c] = (float) Math.min(1, sum / (SUPERSAMPLE * SUPERSAMPLE));
            }
        }
        return out;
    }

    /** The image moved by (dy, dx) whole pixels; what leaves the image is lost, what enters is 0. */
    static float[] shifted(float[] image, int rows, int cols, int dy, int dx) {
        float[] out = new float[rows * cols];
        for (int r = Math.max(0, dy); r < Math.min(rows, rows + dy); r++) {
            for (int c = Math.max(0, dx); c < Math.min(cols, cols + dx); c++) {
                out[r * cols + c] = image[(r - dy) * cols + (c - dx)];
            }
        }
        return out;
    }

    /** The image at continuous point (y, x), pixel centres at half-integers, 0 outside. */
    private static double bilinear(float[] image, int rows, int cols, double y, double x) {
        double fy = y - 0.5;
        double fx = x - 0.5;
        int r = (int) Math.floor(fy);
        int c = (int) Math.floor(fx);
        double wy = fy - r;
        double wx = fx - c;
        return (1 - wy) * ((1 - wx) * at(image, rows, cols, r, c) + wx * at(image, rows, cols, r, c + 1))
                + wy * ((1 - wx) * at(image, rows, cols, r + 1, c) + wx * at(image, rows, cols, r + 1, c + 1));
    }

    private static double at(float[] image, int rows, int cols, int r, int c) {
        return r < 0 || r >= rows || c < 0 || c >= cols ? 0 : image[r * cols + c];
    }
}
