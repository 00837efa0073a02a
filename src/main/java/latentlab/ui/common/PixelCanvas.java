package latentlab.ui.common;

import java.util.Arrays;

/**
 * A premultiplied-ARGB pixel buffer that the scatter draws thousands of points and thumbnails into, in tight loops
 * over primitive arrays (no per-point objects, no per-point draw calls), then hands to the screen in one image.
 * Plain Java, no JavaFX: tested and benchmarked on its own.
 */
public final class PixelCanvas {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private int clipX0;
    private int clipY0;
    private int clipX1;
    private int clipY1;

    /** Resizes (reallocating only when growing). */
    public void resize(int w, int h) {
        width = Math.max(1, w);
        height = Math.max(1, h);
        if (pixels.length < width * height) {
            pixels = new int[width * height];
        }
        clip(0, 0, width, height);
    }

    /** Restricts all drawing to the rectangle [x0, x1) x [y0, y1) (clamped to the canvas). */
    public void clip(int x0, int y0, int x1, int y1) {
        clipX0 = Math.max(0, x0);
        clipY0 = Math.max(0, y0);
        clipX1 = Math.min(width, x1);
        clipY1 = Math.min(height, y1);
    }

    /** A one-pixel horizontal line from x0 to x1 (exclusive) at row y, src-over. */
    public void hline(int x0, int x1, int y, int colour) {
        if (y < clipY0 || y >= clipY1) {
            return;
        }
        for (int x = Math.max(clipX0, x0); x < Math.min(clipX1, x1); x++) {
            blend(y * width + x, colour, 256);
        }
    }

