package latentlab.ui.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import latentlab.data.DatasetPair;
import latentlab.embed.Interpolation;
import latentlab.nn.Codec;
import latentlab.ui.common.Changes;
import latentlab.ui.common.ImageRow;
import latentlab.ui.explorer.Annotation;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;

/**
 * Interpolation between two pooled images A and B: the autoencoder decodes the straight line between their codes,
 * h((1 − t)·g(A) + t·g(B)), beside the pixel cross-fade (1 − t)·A + t·B and PCA's walk between its own codes. The
 * latent walk is drawn on the autoencoder's map (under the key {@value #ANNOTATION}) and follows it as it trains.
 */
public final class InterpolationViewModel {
    /** The key of the walk among the map's annotations. */
    public static final String ANNOTATION = "interpolation";
    private static final int COLOUR = 0xE8590C;

    /** The three ways from image A to image B. */
    public record Strips(Interpolation.Filmstrip latent, float[] crossFade, Interpolation.Filmstrip pca, int steps,
                         int imageSize) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final SelectionModel selection;
    private final LatentSpaceModel autoencoderSpace;
    private final ReadOnlyObjectProperty<Codec> pca;
    private final PooledImages images;
    private final IntegerProperty endA = new SimpleIntegerProperty(this, "endA", -1);
    private final IntegerProperty endB = new SimpleIntegerProperty(this, "endB", -1);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 9);
    private final ReadOnlyObjectWrapper<Strips> strips = new ReadOnlyObjectWrapper<>(this, "strips");
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> ends = new ReadOnlyObjectWrapper<>(this, "ends",
            List.of());
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> latentTiles = tiles("latentTiles");
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> fadeTiles = tiles("fadeTiles");
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> pcaTiles = tiles("pcaTiles");
    private final ReadOnlyStringWrapper pcaTitle = new ReadOnlyStringWrapper(this, "pcaTitle");

    /**
     * @param pca PCA's codec with as many components as the autoencoder (null before the fit)
     */
    InterpolationViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, SelectionModel selection,
                           LatentSpaceModel autoencoderSpace, ReadOnlyObjectProperty<Codec> pca, PooledImages images) {
        this.dataset = dataset;
        this.selection = selection;
        this.autoencoderSpace = autoencoderSpace;
        this.pca = pca;
        this.images = images;
        Changes.onAny(this::interpolate, endA, endB, steps, autoencoderSpace.codecProperty(), pca);
        Changes.onAny(this::describeEnds, endA, endB);
        interpolate();
    }

    private ReadOnlyObjectWrapper<List<ImageRow.Item>> tiles(String name) {
        return new ReadOnlyObjectWrapper<>(this, name, List.of());
    }

    /** The first image (a pooled index, -1 none). */
    public IntegerProperty endAProperty() {
        return endA;
    }

    /** The last image. */
    public IntegerProperty endBProperty() {
        return endB;
    }

    /** Images in each filmstrip, ends included (3..21). */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** The three filmstrips (null until both ends are chosen and there is a model). */
    public ReadOnlyObjectProperty<Strips> stripsProperty() {
        return strips.getReadOnlyProperty();
    }

    /** A and B as tiles. */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> endsProperty() {
        return ends.getReadOnlyProperty();
    }

    /** The autoencoder's filmstrip, each image captioned with its t. */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> latentTilesProperty() {
        return latentTiles.getReadOnlyProperty();
    }

    /** The cross-fade's filmstrip. */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> fadeTilesProperty() {
        return fadeTiles.getReadOnlyProperty();
    }

    /** PCA's filmstrip (empty before the fit). */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> pcaTilesProperty() {
        return pcaTiles.getReadOnlyProperty();
    }

    /** The heading of PCA's filmstrip. */
    public ReadOnlyStringProperty pcaTitleProperty() {
        return pcaTitle.getReadOnlyProperty();
    }

    /** A = the selected image. */
    public void startAtSelected() {
        endA.set(selection.getSelected());
    }

    /** B = the selected image. */
    public void endAtSelected() {
        endB.set(selection.getSelected());
    }

    /** Walks the other way. */
    public void swap() {
        int a = endA.get();
        endA.set(endB.get());
        endB.set(a);
    }

    /** Recomputes the filmstrips and the walk on the map. */
    private void interpolate() {
        int a = endA.get();
        int b = endB.get();
        Codec ae = autoencoderSpace.getCodec();
        DatasetPair pair = dataset.get();
        if (a < 0 || b < 0 || ae == null || pair == null || a >= images.size() || b >= images.size()
                || ae.inputSize() != pair.test().dimension()) {
            strips.set(null);
            autoencoderSpace.annotations().remove(ANNOTATION);
        } else {
            int n = Math.max(3, Math.min(21, steps.get()));
            float[] x = images.image(a);
            float[] y = images.image(b);
            Interpolation.Filmstrip latent = Interpolation.between(ae, x, y, n);
            Codec p = pca.get();
            Interpolation.Filmstrip pcaStrip = p != null && p.inputSize() == x.length
                    ? Interpolation.between(p, x, y, n) : null;
            strips.set(new Strips(latent, Interpolation.crossFade(x, y, n), pcaStrip, n, x.length));
            List<Annotation> marks = new ArrayList<>();
            marks.add(new Annotation.Path(latent.codes(), ae.latentSize(), COLOUR));
            marks.add(new Annotation.Marker("A", latent.code(0), COLOUR));
            marks.add(new Annotation.Marker("B", latent.code(n - 1), COLOUR));
            autoencoderSpace.annotations().put(ANNOTATION, List.copyOf(marks));
        }
        showStrips();
    }

    private void showStrips() {
        Strips s = strips.get();
        if (s == null) {
            latentTiles.set(List.of());
            fadeTiles.set(List.of());
            pcaTiles.set(List.of());
            pcaTitle.set("PCA: the same walk between PCA codes");
            return;
        }
        latentTiles.set(filmstrip(s.latent()));
        List<ImageRow.Item> fade = new ArrayList<>();
        for (int i = 0; i < s.steps(); i++) {
            fade.add(images.tile(Arrays.copyOfRange(s.crossFade(), i * s.imageSize(), (i + 1) * s.imageSize()),
                    t(i, s.steps())));
        }
        fadeTiles.set(fade);
        pcaTiles.set(s.pca() == null ? List.of() : filmstrip(s.pca()));
        pcaTitle.set(s.pca() == null ? "PCA: waiting for the PCA fit (it runs once per data set, in the background)"
                : "PCA with k = " + s.pca().codeSize() + ": the same walk between PCA codes");
    }

    private List<ImageRow.Item> filmstrip(Interpolation.Filmstrip f) {
        List<ImageRow.Item> items = new ArrayList<>();
        for (int i = 0; i < f.steps(); i++) {
            items.add(images.tile(f.image(i), t(i, f.steps())));
        }
        return items;
    }

    private static String t(int i, int n) {
        return String.format("t=%.2f", i / (double) (n - 1));
    }

    private void describeEnds() {
        List<ImageRow.Item> items = new ArrayList<>();
        if (dataset.get() != null) {
            int a = endA.get();
            int b = endB.get();
            if (a >= 0) {
                items.add(images.tile(a, "A: " + images.labelPhrase(images.label(a)), images.describe(a), false));
            }
            if (b >= 0) {
                items.add(images.tile(b, "B: " + images.labelPhrase(images.label(b)), images.describe(b), false));
            }
        }
        ends.set(items);
    }

    /** Forgets A and B (another data set). */
    void clear() {
        endA.set(-1);
        endB.set(-1);
    }
}
