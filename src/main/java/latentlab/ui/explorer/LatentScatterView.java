package latentlab.ui.explorer;

import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.MapChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import latentlab.compute.ComputePool;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ColourScale;
import latentlab.ui.session.JobRunner;

/**
 * The latent map: every display image as a dot at its code (or as its own thumbnail), coloured by label, with
 * axes, a legend that isolates a class, zoom about the cursor, panning, hover details, selection, the slider
 * position as a crosshair, and optionally the decoder's output over the visible region as a backdrop.
 *
 * <p>This view composes the pieces and lays them out: its {@link MapViewModel} derives the points and colours
 * from the model; a {@link PointCache} holds the points' positions in primitive arrays, gliding between
 * snapshots ({@link Tween}); the {@link Viewport} maps codes to pixels; the {@link PointRenderer} draws them
 * into a pixel buffer shown as one image (chart-fx's approach for many points), over the
 * {@link ManifoldBackdrop}; the {@link MapOverlay} puts text and lines on a canvas above; {@link MapInteraction}
 * handles the mouse; {@link MapExport} draws the picture afresh for a PNG. Redraws happen at most once per
 * pulse and only when something changed.
 */
public final class LatentScatterView extends Region {
    /** With the legend placed automatically, the narrowest plot for which it goes beside the plot. */
    public static final double MIN_PLOT_BESIDE_LEGEND = 420;
    private static final System.Logger LOG = System.getLogger(LatentScatterView.class.getName());

    private final MapViewModel map;
    private final LatentSpaceModel model;
    private final SelectionModel selection;
    private final Appearance appearance;
    private final ReadOnlyBooleanWrapper autoFit = new ReadOnlyBooleanWrapper(this, "autoFit", true);
    private final ObjectProperty<LegendPlacement> legendPlacement =
            new SimpleObjectProperty<>(this, "legendPlacement", LegendPlacement.AUTO);

    private final Viewport viewport = new Viewport();
    private final PointCache points = new PointCache();
    private final PointRenderer renderer = new PointRenderer();
    private final LegendLayout legendLayout = new LegendLayout();
    private final ManifoldBackdrop manifold;
    private final MapPicture picture;
    private final MapExport export;
    private final ScatterLegend legend;
    private final HoverCard card;
    private final RedrawLoop redraws;
    private double[] pendingBounds;
    private boolean pendingFollow;
    private Consumer<String> onFailure = message -> LOG.log(System.Logger.Level.WARNING, message);

    /**
     * @param model      the latent space to show
     * @param axisPrefix "a" for an autoencoder (axes a1, a2), "PC" for PCA
     * @param appearance theme and text scale
     * @param lane       a lane of the window's job runner, this map's own, for decoding manifold grids
     * @param pool       the compute pool the grids' decoding is split over
     */
    public LatentScatterView(LatentSpaceModel model, String axisPrefix, Appearance appearance, JobRunner.Lane lane,
                             ComputePool pool) {
        this.model = model;
        this.selection = model.selection();
        this.appearance = appearance;
        this.map = new MapViewModel(model, appearance);
        this.manifold = new ManifoldBackdrop(new GridDecoder(lane, pool));
        MapOverlay overlay = new MapOverlay(map, viewport, points, appearance, axisPrefix);
        this.picture = new MapPicture(map, viewport, points, renderer, manifold, overlay, appearance);
        this.export = new MapExport(viewport, points, p -> picture.paintPixels(p, System.nanoTime()), overlay,
                new LegendPainter(map, appearance, axisPrefix));
        this.legend = new ScatterLegend(selection, appearance, map.colourByProperty(), axisPrefix);
        this.card = new HoverCard(model, appearance, axisPrefix);
        this.redraws = new RedrawLoop(this, this::move, picture::render, this::fail);
        getStyleClass().add("latent-scatter");
        getChildren().addAll(picture.layers());
        getChildren().addAll(legend, card);
        // A click or drag on the legend is the legend's: it must not also select, move the crosshair or pan the map
        // underneath (the events would bubble up to this pane's handlers).
        legend.addEventHandler(MouseEvent.ANY, MouseEvent::consume);
        legend.addEventHandler(ScrollEvent.ANY, ScrollEvent::consume);
        LegendFeed.follow(legend, model, map, appearance);
        new MapInteraction(this, viewport, points, model, card).install();
        viewport.setSize(getWidth(), getHeight());
        pointsChanged(map.pointsProperty().get());
        listen();
    }

