package latentlab.ui.explorer;

import java.nio.IntBuffer;
import java.util.Arrays;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import latentlab.data.Dataset;
import latentlab.nn.Codec;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.NiceTicks;
import latentlab.ui.common.PixelCanvas;
import latentlab.ui.common.Showing;
import latentlab.ui.common.Theme;

/**
 * The latent map: every display image as a dot at its code (or as its own thumbnail), coloured by label, with
 * axes, a legend that isolates a class, zoom about the cursor, panning, hover details, selection, the slider
 * position as a crosshair, and optionally the decoder's output over the visible region as a backdrop.
 *
 * <p>Rendering follows chart-fx's approach for many points: screen coordinates are computed in one loop into
 * primitive arrays and the points are drawn into a pixel buffer ({@link PixelCanvas}) that is shown as one image;
 * text and lines go on a canvas above it. Redraws happen at most once per pulse and only when something changed.
 * When the codes change (training) the points glide to their new places, keeping their identity.
 */
public final class LatentScatterView extends Region {
    private static final double LEFT = 58;
    private static final double BOTTOM = 42;
    private static final double TOP = 12;
    private static final double RIGHT = 14;
    private static final long TWEEN_NANOS = 220_000_000L;
    private static final double PICK_RADIUS = 7;

    private final LatentSpaceModel model;
    private final SelectionModel selection;
    private final String axisPrefix;
    private final Appearance appearance;
    private final BooleanProperty thumbnails = new SimpleBooleanProperty(this, "thumbnails", false);
    private final BooleanProperty manifold = new SimpleBooleanProperty(this, "manifold", false);
    private final BooleanProperty clusterLabels = new SimpleBooleanProperty(this, "clusterLabels", true);
    private final IntegerProperty gridSize = new SimpleIntegerProperty(this, "gridSize", 12);
    private final IntegerProperty thumbnailScale = new SimpleIntegerProperty(this, "thumbnailScale", 1);
    private final ReadOnlyBooleanWrapper autoFit = new ReadOnlyBooleanWrapper(this, "autoFit", true);

    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final ScatterLegend legend;
    private final javafx.beans.property.ObjectProperty<latentlab.ui.explorer.ColourBy> colourBy =
            new javafx.beans.property.SimpleObjectProperty<>(this, "colourBy", latentlab.ui.explorer.ColourBy.LABEL);
    /** The continuous colour map in use (null when colouring by label or while the values are unknown). */
    private latentlab.ui.common.ColourScale colourScale;
    private final VBox tip = new VBox(4);
    private final ImageView tipImage = new ImageView();
    private final Label tipText = new Label();

    private final PixelCanvas pixels = new PixelCanvas();
    private final GridDecoder grid = new GridDecoder("manifold");
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;

    // View bounds in code units (current, eased towards the target while auto-fitting).
    private double vx0 = -1;
    private double vx1 = 1;
    private double vy0 = -1;
    private double vy1 = 1;
    private double fx0 = -1;
    private double fx1 = 1;
    private double fy0 = -1;
    private double fy1 = 1;

    private int n;
    private int k;
    private int[] labels = new int[0];
    private float[] fromX = new float[0];
    private float[] fromY = new float[0];
    private float[] toX = new float[0];
    private float[] toY = new float[0];
    private float[] curX = new float[0];
    private float[] curY = new float[0];
    private float[] sx = new float[0];
    private float[] sy = new float[0];
    private int[] colours = new int[0];
    private int[] order = new int[0];
    private int[] priority = new int[0];
    private float[][] medians = new float[0][];
    private long tweenStart;
    private boolean dirty = true;
    private long lastFrame;
    private long lastRenderNanos;
    private long lastRender;
    private int thumbnailsDrawn;
    private int[] thumbnailIndices = new int[0];
    private long gridRequestedAt;
    private Object lastGridTag;
    private byte[] raw = new byte[0];

    private double pressX;
    private double pressY;
    private double lastDragX;
    private double lastDragY;
    private boolean draggingCrosshair;
    private boolean dragged;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    /**
     * @param model      the latent space to show
     * @param axisPrefix "a" for an autoencoder (axes a1, a2), "PC" for PCA
     * @param appearance theme and text scale
     */
    public LatentScatterView(LatentSpaceModel model, String axisPrefix, Appearance appearance) {
        this.model = model;
        this.selection = model.selection();
        this.axisPrefix = axisPrefix;
        this.appearance = appearance;
        getStyleClass().add("latent-scatter");
        thumbnailScale.bind(javafx.beans.binding.Bindings.when(appearance.largeThumbnailsProperty()).then(2).otherwise(1));

        imageView.setSmooth(false);
        imageView.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        legend = new ScatterLegend(selection, appearance, colourBy, axisPrefix);
        legend.setClasses(model.getDisplay() == null ? 0 : model.getDisplay().classCount());
        legend.setLatentSize(model.getLatentSize());
        appearance.themeProperty().addListener((o, a, b) -> {
            legend.setClasses(model.getDisplay() == null ? 0 : model.getDisplay().classCount());
            rebuildColours();
            markDirty();
        });
        appearance.scaleProperty().addListener((o, a, b) -> markDirty());
        tip.getStyleClass().add("scatter-tip");
        tip.setMouseTransparent(true);
        tip.setVisible(false);
        tipImage.setSmooth(false);
        tip.getChildren().addAll(tipImage, tipText);
        getChildren().addAll(imageView, overlay, legend, tip);
        // A click or drag on the legend is the legend's: it must not also select, move the crosshair or pan the map
        // underneath (the events would bubble up to this pane's handlers).
        legend.addEventHandler(MouseEvent.ANY, MouseEvent::consume);
        legend.addEventHandler(javafx.scene.input.ScrollEvent.ANY, javafx.scene.input.ScrollEvent::consume);

        model.codesProperty().addListener((o, a, b) -> codesChanged(true));
        model.codecProperty().addListener((o, a, b) -> {
            if (manifold.get()) {
                markDirty();
            }
        });
        model.dimXProperty().addListener((o, a, b) -> codesChanged(true));
        model.dimYProperty().addListener((o, a, b) -> codesChanged(true));
        model.displayProperty().addListener((o, a, b) -> {
            legend.setClasses(b == null ? 0 : b.classCount());
            codesChanged(false);
        });
        model.position().addListener((arr, changed, from, to) -> markDirty());
        selection.selectedProperty().addListener((o, a, b) -> markDirty());
        selection.hoveredProperty().addListener((o, a, b) -> markDirty());
        selection.isolatedClassProperty().addListener((o, a, b) -> {
            rebuildColours();
            markDirty();
        });
        colourBy.addListener((o, a, b) -> {
            if (b == null) {
                colourBy.set(latentlab.ui.explorer.ColourBy.LABEL);
                return;
            }
            model.wantErrors(this, b instanceof latentlab.ui.explorer.ColourBy.Error);
            rebuildColours();
            markDirty();
        });
        model.errorsProperty().addListener((o, a, b) -> {
            if (colourBy.get() instanceof latentlab.ui.explorer.ColourBy.Error) {
                rebuildColours();
                markDirty();
            }
        });
        model.latentSizeProperty().addListener((o, a, b) -> {
            legend.setLatentSize(b.intValue());
            if (colourBy.get() instanceof latentlab.ui.explorer.ColourBy.Dimension dim && dim.index() >= b.intValue()) {
                colourBy.set(latentlab.ui.explorer.ColourBy.LABEL);
            }
        });
        model.annotations().addListener((javafx.collections.MapChangeListener<String, java.util.List<latentlab.ui.explorer.Annotation>>) c -> markDirty());
        annotationFilter.addListener(o -> markDirty());
        for (var p : new javafx.beans.Observable[] {thumbnails, manifold, clusterLabels, gridSize, thumbnailScale}) {
            p.addListener(o -> {
                lastGridTag = null;
                markDirty();
            });
        }
        widthProperty().addListener(o -> markDirty());
        heightProperty().addListener(o -> markDirty());

        setOnMouseMoved(this::mouseMoved);
        setOnMouseExited(e -> {
            selection.hoveredProperty().set(-1);
            tip.setVisible(false);
        });
        setOnMousePressed(this::mousePressed);
        setOnMouseDragged(this::mouseDragged);
        setOnMouseReleased(this::mouseReleased);
        setOnScroll(this::scrolled);
        Showing.drive(this, timer);
        codesChanged(false);
    }

