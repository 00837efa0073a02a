package latentlab.ui.common;

import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;

/**
 * Shows an image given as floats in [0, 1] (a decoder output), enlarged by whole-pixel blocks so it stays crisp;
 * the image and its pixel buffer are reused between updates, so a slider drag allocates nothing.
 */
public final class DecodedImageView extends ImageView {
    private DigitImages digits;
    private final int targetSize;
    private float[] last;
    private int lastOff;
    private WritableImage image;
    private int[] buffer = new int[0];
    private int rows;
    private int cols;
    private int scale;
    private long updates;

    /**
     * @param targetSize about how many screen pixels the longer side should take (e.g. 280 for a 28 x 28 image
     *                   shown 10x)
     */
    public DecodedImageView(DigitImages digits, int targetSize) {
        this.digits = digits;
        this.targetSize = targetSize;
        setSmooth(false);
        getStyleClass().add("decoded-image");
    }

    /** Draws {@code d = rows * cols} intensities from {@code src[off..]}. */
    public void show(float[] src, int off, int rows, int cols) {
        if (image == null || rows != this.rows || cols != this.cols) {
            this.rows = rows;
            this.cols = cols;
            this.scale = Math.max(1, targetSize / Math.max(rows, cols));
            image = new WritableImage(cols * scale, rows * scale);
            buffer = new int[cols * scale * rows * scale];
            setImage(image);
        }
        digits.render(src, off, rows, cols, scale, image, buffer);
        last = src;
        lastOff = off;
        updates++;
    }

    /** Changes the digit colours (theme) and redraws the last image. */
    public void setDigits(DigitImages d) {
        this.digits = d;
        if (last != null && image != null) {
            digits.render(last, lastOff, rows, cols, scale, image, buffer);
        }
    }

    /** Shows the bytes of a stored image. */
    public void show(byte[] src, int off, int rows, int cols) {
        float[] f = new float[rows * cols];
        for (int i = 0; i < f.length; i++) {
            f[i] = (src[off + i] & 0xFF) / 255f;
        }
        show(f, 0, rows, cols);
    }

    /** Clears to paper colour. */
    public void clear() {
        if (image != null) {
            show(new float[rows * cols], 0, rows, cols);
        }
    }

    /** How many times the pixels were redrawn (tests check that a slider drag updates them). */
    public long updates() {
        return updates;
    }

    /** The ARGB value of source pixel (r, c) as currently drawn. */
    public int pixel(int r, int c) {
        return image == null ? 0 : image.getPixelReader().getArgb(c * scale, r * scale);
    }
}