    private void listen() {
        appearance.scaleProperty().addListener(o -> markDirty());
        model.codecProperty().addListener(o -> {
            if (map.manifoldProperty().get()) {
                markDirty();
            }
        });
        map.pointsProperty().addListener((o, a, b) -> pointsChanged(b));
        map.coloursProperty().addListener((o, a, b) -> markDirty());
        model.position().addListener((arr, changed, from, to) -> markDirty());
        model.annotations().addListener((MapChangeListener<String, java.util.List<Annotation>>) c -> markDirty());
        for (Observable o : new Observable[] {selection.selectedProperty(), selection.hoveredProperty(),
            map.annotationFilterProperty(), map.markersShownProperty()}) {
            o.addListener(x -> markDirty());
        }
        for (Observable o : new Observable[] {map.thumbnailsProperty(), map.manifoldProperty(),
            map.clusterLabelsProperty(), map.gridSizeProperty(), map.thumbnailScaleProperty()}) {
            o.addListener(x -> {
                manifold.invalidate();
                markDirty();
            });
        }
        widthProperty().addListener(o -> sizeChanged());
        heightProperty().addListener(o -> sizeChanged());
        legendPlacement.addListener(o -> requestLayout());
    }

    private void sizeChanged() {
        viewport.setSize(getWidth(), getHeight());
        markDirty();
    }

    /** This map's view-model: its options and the points and colours it derives from the model. */
    public MapViewModel viewModel() {
        return map;
    }

    /** Which tools' annotations (by their key in the model) this map draws; null (the default) draws them all. */
    public ObjectProperty<Predicate<String>> annotationFilterProperty() {
        return map.annotationFilterProperty();
    }

    /** What the points' colours show: the label, the reconstruction error or one latent dimension. */
    public ObjectProperty<ColourBy> colourByProperty() {
        return map.colourByProperty();
    }

    /** The continuous colour map of the points, or null when they are coloured by label. */
    public ColourScale colourScale() {
        return map.colourScale();
    }

    /** Draw each image as a thumbnail (with level of detail) instead of a dot. */
    public BooleanProperty thumbnailsProperty() {
        return map.thumbnailsProperty();
    }

    /** Show the decoded manifold over the visible region behind the points. */
    public BooleanProperty manifoldProperty() {
        return map.manifoldProperty();
    }

    /** Write each class's label at the median of its codes. */
    public BooleanProperty clusterLabelsProperty() {
        return map.clusterLabelsProperty();
    }

    /** Cells along the shorter side of the manifold grid. */
    public IntegerProperty gridSizeProperty() {
        return map.gridSizeProperty();
    }

    /** Integer enlargement of thumbnails (2 for a lecture hall). */
    public IntegerProperty thumbnailScaleProperty() {
        return map.thumbnailScaleProperty();
    }

    /** Where the legend goes: beside or above the plot as the size allows (the default), or in a fixed place. */
    public ObjectProperty<LegendPlacement> legendPlacementProperty() {
        return legendPlacement;
    }

    /** The legend (chips or colour bar, and the colour chooser). */
    public ScatterLegend legend() {
        return legend;
    }

    /** Whether the view follows the codes (until the user zooms or pans). */
    public ReadOnlyBooleanProperty autoFitProperty() {
        return autoFit.getReadOnlyProperty();
    }

    /** Where a failure that stopped the drawing is reported, once (by default: the log). */
    public void setOnFailure(Consumer<String> handler) {
        onFailure = handler;
    }

    /** Fits the view to the codes again (and keeps following them). */
    public void fit() {
        autoFit.set(true);
        viewport.fitTo(points.targetX(), points.targetY(), points.size());
        viewport.showFit();
        forgetHover();
        markDirty();
    }

    /**
     * The view moved under the pointer: the hover card would show an image that is no longer there, so it goes
     * (the next move of the mouse shows the image under it).
     */
    private void forgetHover() {
        card.hide();
        selection.hoveredProperty().set(-1);
    }

    /** The card shown over a hovered point (tests). */
    Node hoverCard() {
        return card;
    }

    /**
     * Shows the region {x0, x1, y0, y1} (a restored lesson); with autoFit the view follows the codes again. If the
     * codes are not shown yet, the region is applied when they arrive (which would otherwise fit the view to them).
     */
    public void setViewBounds(double[] b, boolean follow) {
        if (points.size() == 0) {
            pendingBounds = b.clone();
            pendingFollow = follow;
            return;
        }
        pendingBounds = null;
        viewport.setBounds(b);
        autoFit.set(follow);
        forgetHover();
        if (follow) {
            viewport.fitTo(points.targetX(), points.targetY(), points.size());
        }
        markDirty();
    }

    /** The plot rectangle (inside the axes, left of a legend beside it, below one above it), in this node's coordinates. */
    public Rectangle2D plotArea() {
        return new Rectangle2D(viewport.plotLeft(), viewport.plotTop(), viewport.plotWidth(), viewport.plotHeight());
    }

    /** The visible region in code units: {x0, x1, y0, y1}. */
    public double[] viewBounds() {
        return viewport.bounds();
    }

    /** Where display image {@code i} is drawn, in this node's coordinates. */
    public Point2D screenPointOf(int i) {
        return new Point2D(viewport.screenX(points.currentX()[i]), viewport.screenY(points.currentY()[i]));
    }

    /** Where the code point (x, y) of the shown dimensions is drawn: {screenX, screenY}. */
    public double[] screenPointOfCode(double x, double y) {
        return new double[] {viewport.screenX(x), viewport.screenY(y)};
    }