    private final javafx.beans.property.ObjectProperty<java.util.function.Predicate<String>> annotationFilter =
            new javafx.beans.property.SimpleObjectProperty<>(this, "annotationFilter");

    /** Which tools' annotations (by their key in the model) this map draws; null (the default) draws them all. */
    public javafx.beans.property.ObjectProperty<java.util.function.Predicate<String>> annotationFilterProperty() {
        return annotationFilter;
    }

    /** What the points' colours show: the label, the reconstruction error or one latent dimension. */
    public javafx.beans.property.ObjectProperty<latentlab.ui.explorer.ColourBy> colourByProperty() {
        return colourBy;
    }

    /** The continuous colour map of the points, or null when they are coloured by label. */
    public latentlab.ui.common.ColourScale colourScale() {
        return colourScale;
    }

    /** Draw each image as a thumbnail (with level of detail) instead of a dot. */
    public BooleanProperty thumbnailsProperty() {
        return thumbnails;
    }

    /** Show the decoded manifold over the visible region behind the points. */
    public BooleanProperty manifoldProperty() {
        return manifold;
    }

    /** Write each class's label at the median of its codes. */
    public BooleanProperty clusterLabelsProperty() {
        return clusterLabels;
    }

    /** Cells along the shorter side of the manifold grid. */
    public IntegerProperty gridSizeProperty() {
        return gridSize;
    }

    /** Integer enlargement of thumbnails (2 for a lecture hall). */
    public IntegerProperty thumbnailScaleProperty() {
        return thumbnailScale;
    }

    /** Whether the view follows the codes (until the user zooms or pans). */
    public ReadOnlyBooleanProperty autoFitProperty() {
        return autoFit.getReadOnlyProperty();
    }

    /** Fits the view to the codes again (and keeps following them). */
    public void fit() {
        autoFit.set(true);
        computeFitTarget();
        vx0 = fx0;
        vx1 = fx1;
        vy0 = fy0;
        vy1 = fy1;
        markDirty();
    }

    private double[] pendingBounds;
    private boolean pendingFollow;

    /**
     * Shows the region {x0, x1, y0, y1} (a restored lesson); with autoFit the view follows the codes again. If the
     * codes are not shown yet, the region is applied when they arrive (which would otherwise fit the view to them).
     */
    public void setViewBounds(double[] b, boolean follow) {
        if (n == 0) {
            pendingBounds = b.clone();
            pendingFollow = follow;
            return;
        }
        pendingBounds = null;
        if (b.length == 4 && b[1] > b[0] && b[3] > b[2]) {
            vx0 = b[0];
            vx1 = b[1];
            vy0 = b[2];
            vy1 = b[3];
        }
        autoFit.set(follow);
        if (follow) {
            computeFitTarget();
        }
        markDirty();
    }

    /** The visible region in code units: {x0, x1, y0, y1}. */
    public double[] viewBounds() {
        return new double[] {vx0, vx1, vy0, vy1};
    }

    /** Where display image {@code i} is drawn, in this node's coordinates. */
    public Point2D screenPointOf(int i) {
        return new Point2D(screenX(curX[i]), screenY(curY[i]));
    }

    /** Where the code point (x, y) of the shown dimensions is drawn: {screenX, screenY}. */
    public double[] screenPointOfCode(double x, double y) {
        return new double[] {screenX(x), screenY(y)};
    }

    /** Nanoseconds the last redraw took (points, thumbnails and overlay). */
    public long lastRenderNanos() {
        return lastRenderNanos;
    }

    /** Thumbnails drawn in the last redraw. */
    public int thumbnailsDrawn() {
        return thumbnailsDrawn;
    }

    /** Indices of the images drawn as thumbnails in the last redraw. */
    public int[] thumbnailIndices() {
        return Arrays.copyOf(thumbnailIndices, thumbnailsDrawn);
    }

    /** Number of points shown. */
    public int pointCount() {
        return n;
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) about a point given in this node's coordinates. */
    public void zoom(double factor, double atX, double atY) {
        double cx = codeX(atX);
        double cy = codeY(atY);
        vx0 = cx + (vx0 - cx) * factor;
        vx1 = cx + (vx1 - cx) * factor;
        vy0 = cy + (vy0 - cy) * factor;
        vy1 = cy + (vy1 - cy) * factor;
        autoFit.set(false);
        markDirty();
    }

