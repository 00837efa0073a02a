package latentlab.ui.explorer;

import java.util.Arrays;
import java.util.function.Predicate;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import latentlab.data.Dataset;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.ColourScale;

/**
 * What one latent map shows, apart from how it is drawn: its options (colour by, dots or thumbnails, manifold,
 * cluster labels, which tools' markers) and, derived from the shared {@link LatentSpaceModel}, the points in the
 * two shown dimensions with their labels and class medians ({@link MapPoints}) and every point's colour
 * ({@link PointColours}). Each derived value is a new immutable object whenever its inputs change, so the view
 * only listens and redraws. No JavaFX nodes; used on the FX thread.
 */
public final class MapViewModel {
    private final LatentSpaceModel space;
    private final SelectionModel selection;
    private final Appearance appearance;
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(this, "colourBy", ColourBy.LABEL);
    private final BooleanProperty thumbnails = new SimpleBooleanProperty(this, "thumbnails", false);
    private final BooleanProperty manifold = new SimpleBooleanProperty(this, "manifold", false);
    private final BooleanProperty clusterLabels = new SimpleBooleanProperty(this, "clusterLabels", true);
    private final IntegerProperty gridSize = new SimpleIntegerProperty(this, "gridSize", 12);
    private final IntegerProperty thumbnailScale = new SimpleIntegerProperty(this, "thumbnailScale", 1);
    private final ObjectProperty<Predicate<String>> annotationFilter =
            new SimpleObjectProperty<>(this, "annotationFilter");
    private final BooleanProperty markersShown = new SimpleBooleanProperty(this, "markersShown", false);
    private final ReadOnlyObjectWrapper<MapPoints> points = new ReadOnlyObjectWrapper<>(this, "points", MapPoints.NONE);
    private final ReadOnlyObjectWrapper<PointColours> colours =
            new ReadOnlyObjectWrapper<>(this, "colours", PointColours.NONE);
    private Dataset labelled;
    private int[] labels = new int[0];

    /**
     * @param space      the latent space (with its selection) to show
     * @param appearance theme (the class colours) and the thumbnail size
     */
    public MapViewModel(LatentSpaceModel space, Appearance appearance) {
        this.space = space;
        this.selection = space.selection();
        this.appearance = appearance;
        thumbnailScale.bind(Bindings.when(appearance.largeThumbnailsProperty()).then(2).otherwise(1));
        for (Observable o : new Observable[] {space.codesProperty(), space.dimXProperty(), space.dimYProperty()}) {
            o.addListener(x -> refreshPoints(true));
        }
        space.displayProperty().addListener(o -> refreshPoints(false));
        appearance.themeProperty().addListener(o -> recolour());
        selection.isolatedClassProperty().addListener(o -> recolour());
        colourBy.addListener((o, a, b) -> {
            if (b == null) {
                colourBy.set(ColourBy.LABEL);
                return;
            }
            space.wantErrors(this, b instanceof ColourBy.Error);
            recolour();
        });
        space.errorsProperty().addListener(o -> {
            if (colourBy.get() instanceof ColourBy.Error) {
                recolour();
            }
        });
        space.latentSizeProperty().addListener((o, a, b) -> {
            if (colourBy.get() instanceof ColourBy.Dimension dim && dim.index() >= b.intValue()) {
                colourBy.set(ColourBy.LABEL);
            }
        });
        refreshPoints(false);
    }

    public LatentSpaceModel space() {
        return space;
    }

    /** What the points' colours show: the label, the reconstruction error or one latent dimension. */
    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
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

    /** Integer enlargement of thumbnails: 2 with the appearance's large thumbnails (a lecture hall), else 1. */
    public IntegerProperty thumbnailScaleProperty() {
        return thumbnailScale;
    }

    /** Which tools' annotations (by their key in the model) this map draws; null (the default) draws them all. */
    public ObjectProperty<Predicate<String>> annotationFilterProperty() {
        return annotationFilter;
    }

    /**
     * Whether the tools' markers (those the annotation filter lets through) are drawn on screen. Off by default: a
     * map shows them where their tool is in use (the embeddings tab turns them on) or when the user asks with the
     * map's visible toggle. Exports ask for them separately.
     */
    public BooleanProperty markersShownProperty() {
        return markersShown;
    }

    /** The points in the shown dimensions; a new value whenever the codes, the dimensions or the images change. */
    public ReadOnlyObjectProperty<MapPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** The points' colours and drawing order; a new value whenever they change. */
    public ReadOnlyObjectProperty<PointColours> coloursProperty() {
        return colours.getReadOnlyProperty();
    }

    /** The continuous colour map of the points, or null when they are coloured by label. */
    public ColourScale colourScale() {
        return colours.get().scale();
    }

    private void refreshPoints(boolean glide) {
        Dataset d = space.getDisplay();
        float[] codes = space.getCodes();
        int k = space.getLatentSize();
        if (d == null || codes == null || k == 0 || codes.length != d.size() * k) {
            // No codes; or k changed and the matching codes are on their way (the points stay until they come).
            if (codes == null || k == 0) {
                points.set(MapPoints.NONE);
                recolour();
            }
            return;
        }
        int n = codes.length / k;
        int dx = Math.min(space.dimXProperty().get(), k - 1);
        int dy = Math.min(space.dimYProperty().get(), k - 1);
        int[] lab = labelsOf(d);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = codes[i * k + dx];
            // With a one-dimensional code the vertical axis only spreads the points (a strip plot).
            y[i] = k == 1 ? jitter(i) : codes[i * k + dy];
        }
        float[][] medians = medians(lab, x, y, n, Math.min(d.classCount(), 64));
        points.set(new MapPoints(n, k, dx, dy, lab, x, y, medians, glide));
        recolour();
    }

    /** The labels of the display images, read once per data set. */
    private int[] labelsOf(Dataset d) {
        if (d != labelled) {
            labels = new int[d.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = d.label(i);
            }
            labelled = d;
        }
        return labels;
    }

    /** A fixed pseudo-random value in [-1, 1] for point i (a strip plot's vertical spread). */
    static float jitter(int i) {
        int h = i * 0x9E3779B1;
        h ^= h >>> 15;
        return (h & 0xFFFF) / 65535f * 2 - 1;
    }

    /** Per class below {@code classes}: the medians {x, y} of its points (upper medians), or null without any. */
    static float[][] medians(int[] labels, float[] x, float[] y, int n, int classes) {
        float[][] medians = new float[classes][];
        if (classes == 0 || n == 0) {
            return medians;
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
                xs[c][counts[c]] = x[i];
                ys[c][counts[c]++] = y[i];
            }
        }
        for (int c = 0; c < classes; c++) {
            if (xs[c].length > 0) {
                Arrays.sort(xs[c]);
                Arrays.sort(ys[c]);
                medians[c] = new float[] {xs[c][xs[c].length / 2], ys[c][ys[c].length / 2]};
            }
        }
        return medians;
    }

    private void recolour() {
        MapPoints p = points.get();
        colours.set(PointColours.of(p.labels(), p.n(), colourBy.get(), colourValues(p), appearance.getTheme(),
                selection.isolatedClassProperty().get()));
    }

    /** The numbers the points are coloured by (one per point), or null for colours by label or unknown values. */
    private float[] colourValues(MapPoints p) {
        int n = p.n();
        if (colourBy.get() instanceof ColourBy.Error) {
            float[] e = space.errorsProperty().get();
            return e != null && e.length == n ? e : null;
        }
        if (colourBy.get() instanceof ColourBy.Dimension dim) {
            float[] c = space.getCodes();
            int k = p.k();
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
}