    /** Nanoseconds the last redraw took (points, thumbnails and overlay). */
    public long lastRenderNanos() {
        return picture.lastRenderNanos();
    }

    /** Thumbnails drawn in the last redraw. */
    public int thumbnailsDrawn() {
        return renderer.thumbnailCount();
    }

    /** Indices of the images drawn as thumbnails in the last redraw. */
    public int[] thumbnailIndices() {
        return renderer.thumbnailIndices();
    }

    /** Number of points shown. */
    public int pointCount() {
        return points.size();
    }

    /** Zooms by {@code factor} (&lt; 1 zooms in) about a point given in this node's coordinates. */
    public void zoom(double factor, double atX, double atY) {
        viewport.zoom(factor, atX, atY);
        autoFit.set(false);
        forgetHover();
        markDirty();
    }

    /** Pans by (dx, dy) pixels: the map moves with the pointer. */
    void pan(double dx, double dy) {
        viewport.pan(dx, dy);
        autoFit.set(false);
        markDirty();
    }

    /** The display image nearest to (x, y) within the pick radius, or -1. */
    public int pick(double x, double y) {
        return PointPicker.nearest(points.screenX(), points.screenY(), points.labels(), points.size(),
                selection.isolatedClassProperty().get(), x, y, PointPicker.RADIUS);
    }

    /** Marks the view for redrawing at the next pulse. */
    public void markDirty() {
        redraws.markDirty();
    }

    /** Redraws now (benchmarks and tests); returns the time it took in nanoseconds. */
    public long redrawNow() {
        long t0 = System.nanoTime();
        picture.render(System.nanoTime());
        return System.nanoTime() - t0;
    }

    /** Stops the animation and the background decoding. */
    public void dispose() {
        redraws.stop();
        manifold.close();
    }

    /**
     * The map as an image at {@code scale} times its size on screen (1 or 2), drawn afresh at that resolution:
     * points, thumbnails, text and lines stay sharp; without the tools' markers. ARGB, row-major; call on the FX
     * thread.
     */
    public int[] exportImage(double scale, int[] size) {
        return exportImage(scale, size, false);
    }

    /** As {@link #exportImage(double, int[])}, with the tools' markers only if {@code markers}. */
    public int[] exportImage(double scale, int[] size, boolean markers) {
        return export.render(scale, markers, legendLayout.side(), size);
    }

    // ------------------------------------------------------------------ frames

    private void pointsChanged(MapPoints p) {
        boolean reshape = points.retarget(p, System.nanoTime());
        if (reshape) {
            manifold.clear();
        }
        viewport.fitTo(points.targetX(), points.targetY(), points.size());
        if (reshape || autoFit.get() && !p.glide()) {
            viewport.showFit();
        }
        if (pendingBounds != null) {
            setViewBounds(pendingBounds, pendingFollow);
        }
        markDirty();
    }

    /** What moves by itself: the gliding points, the view easing towards the codes, a new manifold grid. */
    private boolean move(long now, double dt) {
        boolean moving = points.gliding(now);
        if (autoFit.get() && points.size() > 0 && viewport.easeTowardsFit(dt)) {
            moving = true;
        }
        if (map.manifoldProperty().get()) {
            if (manifold.needsRedraw(now)) {
                redraws.markDirty();
            }
            String problem = manifold.newProblem();
            if (problem != null) {
                onFailure.accept("The manifold backdrop could not be decoded: " + problem);
            }
        }
        return moving;
    }

    /** The drawing stopped for good: says so on the map and reports it once. */
    private void fail(RuntimeException e) {
        String problem = e.getMessage() == null ? e.toString() : e.getMessage();
        LOG.log(System.Logger.Level.ERROR, "the latent map stopped drawing", e);
        try {
            picture.showNote("The map stopped drawing: " + problem);
        } catch (RuntimeException ignored) {
            // The report below still goes out.
        }
        onFailure.accept("Stopped drawing the latent map: " + problem);
    }

    // ------------------------------------------------------------------ layout

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        for (Node layer : picture.layers()) {
            layer.relocate(0, 0);
        }
        LegendLayout.Decision d = legendLayout.place(legendPlacement.get(), w, legend.size(), legend.isVisible(),
                legend.foldedProperty().get());
        if (d.fold() != null) {
            legend.foldedProperty().set(d.fold());
        }
        legend.setHorizontal(d.side() == LegendLayout.Side.ABOVE);
        legend.applyCss();
        double lw = Math.min(legend.prefWidth(-1), LegendLayout.maxWidth(d.side(), w));
        double lh = legend.prefHeight(lw);
        legend.resize(lw, lh);
        double right = LegendLayout.rightMargin(d.side(), lw);
        double top = LegendLayout.topMargin(d.side(), lh);
        if (right != viewport.rightMargin() || top != viewport.topMargin()) {
            viewport.setRightMargin(right);
            viewport.setTopMargin(top);
            markDirty();
        }
        legend.relocate(LegendLayout.left(d.side(), w, lw), LegendLayout.top(d.side()));
        card.autosize();
    }
}
