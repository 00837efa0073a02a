package latentlab.ui.explorer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import latentlab.data.ClassNames;
import latentlab.data.Dataset;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.PixelCanvas;
import latentlab.ui.common.Theme;

/**
 * Draws the latent map of any codes of the display images as the map draws them, for an animation of a run's
 * history rendered after the fact: the plot, its grid, the points in their classes' colours (or the thumbnails, if
 * the map shows them) with the classes' names at their medians, the axes, the legend, and a caption (step, epoch,
 * loss) in the plot's top left corner. Each frame is fitted to its own codes, as the live map follows them.
 *
 * <p>The settings (theme, text size, dimensions shown, thumbnails, labels) are taken when it is made, on the FX
 * thread. {@link #paint} runs on a background thread: the pixel layer is drawn there ({@link PointRenderer} into a
 * {@link PixelCanvas}); only the text layer, which needs a JavaFX canvas, is drawn on the FX thread, handed over
 * with {@link Platform#runLater} (the background thread waits for it; the FX thread never waits).
 */
public final class MomentMapPainter {
    private final MapViewModel map;
    private final Appearance appearance;
    private final String axisPrefix;
    private final int width;
    private final int height;
    private final Theme theme;
    private final double fs;
    private final Dataset display;
    private final int[] labels;
    private final int dimX;
    private final int dimY;
    private final boolean thumbnails;
    private final int thumbnailScale;
    private final boolean clusterLabels;
    private final boolean legend;

    /** The map's settings now, for frames of {@code width x height} pixels. Call on the FX thread. */
    public MomentMapPainter(LatentScatterView scatter, Appearance appearance, String axisPrefix, int width,
                            int height) {
        this.map = scatter.viewModel();
        this.appearance = appearance;
        this.axisPrefix = axisPrefix;
        this.width = width;
        this.height = height;
        this.theme = appearance.getTheme();
        this.fs = appearance.scaleProperty().get();
        LatentSpaceModel space = map.space();
        this.display = space.getDisplay();
        if (display == null) {
            throw new IllegalStateException("no images to draw: open a data set first");
        }
        this.labels = new int[display.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = display.label(i);
        }
        this.dimX = space.dimXProperty().get();
        this.dimY = space.dimYProperty().get();
        this.thumbnails = map.thumbnailsProperty().get();
        this.thumbnailScale = map.thumbnailScaleProperty().get();
        this.clusterLabels = map.clusterLabelsProperty().get();
        // Frames are coloured by class: the colours by a number would need that number at each moment.
        this.legend = !map.colourByProperty().get().continuous();
    }

    /** The images whose codes {@link #paint} takes. */
    public Dataset display() {
        return display;
    }

    /**
     * One frame (opaque ARGB, row-major, {@code width x height}) of the codes {@code codes} ({@code n x k}).
     * Call on a background thread.
     *
     * @param caption the line written in the plot's corner, e.g. "step 1,200 · epoch 2.40 · loss 95.1"
     */
    public int[] paint(float[] codes, int k, String caption) throws InterruptedException {
        int n = labels.length;
        int dx = Math.min(dimX, k - 1);
        int dy = Math.min(dimY, k - 1);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = codes[i * k + dx];
            y[i] = k == 1 ? MapViewModel.jitter(i) : codes[i * k + dy];
        }
        float[][] medians = MapViewModel.medians(labels, x, y, n, Math.min(display.classCount(), 64));
        PointCache points = new PointCache();
        points.retarget(new MapPoints(n, k, dx, dy, labels, x, y, medians, false), 0);
        Viewport v = new Viewport();
        v.setSize(width, height);
        v.fitTo(x, y, n);
        v.showFit();
        points.project(v);
        PixelCanvas pc = new PixelCanvas();
        pc.resize(width, height);
        PointColours colours = PointColours.of(labels, n, ColourBy.LABEL, null, theme, -1);
        new PointRenderer().paint(new PixelPass(pc, points.screenX(), points.screenY(), 1, false), v, points, colours,
                display, -1, new PointRenderer.Style(thumbnails, thumbnailScale, theme), null);
        FutureTask<int[]> text = new FutureTask<>(() -> textLayer(v, k, dx, dy, medians, caption));
        Platform.runLater(text);
        try {
            return MapExport.composite(text.get(), pc.pixels(), width * height);
        } catch (ExecutionException e) {
            throw new IllegalStateException("drawing a frame's text failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            text.cancel(false);
            throw e;
        }
    }

    /** Axes, class names, legend and caption, premultiplied ARGB (FX thread). */
    private int[] textLayer(Viewport v, int k, int dx, int dy, float[][] medians, String caption) {
        Canvas canvas = new Canvas(width, height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        MapAxes.draw(g, v, k, dx, dy, axisPrefix, height, theme, fs);
        Color halo = Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.9);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(4);
        if (clusterLabels) {
            ClassNames names = display.classNames();
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 20 * fs));
            g.setTextAlign(TextAlignment.CENTER);
            for (int c = 0; c < medians.length; c++) {
                if (medians[c] != null) {
                    double cx = v.screenX(medians[c][0]);
                    double cy = v.screenY(medians[c][1]);
                    g.setStroke(halo);
                    g.strokeText(names.name(c), cx, cy);
                    g.setFill(Theme.color(theme.thumbnailInk(c)));
                    g.fillText(names.name(c), cx, cy);
                }
            }
        }
        if (legend) {
            new LegendPainter(map, appearance, axisPrefix).draw(g, v, LegendLayout.Side.OVER);
        }
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13 * fs));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(halo);
        g.strokeText(caption, v.plotLeft() + 8, v.plotTop() + 6);
        g.setFill(theme.strong());
        g.fillText(caption, v.plotLeft() + 8, v.plotTop() + 6);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage over = canvas.snapshot(params, null);
        int[] top = new int[width * height];
        over.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), top, 0, width);
        return top;
    }
}