    /** A one-pixel vertical line from y0 to y1 (exclusive) at column x, src-over. */
    public void vline(int x, int y0, int y1, int colour) {
        if (x < clipX0 || x >= clipX1) {
            return;
        }
        for (int y = Math.max(clipY0, y0); y < Math.min(clipY1, y1); y++) {
            blend(y * width + x, colour, 256);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array (row-major, {@code width} per row, premultiplied ARGB). */
    public int[] pixels() {
        return pixels;
    }

    /** Fills with an opaque or transparent colour (premultiplied ARGB). */
    public void clear(int argbPre) {
        Arrays.fill(pixels, 0, width * height, argbPre);
    }

    /** Premultiplied ARGB of an 0xRRGGBB colour at opacity {@code alpha} in [0, 1]. */
    public static int premultiply(int rgb, double alpha) {
        int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
        int r = ((rgb >> 16) & 0xFF) * a / 255;
        int g = ((rgb >> 8) & 0xFF) * a / 255;
        int b = (rgb & 0xFF) * a / 255;
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** Scales all four channels of a premultiplied colour by f/256 (f in 0..256), two channels per multiply. */
    private static int scale(int c, int f) {
        int rb = (((c & 0x00FF00FF) * f) >>> 8) & 0x00FF00FF;
        int ag = (((c >>> 8) & 0x00FF00FF) * f) & 0xFF00FF00;
        return ag | rb;
    }

    /**
     * Porter-Duff src-over of a premultiplied colour with coverage {@code cov} (0..256) onto pixel {@code i}:
     * dst = src' + dst (1 - alpha(src')), with src' = src cov / 256. Uses /256 for /255 (error below one level).
     */
    private void blend(int i, int src, int cov) {
        int s = cov >= 256 ? src : scale(src, cov);
        int sa = s >>> 24;
        if (sa == 0) {
            return;
        }
        pixels[i] = s + scale(pixels[i], 256 - sa - (sa >>> 7));
    }

    /** An anti-aliased disc: per offset (dx, dy) in [-r..r] a coverage 0..256. */
    public static final class Disc {
        final int radius;
        final int size;
        final int[] coverage;
        final boolean[] solid;

        /** A disc of (fractional) radius {@code r} pixels, coverage estimated on a 4 x 4 subpixel grid. */
        public Disc(double r) {
            radius = (int) Math.ceil(r);
            size = 2 * radius + 1;
            coverage = new int[size * size];
            solid = new boolean[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int inside = 0;
                    for (int sy = 0; sy < 4; sy++) {
                        for (int sx = 0; sx < 4; sx++) {
                            double px = x - radius - 0.375 + sx * 0.25;
                            double py = y - radius - 0.375 + sy * 0.25;
                            inside += px * px + py * py <= r * r ? 1 : 0;
                        }
                    }
                    coverage[y * size + x] = inside * 16;
                    solid[y * size + x] = inside == 16;
                }
            }
        }

        public int radius() {
            return radius;
        }
    }

    /**
     * Draws points {@code order[from..to)} at screen positions (sx[i], sy[i]) with colour {@code colours[i]}
     * (premultiplied), as discs. Points outside the canvas are skipped.
     */
    public void dots(float[] sx, float[] sy, int[] order, int from, int to, int[] colours, Disc disc) {
        int r = disc.radius;
        int size = disc.size;
        int[] cov = disc.coverage;
        boolean[] solid = disc.solid;
        for (int o = from; o < to; o++) {
            int i = order[o];
            int cx = Math.round(sx[i]);
            int cy = Math.round(sy[i]);
            if (cx < clipX0 - r || cy < clipY0 - r || cx >= clipX1 + r || cy >= clipY1 + r) {
                continue;
            }
            int c = colours[i];
            boolean opaque = (c >>> 24) == 0xFF;
            for (int dy = 0; dy < size; dy++) {
                int y = cy - r + dy;
                if (y < clipY0 || y >= clipY1) {
                    continue;
                }
                int row = y * width;
                for (int dx = 0; dx < size; dx++) {
                    int x = cx - r + dx;
                    if (x < clipX0 || x >= clipX1) {
                        continue;
                    }
                    int k = dy * size + dx;
                    if (opaque && solid[k]) {
                        pixels[row + x] = c;
                    } else if (cov[k] > 0) {
                        blend(row + x, c, cov[k]);
                    }
                }
            }
        }
    }

    /** A ring (selection or hover marker) of radius r and width w around (cx, cy). */
    public void ring(double cx, double cy, double r, double w, int colour) {
        int x0 = (int) Math.floor(cx - r - w);
        int x1 = (int) Math.ceil(cx + r + w);
        int y0 = (int) Math.floor(cy - r - w);
        int y1 = (int) Math.ceil(cy + r + w);
        for (int y = Math.max(clipY0, y0); y <= Math.min(clipY1 - 1, y1); y++) {
            for (int x = Math.max(clipX0, x0); x <= Math.min(clipX1 - 1, x1); x++) {
                double d = Math.abs(Math.hypot(x - cx, y - cy) - r);
                if (d < w / 2 + 0.5) {
                    int c = (int) Math.round(256 * Math.min(1, w / 2 + 0.5 - d));
                    blend(y * width + x, colour, c);
                }
            }
        }
    }

    /**
     * Draws a greyscale image (bytes 0..255 = ink) scaled by an integer factor with its top-left at (x, y): each ink
     * pixel becomes {@code ink} at opacity intensity * {@code alpha}; paper stays transparent.
     */
    public void image(byte[] src, int off, int rows, int cols, int x, int y, int scale, int inkRgb, double alpha) {
        int ir = (inkRgb >> 16) & 0xFF;
        int ig = (inkRgb >> 8) & 0xFF;
        int ib = inkRgb & 0xFF;
        int a256 = (int) Math.round(alpha * 256);
        for (int r = 0; r < rows; r++) {
            int py0 = y + r * scale;
            if (py0 >= clipY1 || py0 + scale <= clipY0) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                int v = src[off + r * cols + c] & 0xFF;
                if (v == 0) {
                    continue;
                }
                int a = (v * a256) >> 8;
                int colour = (a << 24) | ((ir * a / 255) << 16) | ((ig * a / 255) << 8) | (ib * a / 255);
                int px0 = x + c * scale;
                for (int dy = 0; dy < scale; dy++) {
                    int py = py0 + dy;
                    if (py < clipY0 || py >= clipY1) {
                        continue;
                    }
                    int row = py * width;
                    for (int dx = 0; dx < scale; dx++) {
                        int px = px0 + dx;
                        if (px >= clipX0 && px < clipX1) {
                            blend(row + px, colour, 256);
                        }
                    }
                }
            }
        }
    }

    /**
     * Draws float intensities (0..1) as an image stretched to the rectangle [x, x+w) x [y, y+h) by nearest
     * neighbour, ink {@code inkRgb} at opacity intensity * alpha (for the manifold grid).
     */
    public void stretched(float[] src, int off, int rows, int cols, int x, int y, int w, int h, int inkRgb,
                          double alpha) {
        int ir = (inkRgb >> 16) & 0xFF;
        int ig = (inkRgb >> 8) & 0xFF;
        int ib = inkRgb & 0xFF;
        for (int py = Math.max(clipY0, y); py < Math.min(clipY1, y + h); py++) {
            int r = (py - y) * rows / h;
            int row = py * width;
            for (int px = Math.max(clipX0, x); px < Math.min(clipX1, x + w); px++) {
                int c = (px - x) * cols / w;
                float f = src[off + r * cols + c];
                if (!(f > 0.02f)) {
                    continue;
                }
                int a = (int) (Math.min(1f, f) * alpha * 255);
                int colour = (a << 24) | ((ir * a / 255) << 16) | ((ig * a / 255) << 8) | (ib * a / 255);
                blend(row + px, colour, 256);
            }
        }
    }
}
