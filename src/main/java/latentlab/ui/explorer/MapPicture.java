package latentlab.ui.explorer;

import java.nio.IntBuffer;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.PixelCanvas;

/**
 * The two layers the map is drawn in and one redraw of both: the pixel layer (background, grid lines, backdrop,
 * points, thumbnails) in a {@link PixelCanvas} shared with the screen through a {@link PixelBuffer} (no copy),
 * and the text layer (axes, labels, crosshair, markers, selection) on a canvas above it.
 */
final class MapPicture {
    private final MapViewModel map;
    private final Viewport viewport;
    private final PointCache points;
    private final PointRenderer renderer;
    private final ManifoldBackdrop manifold;
    private final MapOverlay overlay;
    private final Appearance appearance;
    private final ImageView imageView = new ImageView();
    private final Canvas text = new Canvas();
    private final PixelCanvas pixels = new PixelCanvas();
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private long lastRenderNanos;

    MapPicture(MapViewModel map, Viewport viewport, PointCache points, PointRenderer renderer,
               ManifoldBackdrop manifold, MapOverlay overlay, Appearance appearance) {
        this.map = map;
        this.viewport = viewport;
        this.points = points;
        this.renderer = renderer;
        this.manifold = manifold;
        this.overlay = overlay;
        this.appearance = appearance;
        imageView.setSmooth(false);
        imageView.setMouseTransparent(true);
        text.setMouseTransparent(true);
    }

    /** The nodes to show, bottom first, both at the map's origin. */
    Node[] layers() {
        return new Node[] {imageView, text};
    }

    /** Nanoseconds the last redraw took. */
    long lastRenderNanos() {
        return lastRenderNanos;
    }

    /** Redraws both layers for the points' positions at {@code now}, at the viewport's size. */
    void render(long now) {
        long t0 = System.nanoTime();
        ensureSize((int) Math.max(1, Math.floor(viewport.width())), (int) Math.max(1, Math.floor(viewport.height())));
        points.advance(now);
        points.project(viewport);
        paintPixels(new PixelPass(pixels, points.screenX(), points.screenY(), 1, true), now);
        buffer.updateBuffer(b -> null);
        GraphicsContext g = text.getGraphicsContext2D();
        g.clearRect(0, 0, text.getWidth(), text.getHeight());
        overlay.draw(g, text.getHeight(), map.markersShownProperty().get());
        lastRenderNanos = System.nanoTime() - t0;
    }

    /** Background, grid lines, manifold, points and thumbnails into {@code p}. */
    void paintPixels(PixelPass p, long now) {
        LatentSpaceModel space = map.space();
        Runnable backdrop = !map.manifoldProperty().get() ? null : () -> manifold.paint(p, viewport, space,
                points.latentSize(), map.gridSizeProperty().get(), appearance.getTheme(), now);
        renderer.paint(p, viewport, points, map.coloursProperty().get(), space.getDisplay(),
                space.selection().isolatedClassProperty().get(), new PointRenderer.Style(
                        map.thumbnailsProperty().get(), map.thumbnailScaleProperty().get(), appearance.getTheme()),
                backdrop);
    }

    /** Replaces the text layer by one line in the middle of the plot (the map stopped drawing). */
    void showNote(String message) {
        GraphicsContext g = text.getGraphicsContext2D();
        g.clearRect(0, 0, text.getWidth(), text.getHeight());
        overlay.note(g, message);
    }

    private void ensureSize(int w, int h) {
        if (image == null || pixels.width() != w || pixels.height() != h) {
            pixels.resize(w, h);
            // PixelBuffer reads the first w*h ints with stride w; a larger array is fine.
            int[] px = pixels.pixels();
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(px, 0, px.length), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
            imageView.setImage(image);
            text.setWidth(w);
            text.setHeight(h);
        }
    }
}