    /** Whether this view and all its parents are visible (a hidden tab's content is not). */
    private boolean treeVisible() {
        for (javafx.scene.Node p = this; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Marks the view for redrawing at the next pulse. */
    public void markDirty() {
        dirty = true;
    }

    /** Redraws now (benchmarks and tests); returns the time it took in nanoseconds. */
    public long redrawNow() {
        long t0 = System.nanoTime();
        render(System.nanoTime());
        return System.nanoTime() - t0;
    }

    /** Stops the animation and the background decoder. */
    public void dispose() {
        timer.stop();
        grid.close();
    }

    // ------------------------------------------------------------------ data

    private void codesChanged(boolean animate) {
        Dataset d = model.getDisplay();
        float[] codes = model.getCodes();
        int newK = model.getLatentSize();
        if (d == null || codes == null || newK == 0 || codes.length != d.size() * newK) {
            // No codes, or k changed and the matching codes are on their way.
            if (codes == null || newK == 0) {
                n = 0;
                k = 0;
            }
            markDirty();
            return;
        }
        int newN = codes.length / newK;
        int dx = Math.min(model.dimXProperty().get(), newK - 1);
        int dy = Math.min(model.dimYProperty().get(), newK - 1);
        boolean reshape = newN != n || newK != k;
        if (reshape) {
            n = newN;
            fromX = new float[n];
            fromY = new float[n];
            toX = new float[n];
            toY = new float[n];
            curX = new float[n];
            curY = new float[n];
            sx = new float[n];
            sy = new float[n];
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = d.label(i);
            }
            priority = stableShuffle(n);
            lastGridTag = null;
            grid.clear();
        } else {
            System.arraycopy(curX, 0, fromX, 0, n);
            System.arraycopy(curY, 0, fromY, 0, n);
        }
        k = newK;
        for (int i = 0; i < n; i++) {
            toX[i] = codes[i * k + dx];
            // With a one-dimensional code the vertical axis only spreads the points (a strip plot).
            toY[i] = k == 1 ? jitter(i) : codes[i * k + dy];
        }
        if (reshape || !animate) {
            System.arraycopy(toX, 0, fromX, 0, n);
            System.arraycopy(toY, 0, fromY, 0, n);
            System.arraycopy(toX, 0, curX, 0, n);
            System.arraycopy(toY, 0, curY, 0, n);
        }
        tweenStart = System.nanoTime();
        computeMedians();
        rebuildColours();
        computeFitTarget();
        if (reshape || autoFit.get() && !animate) {
            vx0 = fx0;
            vx1 = fx1;
            vy0 = fy0;
            vy1 = fy1;
        }
        if (pendingBounds != null) {
            setViewBounds(pendingBounds, pendingFollow);
        }
        markDirty();
    }

    private static float jitter(int i) {
        int h = i * 0x9E3779B1;
        h ^= h >>> 15;
        return (h & 0xFFFF) / 65535f * 2 - 1;
    }

    private static int[] stableShuffle(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        latentlab.math.Rng r = new latentlab.math.Rng(12345);
        r.shuffle(p);
        return p;
    }

    private void rebuildColours() {
        if (colours.length != n) {
            colours = new int[n];
            order = new int[n];
        }
        int iso = selection.isolatedClassProperty().get();
        double alpha = n > 20_000 ? 0.55 : 0.85;
        Theme theme = appearance.getTheme();
        int[] byClass = new int[theme.classColours()];
        for (int c = 0; c < byClass.length; c++) {
            byClass[c] = PixelCanvas.premultiply(theme.classColour(c), alpha);
        }
        int dim = PixelCanvas.premultiply(theme.dimmed(), 0.45);
        float[] values = colourValues();
        colourScale = values == null ? null : latentlab.ui.common.ColourScale.robust(values);
        int[] rgb = new int[values == null ? 0 : n];
        if (values != null) {
            colourScale.colours(values, rgb);
        }
        int front = 0;
        int back = 0;
        for (int i = 0; i < n; i++) {
            boolean dimmed = iso >= 0 && labels[i] != iso;
            colours[i] = dimmed ? dim : values != null ? PixelCanvas.premultiply(rgb[i], alpha)
                    : colourBy.get().continuous() ? PixelCanvas.premultiply(latentlab.ui.common.ColourScale.NAN_COLOUR, alpha)
                    : byClass[Math.floorMod(labels[i], byClass.length)];
            if (dimmed) {
                back++;
            }
        }
        legend.showScale(colourBy.get(), colourScale);
        // Dimmed points first, so the isolated class is drawn on top.
        front = back;
        int b = 0;
        for (int i = 0; i < n; i++) {
            boolean dimmed = iso >= 0 && labels[i] != iso;
            if (dimmed) {
                order[b++] = i;
            } else {
                order[front++] = i;
            }
        }
    }

    /** The numbers the points are coloured by (one per point), or null for colours by label or unknown values. */
    private float[] colourValues() {
        latentlab.ui.explorer.ColourBy by = colourBy.get();
        if (by instanceof latentlab.ui.explorer.ColourBy.Error) {
            float[] e = model.errorsProperty().get();
            return e != null && e.length == n ? e : null;
        }
        if (by instanceof latentlab.ui.explorer.ColourBy.Dimension dim) {
            float[] c = model.getCodes();
            if (c == null || dim.index() >= k || c.length != n * k) {
                return null;
            }
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = c[i * k + dim.index()];
            }
            return v;
        }
        return null;
    }

    private void computeMedians() {
        Dataset d = model.getDisplay();
        int classes = d == null ? 0 : Math.min(d.classCount(), 64);
        medians = new float[classes][];
        if (classes == 0 || n == 0) {
            return;
        }
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            if (labels[i] < classes) {
                counts[labels[i]]++;
            }
        }
        float[][] xs = new float[classes][];
        float[][] ys = new float[classes][];
        for (int c = 0; c < classes; c++) {
            xs[c] = new float[counts[c]];
            ys[c] = new float[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            if (c < classes) {
                xs[c][counts[c]] = toX[i];
                ys[c][counts[c]++] = toY[i];
            }
        }
        for (int c = 0; c < classes; c++) {
            if (xs[c].length == 0) {
                continue;
            }
            Arrays.sort(xs[c]);
            Arrays.sort(ys[c]);
            medians[c] = new float[] {xs[c][xs[c].length / 2], ys[c][ys[c].length / 2]};
        }
    }

    private void computeFitTarget() {
        if (n == 0) {
            return;
        }
        double[] bx = robustRange(toX);
        double[] by = robustRange(toY);
        fx0 = bx[0];
        fx1 = bx[1];
        fy0 = by[0];
        fy1 = by[1];
    }

    /** The 0.2nd to 99.8th percentile with 8% padding, from at most 4096 evenly spaced values. */
    private double[] robustRange(float[] v) {
        int stride = Math.max(1, n / 4096);
        int m = (n + stride - 1) / stride;
        float[] s = new float[m];
        for (int i = 0; i < m; i++) {
            s[i] = v[Math.min(n - 1, i * stride)];
        }
        Arrays.sort(s);
        double lo = s[(int) (0.002 * (m - 1))];
        double hi = s[(int) Math.ceil(0.998 * (m - 1))];
        double pad = Math.max(1e-3, (hi - lo) * 0.08);
        return new double[] {lo - pad, hi + pad};
    }

