package latentlab.ui.embeddings;

import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import latentlab.data.DatasetPair;
import latentlab.embed.Neighbours;
import latentlab.embed.Similarity;
import latentlab.ui.common.Changes;
import latentlab.ui.common.ImageRow;
import latentlab.ui.explorer.SelectionModel;

/**
 * Nearest neighbours of the selected test image among all pooled images by inner product, cosine or distance, in
 * three spaces: the autoencoder's codes, PCA's codes with as many components, and the raw pixels. Searches run on
 * the FX thread (milliseconds) whenever the selection, the measure or the indexes change.
 */
public final class NeighboursViewModel {
    /** Neighbours shown per search. */
    public static final int NEIGHBOURS = 8;

    /**
     * One search.
     *
     * @param space      "autoencoder", "PCA" or "pixels"
     * @param dimension  the size of the vectors searched
     * @param query      the pooled index of the query image
     * @param neighbours best first, pooled indices
     * @param millis     how long the search took
     * @param sameLabel  how many of them share the query's label
     */
    public record Answer(String space, int dimension, int query, Neighbours neighbours, double millis,
                         int sameLabel) {
    }

    /**
     * One space's results as shown.
     *
     * @param title "Autoencoder codes (2 numbers per image): 8 of 8 are 1s · 0.7 ms", or what is missing
     * @param tiles the neighbours, best first
     */
    public record Row(String title, List<ImageRow.Item> tiles) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final SelectionModel selection;
    private final PooledImages images;
    private final ReadOnlyObjectProperty<SearchIndexes> indexes;
    private final ObjectProperty<Similarity> similarity = new SimpleObjectProperty<>(this, "similarity",
            Similarity.EUCLIDEAN);
    private final ReadOnlyObjectWrapper<Answer> codeAnswer = new ReadOnlyObjectWrapper<>(this, "codeAnswer");
    private final ReadOnlyObjectWrapper<Answer> pcaAnswer = new ReadOnlyObjectWrapper<>(this, "pcaAnswer");
    private final ReadOnlyObjectWrapper<Answer> pixelAnswer = new ReadOnlyObjectWrapper<>(this, "pixelAnswer");
    private final ReadOnlyObjectWrapper<Row> codeRow = new ReadOnlyObjectWrapper<>(this, "codeRow");
    private final ReadOnlyObjectWrapper<Row> pcaRow = new ReadOnlyObjectWrapper<>(this, "pcaRow");
    private final ReadOnlyObjectWrapper<Row> pixelRow = new ReadOnlyObjectWrapper<>(this, "pixelRow");
    private final ReadOnlyObjectWrapper<ImageRow.Item> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final ReadOnlyStringWrapper queryText = new ReadOnlyStringWrapper(this, "queryText");
    private final ReadOnlyStringWrapper measureNote = new ReadOnlyStringWrapper(this, "measureNote");

    NeighboursViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, SelectionModel selection, PooledImages images,
                        ReadOnlyObjectProperty<SearchIndexes> indexes) {
        this.dataset = dataset;
        this.selection = selection;
        this.images = images;
        this.indexes = indexes;
        Changes.onAny(this::search, similarity, selection.selectedProperty(), indexes);
        Changes.onAny(this::describeQuery, selection.selectedProperty(), dataset);
        Changes.onAny(this::describeMeasure, similarity);
        search();
        describeQuery();
        describeMeasure();
    }

    /** How closeness is measured: inner product, cosine or Euclidean distance. */
    public ObjectProperty<Similarity> similarityProperty() {
        return similarity;
    }

    /** The selected image's neighbours among the autoencoder's codes (null: none selected, or no index yet). */
    public ReadOnlyObjectProperty<Answer> codeAnswerProperty() {
        return codeAnswer.getReadOnlyProperty();
    }

    /** The same search among PCA's codes with as many components (null before the PCA fit). */
    public ReadOnlyObjectProperty<Answer> pcaAnswerProperty() {
        return pcaAnswer.getReadOnlyProperty();
    }

    /** The same search among the raw pixels. */
    public ReadOnlyObjectProperty<Answer> pixelAnswerProperty() {
        return pixelAnswer.getReadOnlyProperty();
    }

    /** The autoencoder's answer as shown. */
    public ReadOnlyObjectProperty<Row> codeRowProperty() {
        return codeRow.getReadOnlyProperty();
    }

    /** PCA's answer as shown. */
    public ReadOnlyObjectProperty<Row> pcaRowProperty() {
        return pcaRow.getReadOnlyProperty();
    }

    /** The pixels' answer as shown. */
    public ReadOnlyObjectProperty<Row> pixelRowProperty() {
        return pixelRow.getReadOnlyProperty();
    }

    /** The selected image's tile (null: none selected). */
    public ReadOnlyObjectProperty<ImageRow.Item> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** What the query is, or how to choose one. */
    public ReadOnlyStringProperty queryTextProperty() {
        return queryText.getReadOnlyProperty();
    }

    /** What the measure computes, in words. */
    public ReadOnlyStringProperty measureNoteProperty() {
        return measureNote.getReadOnlyProperty();
    }

    /** Searches the three spaces for the selected image's neighbours. */
    private void search() {
        int q = selection.getSelected();
        SearchIndexes ix = indexes.get();
        if (q < 0 || ix == null || ix.pair() != dataset.get()) {
            codeAnswer.set(null);
            pcaAnswer.set(null);
            pixelAnswer.set(null);
        } else {
            Similarity sim = similarity.get();
            codeAnswer.set(timed("autoencoder", ix.codes().dimension(), q,
                    () -> ix.codes().nearestTo(q, NEIGHBOURS, sim)));
            pcaAnswer.set(ix.pcaCodes() == null ? null : timed("PCA", ix.pcaCodes().dimension(), q,
                    () -> ix.pcaCodes().nearestTo(q, NEIGHBOURS, sim)));
            float[] x = images.image(q);
            pixelAnswer.set(timed("pixels", x.length, q, () -> ix.nearestPixels(x, NEIGHBOURS, sim, q)));
        }
        codeRow.set(row(codeAnswer.get(), "Autoencoder codes"));
        pcaRow.set(row(pcaAnswer.get(), "PCA codes"));
        pixelRow.set(row(pixelAnswer.get(), "Pixels"));
    }

    private Answer timed(String space, int dimension, int q, Supplier<Neighbours> search) {
        long t0 = System.nanoTime();
        Neighbours n = search.get();
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Answer(space, dimension, q, n, ms, images.count(n, images.label(q)));
    }

    private Row row(Answer a, String space) {
        if (a == null) {
            return new Row(space + (selection.getSelected() < 0 ? "" : ": indexing…"), List.of());
        }
        return new Row(String.format("%s (%d numbers per image): %d of %d are %s · %.1f ms", space, a.dimension(),
                a.sameLabel(), a.neighbours().size(), images.many(images.label(a.query())), a.millis()),
                images.tiles(a.neighbours(), similarity.get()));
    }

    private void describeQuery() {
        int i = selection.getSelected();
        DatasetPair p = dataset.get();
        String searched = String.format("%,d", images.size());
        if (i < 0 || p == null || i >= p.test().size()) {
            query.set(null);
            queryText.set("Click an image in the map: its nearest neighbours among all " + searched
                    + " images appear below, in three spaces.");
            return;
        }
        query.set(images.tile(images.image(i), ""));
        queryText.set(images.describe(i) + ", " + images.labelPhrase(images.label(i)) + ". Searched: all " + searched
                + " images (test and training).");
    }

    private void describeMeasure() {
        Similarity s = similarity.get();
        measureNote.set(s == Similarity.INNER_PRODUCT
                ? "a·b = Σ a_i b_i, largest first. It grows with the length of the codes, so long codes win: the "
                        + "neighbours are the images furthest out in the query's direction."
                : s == Similarity.COSINE
                ? "cos = a·b / (‖a‖ ‖b‖): the inner product of directions only, length ignored. With k = 2 many "
                        + "codes share a direction."
                : "‖a − b‖, smallest first: the images whose codes lie nearest in the map.");
    }
}
