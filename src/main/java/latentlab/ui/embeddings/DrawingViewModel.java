package latentlab.ui.embeddings;

import java.util.List;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import latentlab.data.DatasetPair;
import latentlab.embed.DigitFraming;
import latentlab.embed.Neighbours;
import latentlab.embed.Similarity;
import latentlab.nn.Codec;
import latentlab.ui.common.Changes;
import latentlab.ui.common.ImageRow;
import latentlab.ui.explorer.Annotation;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;

/**
 * A drawn digit as the autoencoder sees it: encoded (framed like MNIST's digits if asked), reconstructed, its
 * nearest real images in code space and the label most of them have. Its code is marked on the autoencoder's map
 * (under the key {@value #ANNOTATION}) and keeps moving while the network trains.
 */
public final class DrawingViewModel {
    private final ReadOnlyIntegerWrapper clears = new ReadOnlyIntegerWrapper(this, "clears");
    /** The key of the marker among the map's annotations. */
    public static final String ANNOTATION = "drawing";
    /** Real images shown nearest to the drawing. */
    static final int NEAREST = 5;
    private static final int COLOUR = 0x0CA678;

    /**
     * A drawn digit as the autoencoder sees it.
     *
     * @param encoded        the image encoded (framed like MNIST if asked)
     * @param code           its code
     * @param reconstruction h(g(x))
     * @param nearest        the nearest images in code space (pooled indices), null before an index
     * @param vote           the most common label among them (-1 without neighbours)
     */
    public record Drawn(float[] encoded, float[] code, float[] reconstruction, Neighbours nearest, int vote) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final SelectionModel selection;
    private final LatentSpaceModel autoencoderSpace;
    private final PooledImages images;
    private final ReadOnlyObjectProperty<SearchIndexes> indexes;
    private final ReadOnlyObjectWrapper<Drawn> drawn = new ReadOnlyObjectWrapper<>(this, "drawn");
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> reconstruction = new ReadOnlyObjectWrapper<>(this,
            "reconstruction", List.of());
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> nearest = new ReadOnlyObjectWrapper<>(this, "nearest",
            List.of());
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");
    private float[] drawing;
    private boolean frameDrawing = true;

    DrawingViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, SelectionModel selection,
                     LatentSpaceModel autoencoderSpace, PooledImages images,
                     ReadOnlyObjectProperty<SearchIndexes> indexes) {
        this.dataset = dataset;
        this.selection = selection;
        this.autoencoderSpace = autoencoderSpace;
        this.images = images;
        this.indexes = indexes;
        Changes.onAny(this::encode, autoencoderSpace.codecProperty(), indexes);
        encode();
    }

    /** The drawn digit as the autoencoder sees it (null without a drawing or a model). */
    public ReadOnlyObjectProperty<Drawn> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** h(g(x)) as a tile (empty without a drawing). */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> reconstructionProperty() {
        return reconstruction.getReadOnlyProperty();
    }

    /** The nearest real images in code space. */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> nearestProperty() {
        return nearest.getReadOnlyProperty();
    }

    /** The code and what its neighbours say, or "Nothing drawn yet." */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The pixels of the image selected in the map (to load onto the pad), or null when none is. */
    public float[] selectedImage() {
        int i = selection.getSelected();
        return i >= 0 && i < images.size() ? images.image(i) : null;
    }

    /**
     * Encodes a drawn image (pixels in [0, 1]), framed like MNIST's digits if {@code frame} (centred by mass,
     * scaled to a 20-pixel box); null clears.
     */
    public void setDrawing(float[] image, boolean frame) {
        drawing = image == null ? null : image.clone();
        frameDrawing = frame;
        encode();
    }

    private void encode() {
        Codec ae = autoencoderSpace.getCodec();
        DatasetPair pair = dataset.get();
        float[] x = drawing;
        if (x == null || ae == null || pair == null || x.length != ae.inputSize()) {
            drawn.set(null);
            autoencoderSpace.annotations().remove(ANNOTATION);
        } else {
            float[] encoded = frameDrawing ? DigitFraming.frame(x, pair.test().rows(), pair.test().cols()) : x;
            float[] code = ae.encode(encoded);
            float[] rec = ae.decode(code);
            SearchIndexes ix = indexes.get();
            Neighbours near = null;
            int vote = -1;
            if (ix != null && ix.fits(pair, code.length)) {
                near = ix.codes().nearest(code, NEAREST, Similarity.EUCLIDEAN, -1);
                vote = images.vote(near);
            }
            drawn.set(new Drawn(encoded, code, rec, near, vote));
            autoencoderSpace.annotations().put(ANNOTATION, List.of(new Annotation.Marker("your digit", code, COLOUR)));
        }
        describe();
    }

    private void describe() {
        Drawn d = drawn.get();
        if (d == null) {
            reconstruction.set(List.of());
            nearest.set(List.of());
            text.set("Nothing drawn yet.");
            return;
        }
        reconstruction.set(List.of(images.tile(d.reconstruction(), "h(g(x))")));
        String t = PooledImages.describeCode("Code", d.code());
        if (d.vote() >= 0) {
            t += String.format("%nLooks like %s to its %d nearest codes (%d of them)",
                    images.classNames().named() ? images.classNames().name(d.vote()) : "a " + d.vote(),
                    d.nearest().size(), images.count(d.nearest(), d.vote()));
        }
        text.set(t);
        nearest.set(d.nearest() == null ? List.of() : images.tiles(d.nearest(), Similarity.EUCLIDEAN));
    }

    /** Forgets the drawing (another data set). */
    void clear() {
        drawing = null;
        encode();
    }

    /** Forgets the drawing and clears the pad (the user cleared the tools' markers). */
    void clearWithPad() {
        clear();
        clears.set(clears.get() + 1);
    }

    /** Counts the times the pad was to be cleared with the drawing: the pad clears itself when it changes. */
    public ReadOnlyIntegerProperty clearsProperty() {
        return clears.getReadOnlyProperty();
    }
}