    // ------------------------------------------------------------------ coordinates

    private double plotW() {
        return Math.max(10, getWidth() - LEFT - RIGHT);
    }

    private double plotH() {
        return Math.max(10, getHeight() - TOP - BOTTOM);
    }

    private double screenX(double cx) {
        return LEFT + (cx - vx0) / (vx1 - vx0) * plotW();
    }

    private double screenY(double cy) {
        return TOP + (vy1 - cy) / (vy1 - vy0) * plotH();
    }

    private double codeX(double x) {
        return vx0 + (x - LEFT) / plotW() * (vx1 - vx0);
    }

    private double codeY(double y) {
        return vy1 - (y - TOP) / plotH() * (vy1 - vy0);
    }

    // ------------------------------------------------------------------ frames

    private void frame(long now) {
        if (!treeVisible()) {
            // In a tab that is not selected: draw nothing, but redraw as soon as it is shown again.
            dirty = true;
            lastFrame = 0;
            return;
        }
        double dt = lastFrame == 0 ? 0.016 : Math.min(0.1, (now - lastFrame) / 1e9);
        lastFrame = now;
        boolean tweening = now - tweenStart < TWEEN_NANOS + 20_000_000L;
        if (autoFit.get() && n > 0) {
            double a = 1 - Math.exp(-dt / 0.15);
            double moved = Math.abs(fx0 - vx0) + Math.abs(fx1 - vx1) + Math.abs(fy0 - vy0) + Math.abs(fy1 - vy1);
            if (moved > 1e-3 * (Math.abs(vx1 - vx0) + Math.abs(vy1 - vy0))) {
                vx0 += (fx0 - vx0) * a;
                vx1 += (fx1 - vx1) * a;
                vy0 += (fy0 - vy0) * a;
                vy1 += (fy1 - vy1) * a;
                tweening = true;
            }
        }
        if (manifold.get()) {
            GridDecoder.Result r = grid.result();
            if (r != null && r.version() != drawnGridVersion) {
                dirty = true;
            }
        }
        // Animation (gliding points, easing bounds) runs at up to ~30 redraws per second: smooth to the eye, and it
        // leaves the second core to training. Direct interaction (dirty) redraws at the next pulse.
        boolean animate = tweening && now - lastRender >= 30_000_000L;
        if (dirty || animate) {
            dirty = false;
            lastRender = now;
            render(now);
        }
    }

    private long drawnGridVersion = -1;

    private void render(long now) {
        long t0 = System.nanoTime();
        double w = Math.max(1, Math.floor(getWidth()));
        double h = Math.max(1, Math.floor(getHeight()));
        ensureImage((int) w, (int) h);
        double t = Math.min(1, (now - tweenStart) / (double) TWEEN_NANOS);
        double e = 1 - Math.pow(1 - t, 3);
        float ef = (float) e;
        for (int i = 0; i < n; i++) {
            curX[i] = fromX[i] + (toX[i] - fromX[i]) * ef;
            curY[i] = fromY[i] + (toY[i] - fromY[i]) * ef;
        }
        // Screen coordinates for all points in one loop over primitive arrays.
        float ax = (float) (plotW() / (vx1 - vx0));
        float bx = (float) (LEFT - vx0 * ax);
        float ay = (float) (-plotH() / (vy1 - vy0));
        float by = (float) (TOP - vy1 * ay);
        for (int i = 0; i < n; i++) {
            sx[i] = curX[i] * ax + bx;
            sy[i] = curY[i] * ay + by;
        }
        paintPixels(new Paint(pixels, sx, sy, 1, true), now);
        buffer.updateBuffer(b -> null);
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        drawOverlay(g, overlay.getWidth(), overlay.getHeight());
        lastRenderNanos = System.nanoTime() - t0;
    }

    /**
     * Where the pixel layer is drawn: the canvas, the points' coordinates in its pixels, its scale against the
     * view's layout (1 on screen, 2 for a 2x export) and whether it is the live view (which keeps bookkeeping
     * for picking and asks for manifold grids).
     */
    private record Paint(PixelCanvas canvas, float[] xs, float[] ys, double s, boolean live) {
    }

    /** Background, grid lines, manifold, points and thumbnails. */
    private void paintPixels(Paint p, long now) {
        Theme theme = appearance.getTheme();
        PixelCanvas c = p.canvas();
        double s = p.s();
        c.clear(PixelCanvas.premultiply(theme.plotBackground(), 1.0));
        int plotX0 = (int) Math.round(LEFT * s);
        int plotY0 = (int) Math.round(TOP * s);
        int plotX1 = (int) Math.round((LEFT + plotW()) * s);
        int plotY1 = (int) Math.round((TOP + plotH()) * s);
        c.clip(plotX0, plotY0, plotX1, plotY1);
        drawGridLines(c, s, plotX0, plotY0, plotX1, plotY1);
        if (manifold.get()) {
            drawManifold(p, now);
        }
        double radius = (n > 20_000 ? 1.6 : n > 3000 ? 2.3 : 3.2) * s;
        if (thumbnails.get()) {
            c.dots(p.xs(), p.ys(), order, 0, n, colours, disc(radius * 0.7));
            drawThumbnails(p);
        } else {
            if (p.live()) {
                thumbnailsDrawn = 0;
            }
            c.dots(p.xs(), p.ys(), order, 0, n, colours, disc(radius));
        }
    }

