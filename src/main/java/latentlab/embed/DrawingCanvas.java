package latentlab.embed;

import java.util.Arrays;

import latentlab.math.Rng;

/**
 * The drawing pad's model, free of any UI toolkit: a rows x cols grid of intensities in [0, 1] (0 = background, 1
 * = ink, as in MNIST), painted with a soft round {@link Brush}. The view turns mouse or pen positions into grid
 * coordinates and calls {@link #stroke}; {@link #toImage()} gives the pixels ready to encode.
 *
 * <h2>Coordinates</h2>
 * x runs along columns and y along rows, in pixels: pixel (row r, column c) covers [c, c + 1) x [r, r + 1), so its
 * centre is (c + 0.5, r + 0.5) and the grid spans [0, cols] x [0, rows].
 *
 * <h2>Painting</h2>
 * A stroke from p0 to p1 gives each pixel the brush intensity at the distance from its centre to the segment,
 * times the pen pressure (interpolated along the segment at the nearest point), and combines it with the pixel by
 * maximum: ink never exceeds 1 however often a spot is painted over, and a stroke drawn as many short segments
 * (mouse events) looks like one drawn in one go, with no darker beads at the joints. The eraser does the opposite,
 * {@code v = min(v, 1 - intensity)}.
 *
 * <p>Not thread-safe: the UI thread owns it; {@link #toImage()} copies, so the copy can be encoded elsewhere.
 */
public final class DrawingCanvas {
    private final int rows;
    private final int cols;
    private final float[] pixels;
    private long revision;

    /** An empty canvas of {@code rows x cols} pixels. */
    public DrawingCanvas(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("canvas must be at least 1 x 1 pixels, got " + rows + " x " + cols);
        }
        if ((long) rows * cols > 1 << 24) {
            throw new IllegalArgumentException("canvas of " + rows + " x " + cols + " pixels is too large");
        }
        this.rows = rows;
        this.cols = cols;
        this.pixels = new float[rows * cols];
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Intensity of pixel (row, col). */
    public float get(int row, int col) {
        checkPixel(row, col);
        return pixels[row * cols + col];
    }

    /** Counts changes, so a view can tell whether to re-encode. */
    public long revision() {
        return revision;
    }

    /** Whether no pixel has any ink. */
    public boolean isEmpty() {
        for (float v : pixels) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** One dab of the brush centred at (x, y), full pressure. */
    public void paint(double x, double y, Brush brush) {
        stroke(x, y, 1, x, y, 1, brush);
    }

    /** A stroke from (x0, y0) to (x1, y1) at full pressure. */
    public void stroke(double x0, double y0, double x1, double y1, Brush brush) {
        stroke(x0, y0, 1, x1, y1, 1, brush);
    }

    /**
     * A stroke from (x0, y0) with pen pressure p0 to (x1, y1) with pressure p1 (each in [0, 1]; a mouse gives 1).
     */
    public void stroke(double x0, double y0, double p0, double x1, double y1, double p1, Brush brush) {
        apply(x0, y0, p0, x1, y1, p1, brush, false);
    }

    /** Erases along a stroke, full pressure. */
    public void erase(double x0, double y0, double x1, double y1, Brush brush) {
        apply(x0, y0, 1, x1, y1, 1, brush, true);
    }

    /** Erases one dab at (x, y). */
    public void erase(double x, double y, Brush brush) {
        apply(x, y, 1, x, y, 1, brush, true);
    }

    /** Removes all ink. */
    public void clear() {
        Arrays.fill(pixels, 0f);
        revision++;
    }

    /** Replaces the canvas with an image (rows x cols values, clamped to [0, 1]), e.g. a digit from the data set. */
    public void setImage(float[] image) {
        if (image.length != pixels.length) {
            throw new IllegalArgumentException("image has " + image.length + " pixels but the canvas has "
                    + rows + " x " + cols + " = " + pixels.length);
        }
        for (int i = 0; i < image.length; i++) {
            float v = image[i];
            pixels[i] = v > 0 ? Math.min(v, 1f) : 0f; // also maps NaN to 0
        }
        revision++;
    }

    /** Applies a corruption (noise, masking, a random occlusion) to the canvas. */
    public void corrupt(Corruption corruption, Rng rng) {
        corruption.apply(pixels, 0, 1, rows, cols, rng);
        revision++;
    }

    /** Blanks rows [top, top + height) and columns [left, left + width) (clipped to the canvas): the occlusion tool. */
    public void occlude(int top, int left, int height, int width) {
        Occlusion.fill(pixels, 0, rows, cols, top, left, height, width, 0f);
        revision++;
    }

    /** A copy of the pixels, row after row, in [0, 1]: ready for {@link latentlab.nn.Codec#encode(float[])}. */
    public float[] toImage() {
        return pixels.clone();
    }

    /** Copies the pixels into {@code dst} from {@code offset}. */
    public void toImage(float[] dst, int offset) {
        System.arraycopy(pixels, 0, dst, offset, pixels.length);
    }

    private void apply(double x0, double y0, double p0, double x1, double y1, double p1, Brush brush,
                       boolean eraser) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            throw new IllegalArgumentException("stroke coordinates must be finite: (" + x0 + ", " + y0 + ") to ("
                    + x1 + ", " + y1 + ")");
        }
        double q0 = Ranges.unitInterval("pen pressure", p0);
        double q1 = Ranges.unitInterval("pen pressure", p1);
        double r = brush.radius();
        // Only pixels whose centres can lie within the radius of the segment.
        int c0 = Math.max(0, (int) Math.floor(Math.min(x0, x1) - r - 0.5));
        int c1 = Math.min(cols - 1, (int) Math.ceil(Math.max(x0, x1) + r - 0.5));
        int r0 = Math.max(0, (int) Math.floor(Math.min(y0, y1) - r - 0.5));
        int r1 = Math.min(rows - 1, (int) Math.ceil(Math.max(y0, y1) + r - 0.5));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        boolean changed = false;
        for (int row = r0; row <= r1; row++) {
            double py = row + 0.5;
            for (int col = c0; col <= c1; col++) {
                double px = col + 0.5;
                // Nearest point of the segment: the projection parameter clamped to [0, 1].
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
                double ex = px - (x0 + t * dx);
                double ey = py - (y0 + t * dy);
                double v = brush.intensity(Math.sqrt(ex * ex + ey * ey)) * (q0 + t * (q1 - q0));
                if (v <= 0) {
                    continue;
                }
                int i = row * cols + col;
                float old = pixels[i];
                float now = eraser ? Math.min(old, (float) (1 - v)) : Math.max(old, (float) v);
                if (now != old) {
                    pixels[i] = now;
                    changed = true;
                }
            }
        }
        if (changed) {
            revision++;
        }
    }

    private void checkPixel(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("pixel (" + row + ", " + col + ") is outside the " + rows + " x "
                    + cols + " canvas");
        }
    }
}
