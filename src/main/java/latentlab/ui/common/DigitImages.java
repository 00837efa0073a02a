package latentlab.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Renders greyscale images into {@link WritableImage}s enlarged by whole-pixel blocks (nearest neighbour), so a
 * 28 x 28 digit stays crisp at any size instead of being smoothed into a blur.
 */
public final class DigitImages {
    private final int[] lut = new int[256];

    /**
     * @param paper colour of intensity 0
     * @param ink   colour of intensity 1 (255)
     */
    public DigitImages(Color paper, Color ink) {
        for (int v = 0; v < 256; v++) {
            double t = v / 255.0;
            lut[v] = argb(paper.interpolate(ink, t));
        }
    }

    private static final DigitImages LIGHT = new DigitImages(latentlab.ui.common.Theme.LIGHT);
    private static final DigitImages DARK = new DigitImages(latentlab.ui.common.Theme.DARK);

    private DigitImages(latentlab.ui.common.Theme t) {
        this(latentlab.ui.common.Theme.color(t.paper()), latentlab.ui.common.Theme.color(t.ink()));
    }

    /** Dark ink on white paper. */
    public static DigitImages light() {
        return LIGHT;
    }

    /** The digit colours of a theme (dark ink on white, or white on black). */
    public static DigitImages of(latentlab.ui.common.Theme theme) {
        return theme == latentlab.ui.common.Theme.DARK ? DARK : LIGHT;
    }

    private static int argb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** ARGB colour for a byte intensity 0..255. */
    public int colour(int v) {
        return lut[v & 0xFF];
    }

    /** A new image of {@code rows x cols} unsigned bytes from {@code src[offset..]}, each pixel a scale x scale block. */
    public WritableImage render(byte[] src, int offset, int rows, int cols, int scale) {
        WritableImage img = new WritableImage(cols * scale, rows * scale);
        int[] buf = new int[cols * scale * rows * scale];
        int w = cols * scale;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int argb = lut[src[offset + r * cols + c] & 0xFF];
                int base = r * scale * w + c * scale;
                for (int dy = 0; dy < scale; dy++) {
                    int row = base + dy * w;
                    for (int dx = 0; dx < scale; dx++) {
                        buf[row + dx] = argb;
                    }
                }
            }
        }
        img.getPixelWriter().setPixels(0, 0, w, rows * scale, PixelFormat.getIntArgbInstance(), buf, 0, w);
        return img;
    }

    /**
     * Draws float intensities (0..1, clamped) into an existing image of {@code cols*scale x rows*scale},
     * reusing {@code buf} (at least that many ints) so that nothing is allocated per update.
     */
    public void render(float[] src, int offset, int rows, int cols, int scale, WritableImage img, int[] buf) {
        int w = cols * scale;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float f = src[offset + r * cols + c];
                int v = f <= 0 ? 0 : f >= 1 ? 255 : (int) (f * 255f + 0.5f);
                int argb = lut[v];
                int base = r * scale * w + c * scale;
                for (int dy = 0; dy < scale; dy++) {
                    int row = base + dy * w;
                    for (int dx = 0; dx < scale; dx++) {
                        buf[row + dx] = argb;
                    }
                }
            }
        }
        img.getPixelWriter().setPixels(0, 0, w, rows * scale, PixelFormat.getIntArgbInstance(), buf, 0, w);
    }
}