    /**
     * The map as an image at {@code scale} times its size on screen (1 or 2), drawn afresh at that resolution:
     * points, thumbnails, text and lines stay sharp. ARGB, row-major; call on the FX thread.
     */
    public int[] exportImage(double scale, int[] size) {
        int w = (int) Math.round(Math.max(1, Math.floor(getWidth())) * scale);
        int h = (int) Math.round(Math.max(1, Math.floor(getHeight())) * scale);
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (sx[i] * scale);
            ys[i] = (float) (sy[i] * scale);
        }
        PixelCanvas pc = new PixelCanvas();
        pc.resize(w, h);
        paintPixels(new Paint(pc, xs, ys, scale, false), System.nanoTime());
        Canvas text = new Canvas(w, h);
        GraphicsContext g = text.getGraphicsContext2D();
        g.scale(scale, scale);
        double lw = w / scale;
        double lh = h / scale;
        drawOverlay(g, lw, lh);
        drawLegend(g, lw);
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage over = text.snapshot(params, null);
        int[] top = new int[w * h];
        over.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), top, 0, w);
        int[] out = pc.pixels();
        int[] result = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            int a = top[i] >>> 24;
            int inv = 255 - a;
            int d = out[i];
            int r = ((top[i] >> 16) & 0xFF) + (((d >> 16) & 0xFF) * inv + 127) / 255;
            int gg = ((top[i] >> 8) & 0xFF) + (((d >> 8) & 0xFF) * inv + 127) / 255;
            int b = (top[i] & 0xFF) + ((d & 0xFF) * inv + 127) / 255;
            result[i] = 0xFF000000 | (Math.min(255, r) << 16) | (Math.min(255, gg) << 8) | Math.min(255, b);
        }
        size[0] = w;
        size[1] = h;
        return result;
    }

    /** The legend as text and circles (for exported images, where the legend node is not part of the picture). */
    private void drawLegend(GraphicsContext g, double w) {
        if (colourScale != null) {
            drawColourBar(g, w);
            return;
        }
        Dataset d = model.getDisplay();
        if (d == null || d.classCount() > 20) {
            return;
        }
        Theme theme = appearance.getTheme();
        double fs = appearance.scaleProperty().get();
        int classes = d.classCount();
        int perRow = 5;
        double chip = 34 * fs;
        double boxW = perRow * chip + 16;
        double boxH = ((classes + perRow - 1) / perRow) * 20 * fs + 14;
        double x0 = w - RIGHT - boxW - 8;
        double y0 = TOP + 8;
        g.setFill(Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.92));
        g.fillRoundRect(x0, y0, boxW, boxH, 10, 10);
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRoundRect(x0 + 0.5, y0 + 0.5, boxW - 1, boxH - 1, 10, 10);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12 * fs));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        int iso = selection.isolatedClassProperty().get();
        for (int c = 0; c < classes; c++) {
            double cx = x0 + 8 + (c % perRow) * chip;
            double cy = y0 + 7 + (c / perRow) * 20 * fs + 10 * fs;
            double alpha = iso >= 0 && c != iso ? 0.35 : 1;
            g.setFill(Theme.color(theme.classColour(c)).deriveColor(0, 1, 1, alpha));
            g.fillOval(cx, cy - 6 * fs, 12 * fs, 12 * fs);
            g.setFill(theme.strong().deriveColor(0, 1, 1, alpha));
            g.fillText(Integer.toString(c), cx + 16 * fs, cy);
        }
    }

    /** The continuous colour map's bar with its range (for exported images). */
    private void drawColourBar(GraphicsContext g, double w) {
        Theme theme = appearance.getTheme();
        double fs = appearance.scaleProperty().get();
        double boxW = 190 * fs;
        double boxH = 54 * fs;
        double x0 = w - RIGHT - boxW - 8;
        double y0 = TOP + 8;
        g.setFill(Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.92));
        g.fillRoundRect(x0, y0, boxW, boxH, 10, 10);
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRoundRect(x0 + 0.5, y0 + 0.5, boxW - 1, boxH - 1, 10, 10);
        g.setFont(Font.font("DejaVu Sans", 11 * fs));
        g.setFill(theme.axisText());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("Colour: " + colourBy.get().describe(axisPrefix), x0 + 8, y0 + 5);
        double bx = x0 + 8;
        double bw = boxW - 16;
        double by = y0 + 22 * fs;
        for (int i = 0; i < (int) bw; i++) {
            g.setFill(Theme.color(latentlab.ui.common.ColourScale.viridis(i / Math.max(1, bw - 1))));
            g.fillRect(bx + i, by, 1, 10 * fs);
        }
        g.setFill(theme.strong());
        g.fillText(ScatterLegend.format(colourScale.min()), bx, by + 12 * fs);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(ScatterLegend.format(colourScale.max()), bx + bw, by + 12 * fs);
    }

    /** Light grid lines at the tick positions, under the points. */
    private void drawGridLines(PixelCanvas c, double s, int x0, int y0, int x1, int y1) {
        int line = PixelCanvas.premultiply(appearance.getTheme().gridLine(), 1.0);
        for (double v : NiceTicks.ticks(vx0, vx1, Math.max(2, (int) (plotW() / 90)))) {
            int x = (int) Math.round(screenX(v) * s);
            for (int t = 0; t < Math.max(1, (int) s); t++) {
                c.vline(x + t, y0, y1, line);
            }
        }
        if (k != 1) {
            for (double v : NiceTicks.ticks(vy0, vy1, Math.max(2, (int) (plotH() / 70)))) {
                int y = (int) Math.round(screenY(v) * s);
                for (int t = 0; t < Math.max(1, (int) s); t++) {
                    c.hline(x0, x1, y + t, line);
                }
            }
        }
    }

    private PixelCanvas.Disc cachedDisc;
    private double cachedRadius;

    private PixelCanvas.Disc disc(double r) {
        if (cachedDisc == null || cachedRadius != r) {
            cachedDisc = new PixelCanvas.Disc(r);
            cachedRadius = r;
        }
        return cachedDisc;
    }

    private void ensureImage(int w, int h) {
        if (image == null || pixels.width() != w || pixels.height() != h) {
            pixels.resize(w, h);
            // PixelBuffer reads the first w*h ints with stride w; a larger array is fine.
            int[] px = pixels.pixels();
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(px, 0, px.length), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
            imageView.setImage(image);
            overlay.setWidth(w);
            overlay.setHeight(h);
        }
    }

    private void drawThumbnails(Paint p) {
        Dataset d = model.getDisplay();
        if (d == null || n == 0) {
            if (p.live()) {
                thumbnailsDrawn = 0;
            }
            return;
        }
        PixelCanvas pixels = p.canvas();
        float[] sx = p.xs();
        float[] sy = p.ys();
        double s = p.s();
        int rows = d.rows();
        int cols = d.cols();
        int scale = Math.max(1, (int) Math.round(thumbnailScale.get() * s));
        int tw = cols * scale;
        int th = rows * scale;
        int cell = Math.max(tw, th) + 2;
        int gw = pixels.width() / cell + 3;
        int gh = pixels.height() / cell + 3;
        int[] occupant = new int[gw * gh];
        int[] drawnIndices = p.live() ? thumbnailIndices : new int[4000];
        if (drawnIndices.length < 4000) {
            drawnIndices = new int[4000];
            thumbnailIndices = drawnIndices;
        }
        if (raw.length < d.dimension()) {
            raw = new byte[d.dimension()];
        }
        int iso = selection.isolatedClassProperty().get();
        int drawn = 0;
        int limit = 4000;
        double left = LEFT * s;
        double right = (LEFT + plotW()) * s;
        double top = TOP * s;
        double bottom = (TOP + plotH()) * s;
        for (int q = 0; q < n && drawn < limit; q++) {
            int i = priority[q];
            if (iso >= 0 && labels[i] != iso) {
                continue;
            }
            float x = sx[i];
            float y = sy[i];
            if (x < left || x >= right || y < top || y >= bottom) {
                continue;
            }
            int gx = (int) (x / cell) + 1;
            int gy = (int) (y / cell) + 1;
            boolean free = true;
            for (int yy = gy - 1; yy <= gy + 1 && free; yy++) {
                for (int xx = gx - 1; xx <= gx + 1 && free; xx++) {
                    int o = occupant[yy * gw + xx] - 1;
                    if (o >= 0 && Math.abs(sx[o] - x) < cell && Math.abs(sy[o] - y) < cell) {
                        free = false;
                    }
                }
            }
            if (!free || occupant[gy * gw + gx] != 0) {
                continue;
            }
            occupant[gy * gw + gx] = i + 1;
            d.copyRaw(i, raw, 0);
            pixels.image(raw, 0, rows, cols, Math.round(x - tw / 2f), Math.round(y - th / 2f), scale,
                    appearance.getTheme().thumbnailInk(labels[i]), 1.0);
            drawnIndices[drawn++] = i;
        }
        if (p.live()) {
            thumbnailsDrawn = drawn;
        }
    }

    private record GridTag(double x0, double x1, double y0, double y1, int cols, int rows, int dx, int dy,
                           Codec codec, float[] position) {
    }

    private void drawManifold(Paint p, long now) {
        PixelCanvas pixels = p.canvas();
        double s = p.s();
        Codec codec = model.getCodec();
        Dataset d = model.getDisplay();
        if (codec == null || d == null || k < 2 || codec.inputSize() != d.dimension()) {
            return;
        }
        int dx = Math.min(model.dimXProperty().get(), k - 1);
        int dy = Math.min(model.dimYProperty().get(), k - 1);
        int side = Math.max(2, Math.min(40, gridSize.get()));
        double cellPx = Math.min(plotW(), plotH()) / side;
        int cols = Math.max(1, (int) Math.floor(plotW() / cellPx));
        int rows = Math.max(1, (int) Math.floor(plotH() / cellPx));
        float[] pos = model.position().toArray(new float[model.position().size()]);
        if (pos.length != k) {
            return;
        }
        GridTag wanted = new GridTag(vx0, vx1, vy0, vy1, cols, rows, dx, dy, codec, pos);
        if (p.live() && !wanted.equals(lastGridTag) && now - gridRequestedAt > 60_000_000L) {
            float[] codes = new float[cols * rows * k];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int o = (r * cols + c) * k;
                    System.arraycopy(pos, 0, codes, o, k);
                    codes[o + dx] = (float) (vx0 + (c + 0.5) / cols * (vx1 - vx0));
                    codes[o + dy] = (float) (vy1 - (r + 0.5) / rows * (vy1 - vy0));
                }
            }
            grid.request(new GridDecoder.Request(codec, codes, cols * rows, wanted));
            lastGridTag = wanted;
            gridRequestedAt = now;
        }
        GridDecoder.Result res = grid.result();
        if (res == null || !(res.request().tag() instanceof GridTag tag) || tag.dx() != dx || tag.dy() != dy
                || res.request().codec().inputSize() != d.dimension()) {
            return;
        }
        if (p.live()) {
            drawnGridVersion = res.version();
        }
        int dim = d.dimension();
        for (int r = 0; r < tag.rows(); r++) {
            for (int c = 0; c < tag.cols(); c++) {
                double cx0 = tag.x0() + (double) c / tag.cols() * (tag.x1() - tag.x0());
                double cx1 = tag.x0() + (double) (c + 1) / tag.cols() * (tag.x1() - tag.x0());
                double cy0 = tag.y1() - (double) r / tag.rows() * (tag.y1() - tag.y0());
                double cy1 = tag.y1() - (double) (r + 1) / tag.rows() * (tag.y1() - tag.y0());
                int px0 = (int) Math.round(screenX(cx0) * s);
                int px1 = (int) Math.round(screenX(cx1) * s);
                int py0 = (int) Math.round(screenY(cy0) * s);
                int py1 = (int) Math.round(screenY(cy1) * s);
                int gap = (int) Math.round(s);
                pixels.stretched(res.images(), (r * tag.cols() + c) * dim, d.rows(), d.cols(), px0 + gap, py0 + gap,
                        Math.max(1, px1 - px0 - 2 * gap), Math.max(1, py1 - py0 - 2 * gap),
                        appearance.getTheme().manifoldInk(), 0.42);
            }
        }
    }

    private void drawOverlay(GraphicsContext g, double w, double h) {
        Theme theme = appearance.getTheme();
        double fs = appearance.scaleProperty().get();
        double pw = plotW();
        double ph = plotH();
        // Frame and ticks (the grid lines are in the pixel layer, under the points).
        g.setStroke(theme.frame());
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, pw - 1, ph - 1);
        g.setFont(Font.font("DejaVu Sans", 11 * fs));
        g.setFill(theme.axisText());
        double xs = NiceTicks.step(vx0, vx1, Math.max(2, (int) (pw / 90)));
        for (double v : NiceTicks.ticks(vx0, vx1, Math.max(2, (int) (pw / 90)))) {
            double x = Math.round(screenX(v)) + 0.5;
            g.setStroke(theme.tick());
            g.strokeLine(x, TOP + ph, x, TOP + ph + 5);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(NiceTicks.label(v, xs), x, TOP + ph + 7);
        }
        if (k != 1) {
            double ys = NiceTicks.step(vy0, vy1, Math.max(2, (int) (ph / 70)));
            for (double v : NiceTicks.ticks(vy0, vy1, Math.max(2, (int) (ph / 70)))) {
                double y = Math.round(screenY(v)) + 0.5;
                g.setStroke(theme.tick());
                g.strokeLine(LEFT - 5, y, LEFT, y);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(NiceTicks.label(v, ys), LEFT - 8, y);
            }
        }
        // Axis titles.
        int dx = Math.min(model.dimXProperty().get(), Math.max(0, k - 1));
        int dy = Math.min(model.dimYProperty().get(), Math.max(0, k - 1));
        g.setFill(theme.strong());
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13 * fs));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(axisPrefix + (dx + 1), LEFT + pw / 2, h - 4);
        if (k != 1) {
            g.save();
            g.translate(14, TOP + ph / 2);
            g.rotate(-90);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(axisPrefix + (dy + 1), 0, 0);
            g.restore();
        }
        if (n == 0) {
            g.setFill(theme.axisText());
            g.setFont(Font.font("DejaVu Sans", 14 * fs));
            g.setTextBaseline(VPos.CENTER);
            g.fillText(model.getDisplay() == null ? "Open a data set to begin" : "Computing the codes of the images…",
                    LEFT + pw / 2, TOP + ph / 2);
            return;
        }
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, pw, ph);
        g.clip();
        if (clusterLabels.get()) {
            drawClusterLabels(g, theme, fs);
        }
        drawCrosshair(g, dx, dy, theme);
        drawAnnotations(g, dx, dy, theme, fs);
        int hov = selection.hoveredProperty().get();
        if (hov >= 0 && hov < n) {
            g.setStroke(theme.strong());
            g.setLineWidth(1.5);
            g.strokeOval(sx[hov] - 7, sy[hov] - 7, 14, 14);
        }
        int sel = selection.getSelected();
        if (sel >= 0 && sel < n) {
            drawSigmaEllipse(g, sel, dx, dy);
            g.setStroke(Theme.color(theme.plotBackground()));
            g.setLineWidth(5);
            g.strokeOval(sx[sel] - 9, sy[sel] - 9, 18, 18);
            g.setStroke(Color.web("#d62728"));
            g.setLineWidth(2.5);
            g.strokeOval(sx[sel] - 9, sy[sel] - 9, 18, 18);
        }
        g.restore();
    }

    private Codec ellipseCodec;
    private int ellipseIndex = -1;
    private float[] ellipseMu;
    private float[] ellipseLogVar;

    /**
     * A VAE's code is a distribution: around the selected image's mean, the 1-sigma and 2-sigma ellipses of
     * N(mu, sigma^2) in the two shown dimensions.
     */
    private void drawSigmaEllipse(GraphicsContext g, int i, int dx, int dy) {
        if (!(model.getCodec() instanceof latentlab.nn.Autoencoder ae) || !ae.architecture().isVariational()
                || model.getDisplay() == null) {
            return;
        }
        if (ellipseCodec != ae || ellipseIndex != i) {
            ellipseMu = new float[k];
            ellipseLogVar = new float[k];
            ae.encodeDistribution(model.getDisplay().image(i), 0, 1, ellipseMu, ellipseLogVar);
            ellipseCodec = ae;
            ellipseIndex = i;
        }
        double cx = screenX(ellipseMu[dx]);
        double cy = k == 1 ? screenY(curY[i]) : screenY(ellipseMu[dy]);
        double rx = Math.exp(0.5 * ellipseLogVar[dx]) / (vx1 - vx0) * plotW();
        double ry = k == 1 ? 6 : Math.exp(0.5 * ellipseLogVar[dy]) / (vy1 - vy0) * plotH();
        g.setStroke(Color.web("#d62728"));
        g.setLineWidth(1.5);
        g.strokeOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
        g.setLineDashes(5, 4);
        g.strokeOval(cx - 2 * rx, cy - 2 * ry, 4 * rx, 4 * ry);
        g.setLineDashes();
    }

    private void drawClusterLabels(GraphicsContext g, Theme theme, double fs) {
        int iso = selection.isolatedClassProperty().get();
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 20 * fs));
        Color halo = Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.9);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(4);
        for (int c = 0; c < medians.length; c++) {
            if (medians[c] == null || (iso >= 0 && c != iso)) {
                continue;
            }
            double x = screenX(medians[c][0]);
            double y = screenY(medians[c][1]);
            String s = Integer.toString(c);
            g.setStroke(halo);
            g.strokeText(s, x, y);
            g.setFill(Theme.color(theme.thumbnailInk(c)));
            g.fillText(s, x, y);
        }
    }

    /** The tools' markers, paths and arrows, at the shown dimensions of their codes. */
    private void drawAnnotations(GraphicsContext g, int dx, int dy, Theme theme, double fs) {
        if (k == 0) {
            return;
        }
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12 * fs));
        java.util.function.Predicate<String> shown = annotationFilter.get();
        for (var entry : model.annotations().entrySet()) {
            if (shown != null && !shown.test(entry.getKey())) {
                continue;
            }
            for (latentlab.ui.explorer.Annotation a : entry.getValue()) {
                Color c = Theme.color(a.colour());
                Color halo = Theme.color(theme.plotBackground());
                if (a instanceof latentlab.ui.explorer.Annotation.Path p && p.k() == k) {
                    int m = p.points();
                    for (int pass = 0; pass < 2; pass++) {
                        g.setStroke(pass == 0 ? halo : c);
                        g.setLineWidth(pass == 0 ? 5 : 2.5);
                        g.beginPath();
                        for (int i = 0; i < m; i++) {
                            double x = screenX(p.codes()[i * k + dx]);
                            double y = codeScreenY(p.codes(), i * k, dy);
                            if (i == 0) {
                                g.moveTo(x, y);
                            } else {
                                g.lineTo(x, y);
                            }
                        }
                        g.stroke();
                    }
                    for (int i = 0; i < m; i++) {
                        double x = screenX(p.codes()[i * k + dx]);
                        double y = codeScreenY(p.codes(), i * k, dy);
                        g.setFill(halo);
                        g.fillOval(x - 5, y - 5, 10, 10);
                        g.setFill(c);
                        g.fillOval(x - 3.5, y - 3.5, 7, 7);
                    }
                } else if (a instanceof latentlab.ui.explorer.Annotation.Arrow r && r.from().length == k) {
                    double x0 = screenX(r.from()[dx]);
                    double y0 = codeScreenY(r.from(), 0, dy);
                    double x1 = screenX(r.to()[dx]);
                    double y1 = codeScreenY(r.to(), 0, dy);
                    g.setStroke(c);
                    g.setLineWidth(2);
                    g.setLineDashes(6, 4);
                    g.strokeLine(x0, y0, x1, y1);
                    g.setLineDashes();
                    double len = Math.hypot(x1 - x0, y1 - y0);
                    if (len > 12) {
                        double ux = (x1 - x0) / len;
                        double uy = (y1 - y0) / len;
                        g.setFill(c);
                        g.fillPolygon(new double[] {x1, x1 - 11 * ux + 5 * uy, x1 - 11 * ux - 5 * uy},
                                new double[] {y1, y1 - 11 * uy - 5 * ux, y1 - 11 * uy + 5 * ux}, 3);
                    }
                } else if (a instanceof latentlab.ui.explorer.Annotation.Marker mk && mk.code().length == k) {
                    double x = screenX(mk.code()[dx]);
                    double y = codeScreenY(mk.code(), 0, dy);
                    double r = 8;
                    double[] xs = {x, x + r, x, x - r};
                    double[] ys = {y - r, y, y + r, y};
                    g.setFill(halo);
                    g.fillOval(x - r - 3, y - r - 3, 2 * r + 6, 2 * r + 6);
                    g.setFill(c);
                    g.fillPolygon(xs, ys, 4);
                    g.setStroke(theme.strong());
                    g.setLineWidth(1.2);
                    g.strokePolygon(xs, ys, 4);
                    if (!mk.label().isEmpty()) {
                        g.setTextAlign(TextAlignment.LEFT);
                        g.setTextBaseline(VPos.CENTER);
                        g.setStroke(halo);
                        g.setLineWidth(4);
                        g.strokeText(mk.label(), x + r + 5, y);
                        g.setFill(theme.strong());
                        g.fillText(mk.label(), x + r + 5, y);
                    }
                }
            }
        }
    }

    /** Screen y of a code's shown vertical dimension (the middle for k = 1). */
    private double codeScreenY(float[] codes, int offset, int dy) {
        return k == 1 ? TOP + plotH() / 2 : screenY(codes[offset + dy]);
    }

    private void drawCrosshair(GraphicsContext g, int dx, int dy, Theme theme) {
        if (model.position().size() != k || k == 0) {
            return;
        }
        double x = screenX(model.position().get(dx));
        double y = k == 1 ? TOP + plotH() / 2 : screenY(model.position().get(dy));
        g.setStroke(theme.strong().deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeLine(x, TOP, x, TOP + plotH());
        if (k != 1) {
            g.strokeLine(LEFT, y, LEFT + plotW(), y);
        }
        g.setLineDashes();
        g.setFill(Theme.color(theme.plotBackground()).deriveColor(0, 1, 1, 0.85));
        g.fillOval(x - 7, y - 7, 14, 14);
        g.setStroke(theme.strong());
        g.setLineWidth(2);
        g.strokeOval(x - 7, y - 7, 14, 14);
        g.strokeLine(x - 3, y, x + 3, y);
        g.strokeLine(x, y - 3, x, y + 3);
    }

    // ------------------------------------------------------------------ layout

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        imageView.relocate(0, 0);
        overlay.relocate(0, 0);
        legend.autosize();
        legend.relocate(w - RIGHT - legend.getWidth() - 8, TOP + 8);
        tip.autosize();
    }

    // ------------------------------------------------------------------ interaction

    /** The display image nearest to (x, y) within the pick radius, or -1. */
    public int pick(double x, double y) {
        int best = -1;
        double bestD = PICK_RADIUS * PICK_RADIUS;
        int iso = selection.isolatedClassProperty().get();
        for (int i = 0; i < n; i++) {
            if (iso >= 0 && labels[i] != iso) {
                continue;
            }
            double ddx = sx[i] - x;
            double ddy = sy[i] - y;
            double d = ddx * ddx + ddy * ddy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void mouseMoved(MouseEvent e) {
        int i = pick(e.getX(), e.getY());
        selection.hoveredProperty().set(i);
        showTip(i, e.getX(), e.getY());
    }

    private void showTip(int i, double x, double y) {
        Dataset d = model.getDisplay();
        float[] code = model.codeOf(i);
        if (i < 0 || d == null || code == null) {
            tip.setVisible(false);
            return;
        }
        byte[] img = new byte[d.dimension()];
        d.copyRaw(i, img, 0);
        int scale = d.rows() <= 32 ? 3 : 1;
        tipImage.setImage(DigitImages.of(appearance.getTheme()).render(img, 0, d.rows(), d.cols(), scale));
        StringBuilder s = new StringBuilder("Label ").append(d.label(i)).append("  ·  image #").append(i);
        for (int j = 0; j < Math.min(code.length, 6); j++) {
            s.append(j % 2 == 0 ? "\n" : "    ").append(axisPrefix).append(j + 1).append(" = ")
                    .append(String.format("%.3f", code[j]));
        }
        if (code.length > 6) {
            s.append("\n… (k = ").append(code.length).append(")");
        }
        tipText.setText(s.toString());
        tip.setVisible(true);
        tip.applyCss();
        tip.autosize();
        double tx = x + 16;
        double ty = y + 16;
        if (tx + tip.getWidth() > getWidth()) {
            tx = x - tip.getWidth() - 12;
        }
        if (ty + tip.getHeight() > getHeight()) {
            ty = y - tip.getHeight() - 12;
        }
        tip.relocate(Math.max(0, tx), Math.max(0, ty));
    }

    private boolean nearCrosshair(double x, double y) {
        if (model.position().size() != k || k < 2) {
            return false;
        }
        int dx = Math.min(model.dimXProperty().get(), k - 1);
        int dy = Math.min(model.dimYProperty().get(), k - 1);
        return Math.hypot(screenX(model.position().get(dx)) - x, screenY(model.position().get(dy)) - y) <= 10;
    }

    private void mousePressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        lastDragX = pressX;
        lastDragY = pressY;
        dragged = false;
        draggingCrosshair = e.getButton() == MouseButton.PRIMARY && nearCrosshair(pressX, pressY);
        requestFocus();
    }

    private void mouseDragged(MouseEvent e) {
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) {
            dragged = true;
        }
        if (!dragged) {
            return;
        }
        tip.setVisible(false);
        if (draggingCrosshair) {
            moveCrosshair(e.getX(), e.getY());
        } else {
            double ddx = (e.getX() - lastDragX) / plotW() * (vx1 - vx0);
            double ddy = (e.getY() - lastDragY) / plotH() * (vy1 - vy0);
            vx0 -= ddx;
            vx1 -= ddx;
            vy0 += ddy;
            vy1 += ddy;
            autoFit.set(false);
            markDirty();
        }
        lastDragX = e.getX();
        lastDragY = e.getY();
    }

    private void mouseReleased(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() == 2) {
            fit();
            return;
        }
        int i = pick(e.getX(), e.getY());
        if (i >= 0) {
            selection.select(i);
            model.snapToSelection();
        } else if (e.getX() >= LEFT && e.getY() <= TOP + plotH()) {
            moveCrosshair(e.getX(), e.getY());
        }
    }

    private void moveCrosshair(double x, double y) {
        if (k < 1 || model.position().size() != k) {
            return;
        }
        int dx = Math.min(model.dimXProperty().get(), k - 1);
        model.setPosition(dx, (float) codeX(x));
        if (k >= 2) {
            int dy = Math.min(model.dimYProperty().get(), k - 1);
            model.setPosition(dy, (float) codeY(y));
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        zoom(Math.exp(-e.getDeltaY() * 0.0025), e.getX(), e.getY());
        e.consume();
    }
}
