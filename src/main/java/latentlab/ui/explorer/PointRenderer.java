package latentlab.ui.explorer;

import java.util.Arrays;

import latentlab.data.Dataset;
import latentlab.ui.common.PixelCanvas;
import latentlab.ui.common.Theme;

/**
 * Draws the map's pixel layer: the plot's background and grid lines, the manifold backdrop, then every point as
 * an anti-aliased dot in its colour and drawing order, in one tight loop over the point cache's arrays (no
 * per-point objects or draw calls), or, in thumbnail mode, small dots under the images that
 * {@link ThumbnailLayout} chose, each blitted from the data set's bytes in its class's ink. Dots shrink as the
 * points get denser (3.2, 2.3 or 1.6 pixels' radius above 3,000 and 20,000 points).
 */
final class PointRenderer {
    private PixelCanvas.Disc disc;
    private double discRadius;
    private byte[] raw = new byte[0];
    private int[] thumbnails = new int[ThumbnailLayout.LIMIT];
    private int thumbnailCount;

    /** How to draw the points: as dots or thumbnails (enlarged by a whole factor), in a theme's colours. */
    record Style(boolean thumbnails, int thumbnailScale, Theme theme) {
    }

    /**
     * Paints background, grid lines, the backdrop (via {@code backdrop}, may be null) and the points into the pass.
     *
     * @param images the display images (for thumbnails; may be null)
     */
    void paint(PixelPass p, Viewport v, PointCache pts, PointColours colours, Dataset images, int isolated,
               Style style, Runnable backdrop) {
        PixelCanvas c = p.canvas();
        double s = p.scale();
        Theme theme = style.theme();
        c.clear(PixelCanvas.premultiply(theme.plotBackground(), 1.0));
        int x0 = (int) Math.round(v.plotLeft() * s);
        int y0 = (int) Math.round(v.plotTop() * s);
        int x1 = (int) Math.round(v.plotRight() * s);
        int y1 = (int) Math.round(v.plotBottom() * s);
        c.clip(x0, y0, x1, y1);
        MapAxes.gridLines(c, v, pts.latentSize(), s, x0, y0, x1, y1, theme);
        if (backdrop != null) {
            backdrop.run();
        }
        int n = pts.size();
        if (colours.colours().length != n) {
            return; // the colours of these points are on their way (never drawn with another set's colours)
        }
        double radius = (n > 20_000 ? 1.6 : n > 3000 ? 2.3 : 3.2) * s;
        if (style.thumbnails()) {
            c.dots(p.xs(), p.ys(), colours.order(), 0, n, colours.colours(), disc(radius * 0.7));
            int drawn = thumbnails(p, v, pts, images, isolated, style);
            if (p.live()) {
                thumbnailCount = drawn;
            }
        } else {
            if (p.live()) {
                thumbnailCount = 0;
            }
            c.dots(p.xs(), p.ys(), colours.order(), 0, n, colours.colours(), disc(radius));
        }
    }

    /** Thumbnails drawn in the last live redraw. */
    int thumbnailCount() {
        return thumbnailCount;
    }

    /** Indices of the images drawn as thumbnails in the last live redraw (a new array). */
    int[] thumbnailIndices() {
        return Arrays.copyOf(thumbnails, thumbnailCount);
    }

    private PixelCanvas.Disc disc(double r) {
        if (disc == null || discRadius != r) {
            disc = new PixelCanvas.Disc(r);
            discRadius = r;
        }
        return disc;
    }

    private int thumbnails(PixelPass p, Viewport v, PointCache pts, Dataset d, int isolated, Style style) {
        int n = pts.size();
        if (d == null || n == 0 || d.size() < n) {
            return 0;
        }
        PixelCanvas c = p.canvas();
        double s = p.scale();
        int rows = d.rows();
        int cols = d.cols();
        int scale = Math.max(1, (int) Math.round(style.thumbnailScale() * s));
        int tw = cols * scale;
        int th = rows * scale;
        int cell = Math.max(tw, th) + 2;
        int[] chosen = p.live() ? thumbnails : new int[ThumbnailLayout.LIMIT];
        if (raw.length < d.dimension()) {
            raw = new byte[d.dimension()];
        }
        byte[] bytes = raw;
        int[] labels = pts.labels();
        float[] xs = p.xs();
        float[] ys = p.ys();
        Theme theme = style.theme();
        return ThumbnailLayout.choose(xs, ys, labels, pts.priority(), n, isolated, v.plotLeft() * s,
                v.plotTop() * s, v.plotRight() * s, v.plotBottom() * s, cell, c.width(), c.height(), chosen, i -> {
                    d.copyRaw(i, bytes, 0);
                    c.image(bytes, 0, rows, cols, Math.round(xs[i] - tw / 2f), Math.round(ys[i] - th / 2f), scale,
                            theme.thumbnailInk(labels[i]), 1.0);
                });
    }
}
