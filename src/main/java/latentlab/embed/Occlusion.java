package latentlab.embed;

import latentlab.math.Rng;

/**
 * Occlusion: a rectangle covering {@code heightFraction} of the image's rows and {@code widthFraction} of its
 * columns (rounded to whole pixels) is set to 0, at a place drawn uniformly among those where it fits inside the
 * image. {@link #fill} blanks a given rectangle, for the drawing pad's occlusion tool.
 *
 * @param heightFraction rectangle height as a fraction of the image height, in [0, 1]
 * @param widthFraction  rectangle width as a fraction of the image width, in [0, 1]
 */
public record Occlusion(double heightFraction, double widthFraction) implements Corruption {
    public Occlusion {
        Ranges.unitInterval("occlusion height fraction", heightFraction);
        Ranges.unitInterval("occlusion width fraction", widthFraction);
    }

    @Override
    public void apply(float[] x, int off, int count, int rows, int cols, Rng rng) {
        int h = (int) Math.round(heightFraction * rows);
        int w = (int) Math.round(widthFraction * cols);
        int d = rows * cols;
        for (int i = 0; i < count; i++) {
            int top = rng.nextInt(rows - h + 1);
            int left = rng.nextInt(cols - w + 1);
            fill(x, off + i * d, rows, cols, top, left, h, w, 0f);
        }
    }

    /**
     * Sets the pixels of rows [top, top + height) and columns [left, left + width) of one image to {@code value};
     * the part of the rectangle outside the image is ignored.
     */
    public static void fill(float[] x, int off, int rows, int cols, int top, int left, int height, int width,
                            float value) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("rectangle size must not be negative, got " + height + " x " + width);
        }
        int r0 = Math.max(0, top);
        int r1 = (int) Math.min(rows, (long) top + height);
        int c0 = Math.max(0, left);
        int c1 = (int) Math.min(cols, (long) left + width);
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                x[off + r * cols + c] = value;
            }
        }
    }

    @Override
    public String describe() {
        return heightFraction == widthFraction ? "occlusion:" + heightFraction
                : "occlusion:" + heightFraction + "," + widthFraction;
    }
}
