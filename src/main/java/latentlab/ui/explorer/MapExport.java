package latentlab.ui.explorer;

import java.util.function.Consumer;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import latentlab.ui.common.PixelCanvas;

/**
 * The map as a picture at 1x or 2x its size on screen, drawn afresh at that resolution so that points,
 * thumbnails, text and lines stay sharp: the pixel layer into a new {@link PixelCanvas} with the points'
 * coordinates scaled, the text layer (with the legend, which on screen is a node of its own) onto a transparent
 * canvas snapshot, then the text composited over the pixels (src-over of premultiplied colours).
 */
final class MapExport {
    private final Viewport viewport;
    private final PointCache points;
    private final Consumer<PixelPass> pixels;
    private final MapOverlay overlay;
    private final LegendPainter legend;

    /** @param pixels paints the pixel layer into a pass (the view's renderer with its backdrop) */
    MapExport(Viewport viewport, PointCache points, Consumer<PixelPass> pixels, MapOverlay overlay,
              LegendPainter legend) {
        this.viewport = viewport;
        this.points = points;
        this.pixels = pixels;
        this.overlay = overlay;
        this.legend = legend;
    }

    /**
     * The picture, opaque ARGB, row-major; its size goes to {@code size} {width, height}. Call on the FX thread.
     *
     * @param scale        1 or 2 (times the size on screen)
     * @param markers      whether the tools' markers are included
     * @param legendSide   where the legend sits: beside, above or over the plot
     */
    int[] render(double scale, boolean markers, LegendLayout.Side legendSide, int[] size) {
        int w = (int) Math.round(Math.max(1, Math.floor(viewport.width())) * scale);
        int h = (int) Math.round(Math.max(1, Math.floor(viewport.height())) * scale);
        float[][] xy = points.scaledScreen(scale);
        PixelCanvas pc = new PixelCanvas();
        pc.resize(w, h);
        pixels.accept(new PixelPass(pc, xy[0], xy[1], scale, false));
        Canvas text = new Canvas(w, h);
        GraphicsContext g = text.getGraphicsContext2D();
        g.scale(scale, scale);
        overlay.draw(g, h / scale, markers);
        legend.draw(g, viewport, legendSide);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage over = text.snapshot(params, null);
        int[] top = new int[w * h];
        over.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), top, 0, w);
        int[] result = composite(top, pc.pixels(), w * h);
        size[0] = w;
        size[1] = h;
        return result;
    }

    /** Premultiplied {@code top} over {@code bottom}, made opaque: out = top + bottom (1 - alpha(top)). */
    static int[] composite(int[] top, int[] bottom, int count) {
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            int a = top[i] >>> 24;
            int inv = 255 - a;
            int d = bottom[i];
            int r = ((top[i] >> 16) & 0xFF) + (((d >> 16) & 0xFF) * inv + 127) / 255;
            int g = ((top[i] >> 8) & 0xFF) + (((d >> 8) & 0xFF) * inv + 127) / 255;
            int b = (top[i] & 0xFF) + ((d & 0xFF) * inv + 127) / 255;
            result[i] = 0xFF000000 | (Math.min(255, r) << 16) | (Math.min(255, g) << 8) | Math.min(255, b);
        }
        return result;
    }
}
