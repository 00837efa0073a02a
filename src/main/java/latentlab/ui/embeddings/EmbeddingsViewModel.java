package latentlab.ui.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.embed.DigitFraming;
import latentlab.embed.Interpolation;
import latentlab.embed.LatentArithmetic;
import latentlab.embed.NeighbourIndex;
import latentlab.embed.Neighbours;
import latentlab.embed.PixelNeighbourIndex;
import latentlab.embed.Similarity;
import latentlab.eval.Encoding;
import latentlab.io.Messages;
import latentlab.nn.Codec;
import latentlab.train.Snapshot;
import latentlab.ui.common.Changes;
import latentlab.ui.comparison.ComparisonViewModel;
import latentlab.ui.explorer.Annotation;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;

/**
 * The embeddings toolkit: nearest neighbours of the selected image among all 70,000 images by inner product,
 * cosine or distance — in the autoencoder's code space, in PCA's, and in pixel space; interpolation between two
 * images along the straight latent path, beside the pixel cross-fade and the PCA path; latent arithmetic
 * a − b + c; and a drawn digit encoded live. Everything follows the training: the searches use an index of the
 * codes rebuilt in the background (at most every {@value #REINDEX_MS} ms while training runs), the decodes use
 * the newest snapshot.
 *
 * <p>Images are numbered in one pool: the test images first (so a test image's number is its index in the map),
 * then the training images.
 */
public final class EmbeddingsViewModel {
    /** Neighbours shown per search. */
    public static final int NEIGHBOURS = 8;
    /** Rebuild the code index at most this often while training runs. */
    static final long REINDEX_MS = 2500;
    private static final int INTERPOLATION_COLOUR = 0xE8590C;
    private static final int ARITHMETIC_COLOUR = 0x7048E8;
    private static final int DRAWING_COLOUR = 0x0CA678;

    /**
     * One neighbour search.
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

    /** The three ways from image A to image B. */
    public record Strips(Interpolation.Filmstrip latent, float[] crossFade, Interpolation.Filmstrip pca, int steps,
                         int imageSize) {
    }

    /** a − b + c decoded, and the real images nearest to it in code space. */
    public record Sum(LatentArithmetic.Result result, Neighbours nearest) {
    }

    /**
     * A drawn digit as the autoencoder sees it.
     *
     * @param encoded        the image encoded (framed like MNIST if asked)
     * @param code           its code
     * @param reconstruction h(g(x))
     * @param nearest        the nearest images in code space (pooled indices)
     * @param vote           the most common label among them (-1 without neighbours)
     */
    public record Drawn(float[] encoded, float[] code, float[] reconstruction, Neighbours nearest, int vote) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ReadOnlyBooleanProperty running;
    private final SelectionModel selection;
    private final LatentSpaceModel autoencoderSpace;
    private final ComparisonViewModel comparison;
    private final ObjectProperty<Similarity> similarity = new SimpleObjectProperty<>(this, "similarity",
            Similarity.EUCLIDEAN);
    private final ReadOnlyObjectWrapper<Answer> codeAnswer = new ReadOnlyObjectWrapper<>(this, "codeAnswer");
    private final ReadOnlyObjectWrapper<Answer> pcaAnswer = new ReadOnlyObjectWrapper<>(this, "pcaAnswer");
    private final ReadOnlyObjectWrapper<Answer> pixelAnswer = new ReadOnlyObjectWrapper<>(this, "pixelAnswer");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final IntegerProperty endA = new SimpleIntegerProperty(this, "endA", -1);
    private final IntegerProperty endB = new SimpleIntegerProperty(this, "endB", -1);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 9);
    private final ReadOnlyObjectWrapper<Strips> strips = new ReadOnlyObjectWrapper<>(this, "strips");
    private final IntegerProperty argA = new SimpleIntegerProperty(this, "argA", -1);
    private final IntegerProperty argB = new SimpleIntegerProperty(this, "argB", -1);
    private final IntegerProperty argC = new SimpleIntegerProperty(this, "argC", -1);
    private final ReadOnlyObjectWrapper<Sum> sum = new ReadOnlyObjectWrapper<>(this, "sum");
    private final ReadOnlyObjectWrapper<Drawn> drawn = new ReadOnlyObjectWrapper<>(this, "drawn");
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latentlab-embeddings");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean building = new AtomicBoolean();
    private boolean active;
    private float[] drawing;
    private boolean frameDrawing = true;

    /** The searchable indexes, replaced as a whole (immutable). */
    private record Indexes(DatasetPair pair, Codec model, NeighbourIndex codes, Codec pca, NeighbourIndex pcaCodes,
                           PixelNeighbourIndex pixelsTest, PixelNeighbourIndex pixelsTrain) {
    }

    private Indexes indexes;
    private long lastIndexed = System.nanoTime() - 60_000_000_000L;

    /**
     * @param dataset          the open data set
     * @param snapshot         the autoencoder's training snapshot
     * @param running          whether it trains
     * @param selection        the selected test image (the query)
     * @param autoencoderSpace the autoencoder's latent space (its model; the tools' markers go on its map)
     * @param comparison       the PCA fit, for PCA's codes beside the autoencoder's
     */
    public EmbeddingsViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, ReadOnlyObjectProperty<Snapshot> snapshot,
                               ReadOnlyBooleanProperty running, SelectionModel selection,
                               LatentSpaceModel autoencoderSpace, ComparisonViewModel comparison) {
        this.dataset = dataset;
        this.snapshot = snapshot;
        this.running = running;
        this.selection = selection;
        this.autoencoderSpace = autoencoderSpace;
        this.comparison = comparison;
        Changes.onAny(this::searchSelected, similarity, selection.selectedProperty());
        Changes.onAny(this::interpolate, endA, endB, steps);
        Changes.onAny(this::combine, argA, argB, argC);
        autoencoderSpace.codecProperty().addListener((ob, was, now) -> modelMoved());
        comparison.space().codecProperty().addListener((ob, was, now) -> interpolate());
    }

    // ------------------------------------------------------------------ properties

    /** How closeness is measured: inner product, cosine or Euclidean distance. */
    public ObjectProperty<Similarity> similarityProperty() {
        return similarity;
    }

    /** The selected image's neighbours among the autoencoder's codes. */
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

    /** What the indexes are doing, for a status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The first image of the interpolation (a test image's index, -1 none). */
    public IntegerProperty endAProperty() {
        return endA;
    }

    /** The last image of the interpolation. */
    public IntegerProperty endBProperty() {
        return endB;
    }

    /** Images in each filmstrip, ends included (3..21). */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** The interpolation's three filmstrips (null until both ends are chosen). */
    public ReadOnlyObjectProperty<Strips> stripsProperty() {
        return strips.getReadOnlyProperty();
    }

    /** Latent arithmetic a − b + c: the three test images (-1 none). */
    public IntegerProperty argAProperty() {
        return argA;
    }

    public IntegerProperty argBProperty() {
        return argB;
    }

    public IntegerProperty argCProperty() {
        return argC;
    }

    /** The result of a − b + c (null until all three are chosen). */
    public ReadOnlyObjectProperty<Sum> sumProperty() {
        return sum.getReadOnlyProperty();
    }

    /** The drawn digit as the autoencoder sees it (null without a drawing). */
    public ReadOnlyObjectProperty<Drawn> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ the image pool

    /** All images: the test images, then the training images. */
    public int poolSize() {
        DatasetPair p = dataset.get();
        return p == null ? 0 : p.test().size() + p.train().size();
    }

    /** The data set and index within it of pooled image {@code i}. */
    private Dataset setOf(int i) {
        DatasetPair p = dataset.get();
        return i < p.test().size() ? p.test() : p.train();
    }

    private int indexIn(int i) {
        int t = dataset.get().test().size();
        return i < t ? i : i - t;
    }

    /** Pixels of pooled image {@code i}, in [0, 1]. */
    public float[] image(int i) {
        return setOf(i).image(indexIn(i));
    }

    /** Label of pooled image {@code i}. */
    public int label(int i) {
        return setOf(i).label(indexIn(i));
    }

    /** Whether pooled image {@code i} is a test image (one that the map shows and can select). */
    public boolean isTest(int i) {
        DatasetPair p = dataset.get();
        return p != null && i >= 0 && i < p.test().size();
    }

    /** The indexed code of pooled image {@code i} (from the model of the last indexing), or null before one. */
    public float[] codeOf(int i) {
        Indexes ix = indexes;
        return ix == null ? null : ix.codes().vector(i);
    }

    /** "test image #12" or "training image #4,321". */
    public String describe(int i) {
        return (isTest(i) ? "test image #" : "training image #") + String.format("%,d", indexIn(i));
    }

    // ------------------------------------------------------------------ indexes

    /** Whether the embeddings tab is shown: only then are indexes kept current. */
    public void setActive(boolean on) {
        active = on;
        if (on) {
            // The PCA search and path need the fit; it runs once per data set in the background.
            comparison.ensureFitted();
            poll();
        }
    }

    /** Called every frame while the tab is shown: rebuilds the indexes when the model has moved on. */
    public void poll() {
        DatasetPair pair = dataset.get();
        Snapshot s = snapshot.get();
        if (!active || pair == null || s == null || s.model().inputSize() != pair.test().dimension()
                || worker.isShutdown()) {
            return;
        }
        Indexes current = indexes;
        Codec pca = comparison.space().getCodec();
        boolean pcaChanged = pca != null && (current == null || current.pca() != pca);
        boolean modelChanged = current == null || current.model() != s.model() || current.pair() != pair;
        if (!modelChanged && !pcaChanged) {
            return;
        }
        long now = System.nanoTime();
        boolean running = this.running.get();
        boolean due = current == null || current.pair() != pair || pcaChanged || !running
                || now - lastIndexed > REINDEX_MS * 1_000_000L;
        if (!due || !building.compareAndSet(false, true)) {
            return;
        }
        lastIndexed = now;
        Codec model = s.model();
        if (current == null || current.pair() != pair) {
            status.set("Indexing " + String.format("%,d", pair.test().size() + pair.train().size()) + " images…");
        }
        worker.execute(() -> {
            try {
                Indexes built = build(pair, model, pca, current, running);
                Platform.runLater(() -> {
                    if (dataset.get() == pair) {
                        indexes = built;
                        status.set(String.format("%,d images indexed (codes of step %,d)", pair.test().size()
                                + pair.train().size(), snapshot.get() == null ? 0
                                : snapshot.get().step()));
                        searchSelected();
                        combine();
                        redraw();
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.set("Could not index the images: " + Messages.describe(e)));
            } finally {
                building.set(false);
            }
        });
    }

    /** Encodes every image with the model (and PCA), reusing what has not changed. */
    private static Indexes build(DatasetPair pair, Codec model, Codec pca, Indexes old, boolean running) {
        boolean samePair = old != null && old.pair() == pair;
        try (ComputePool pool = new ComputePool(running ? 1 : ComputePool.defaultThreads())) {
            NeighbourIndex codes = samePair && old.model() == model ? old.codes()
                    : new NeighbourIndex(encodeAll(model, pair, pool), model.latentSize());
            NeighbourIndex pcaCodes = pca == null ? null : samePair && old.pca() == pca ? old.pcaCodes()
                    : new NeighbourIndex(encodeAll(pca, pair, pool), pca.latentSize());
            PixelNeighbourIndex test = samePair ? old.pixelsTest() : new PixelNeighbourIndex(pair.test());
            PixelNeighbourIndex train = samePair ? old.pixelsTrain() : new PixelNeighbourIndex(pair.train());
            Indexes built = new Indexes(pair, model, codes, pca, pcaCodes, test, train);
            if (!samePair) {
                warmUp(built);
            }
            return built;
        }
    }

    /**
     * A few untimed searches on this thread, so that the first search the user makes runs compiled code (cold, a
     * pixel search takes about half a second instead of a few milliseconds).
     */
    private static void warmUp(Indexes ix) {
        float[] x = ix.pair().test().image(0);
        for (int r = 0; r < 12; r++) {
            for (Similarity s : Similarity.all()) {
                ix.codes().nearestTo(r, NEIGHBOURS, s);
                nearestPixels(ix, x, NEIGHBOURS, s, 0);
            }
        }
    }

    private static float[] encodeAll(Codec codec, DatasetPair pair, ComputePool pool) {
        float[] test = Encoding.encode(codec, pair.test(), pool);
        float[] train = Encoding.encode(codec, pair.train(), pool);
        float[] all = Arrays.copyOf(test, test.length + train.length);
        System.arraycopy(train, 0, all, test.length, train.length);
        return all;
    }

    // ------------------------------------------------------------------ neighbours

    /** Searches the three spaces for the selected image's neighbours. */
    private void searchSelected() {
        int q = selection.getSelected();
        Indexes ix = indexes;
        if (q < 0 || ix == null || ix.pair() != dataset.get()) {
            codeAnswer.set(null);
            pcaAnswer.set(null);
            pixelAnswer.set(null);
            return;
        }
        Similarity sim = similarity.get();
        codeAnswer.set(timed("autoencoder", ix.codes().dimension(), q,
                () -> ix.codes().nearestTo(q, NEIGHBOURS, sim)));
        pcaAnswer.set(ix.pcaCodes() == null ? null : timed("PCA", ix.pcaCodes().dimension(), q,
                () -> ix.pcaCodes().nearestTo(q, NEIGHBOURS, sim)));
        float[] x = image(q);
        pixelAnswer.set(timed("pixels", x.length, q, () -> nearestPixels(ix, x, NEIGHBOURS, sim, q)));
    }

    private Answer timed(String space, int dimension, int q, java.util.function.Supplier<Neighbours> search) {
        long t0 = System.nanoTime();
        Neighbours n = search.get();
        double ms = (System.nanoTime() - t0) / 1e6;
        int same = 0;
        for (int r = 0; r < n.size(); r++) {
            if (label(n.index(r)) == label(q)) {
                same++;
            }
        }
        return new Answer(space, dimension, q, n, ms, same);
    }

    /** The m nearest images in pixel space over the whole pool (test and training indexes, merged). */
    private static Neighbours nearestPixels(Indexes ix, float[] x, int m, Similarity sim, int excludePooled) {
        int t = ix.pixelsTest().size();
        Neighbours a = ix.pixelsTest().nearest(x, m, sim, excludePooled < t ? excludePooled : -1);
        Neighbours b = ix.pixelsTrain().nearest(x, m, sim, excludePooled >= t ? excludePooled - t : -1);
        return merge(a, 0, b, t, m);
    }

    /** The best m of two answers (ties to the lower pooled index, as each index ranks them). */
    static Neighbours merge(Neighbours a, int offsetA, Neighbours b, int offsetB, int m) {
        int n = Math.min(m, a.size() + b.size());
        int[] idx = new int[n];
        float[] score = new float[n];
        int i = 0;
        int j = 0;
        for (int r = 0; r < n; r++) {
            boolean takeA = j >= b.size() || (i < a.size() && (a.score(i) > b.score(j)
                    || (a.score(i) == b.score(j) && a.index(i) + offsetA < b.index(j) + offsetB)));
            if (takeA) {
                idx[r] = a.index(i) + offsetA;
                score[r] = a.score(i++);
            } else {
                idx[r] = b.index(j) + offsetB;
                score[r] = b.score(j++);
            }
        }
        return new Neighbours(idx, score);
    }

    // ------------------------------------------------------------------ interpolation

    /** Recomputes the filmstrips and the path on the map. */
    private void interpolate() {
        int a = endA.get();
        int b = endB.get();
        Codec ae = autoencoderSpace.getCodec();
        DatasetPair pair = dataset.get();
        if (a < 0 || b < 0 || ae == null || pair == null || a >= poolSize() || b >= poolSize()
                || ae.inputSize() != pair.test().dimension()) {
            strips.set(null);
            autoencoderSpace.annotations().remove("interpolation");
            return;
        }
        int n = Math.max(3, Math.min(21, steps.get()));
        float[] x = image(a);
        float[] y = image(b);
        Interpolation.Filmstrip latent = Interpolation.between(ae, x, y, n);
        Codec pca = comparison.space().getCodec();
        Interpolation.Filmstrip pcaStrip = pca != null && pca.inputSize() == x.length
                ? Interpolation.between(pca, x, y, n) : null;
        strips.set(new Strips(latent, Interpolation.crossFade(x, y, n), pcaStrip, n, x.length));
        int k = ae.latentSize();
        List<Annotation> marks = new ArrayList<>();
        marks.add(new Annotation.Path(latent.codes(), k, INTERPOLATION_COLOUR));
        marks.add(new Annotation.Marker("A", latent.code(0), INTERPOLATION_COLOUR));
        marks.add(new Annotation.Marker("B", latent.code(n - 1), INTERPOLATION_COLOUR));
        autoencoderSpace.annotations().put("interpolation", List.copyOf(marks));
    }

    // ------------------------------------------------------------------ arithmetic

    /** Recomputes a − b + c, its decode and nearest real images, and the arrows on the map. */
    private void combine() {
        int a = argA.get();
        int b = argB.get();
        int c = argC.get();
        Codec ae = autoencoderSpace.getCodec();
        DatasetPair pair = dataset.get();
        if (a < 0 || b < 0 || c < 0 || ae == null || pair == null || Math.max(a, Math.max(b, c)) >= poolSize()
                || ae.inputSize() != pair.test().dimension()) {
            sum.set(null);
            autoencoderSpace.annotations().remove("arithmetic");
            return;
        }
        LatentArithmetic.Result r = LatentArithmetic.apply(ae, image(a), image(b), image(c));
        Indexes ix = indexes;
        Neighbours near = ix != null && ix.pair() == pair && ix.codes().dimension() == r.code().length
                ? ix.codes().nearest(r.code(), 6, Similarity.EUCLIDEAN, -1) : null;
        sum.set(new Sum(r, near));
        List<Annotation> marks = List.of(
                new Annotation.Arrow(r.b(), r.a(), ARITHMETIC_COLOUR),
                new Annotation.Arrow(r.c(), r.code(), ARITHMETIC_COLOUR),
                new Annotation.Marker("a", r.a(), ARITHMETIC_COLOUR),
                new Annotation.Marker("b", r.b(), ARITHMETIC_COLOUR),
                new Annotation.Marker("c", r.c(), ARITHMETIC_COLOUR),
                new Annotation.Marker("a − b + c", r.code(), ARITHMETIC_COLOUR));
        autoencoderSpace.annotations().put("arithmetic", marks);
    }

    /**
     * The notes' "paris − france + italy" in digits: a thick {@code from} minus a thin {@code from} plus a thin
     * {@code to} (thickness = total ink; the test images at the 95th and 5th percentiles of their digit's ink). If
     * the difference of the two {@code from}s is mostly "thickness", the result is a thick {@code to}. With the
     * bundled net it works for 8 − 8 + 1 (the nearest images are 1s with half as much ink again as the thin 1),
     * not for 7 − 7 + 1 (a 7: the two 7s also differ in shape).
     */
    public void chooseThicknessExample(int from, int to) {
        DatasetPair pair = dataset.get();
        if (pair == null) {
            return;
        }
        Dataset test = pair.test();
        argA.set(byInk(test, from, 0.95));
        argB.set(byInk(test, from, 0.05));
        argC.set(byInk(test, to, 0.05));
    }

    /** Total ink of an image: the sum of its pixels in [0, 1]. */
    public static double ink(float[] image) {
        double s = 0;
        for (float v : image) {
            s += v;
        }
        return s;
    }

    /** The test image of {@code digit} at quantile {@code q} of its digit's total ink (-1 if there is none). */
    static int byInk(Dataset d, int digit, double q) {
        List<int[]> inks = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.label(i) == digit) {
                int ink = 0;
                for (int j = 0; j < d.dimension(); j++) {
                    ink += d.pixel(i, j);
                }
                inks.add(new int[] {ink, i});
            }
        }
        if (inks.isEmpty()) {
            return -1;
        }
        inks.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        return inks.get((int) Math.round(q * (inks.size() - 1)))[1];
    }

    // ------------------------------------------------------------------ drawing

    /**
     * Encodes a drawn image (pixels in [0, 1]), framed like MNIST's digits if {@code frame} (centred by mass,
     * scaled to a 20-pixel box); null clears. The marker on the map follows the model as it trains.
     */
    public void setDrawing(float[] image, boolean frame) {
        drawing = image == null ? null : image.clone();
        frameDrawing = frame;
        redraw();
    }

    private void redraw() {
        Codec ae = autoencoderSpace.getCodec();
        DatasetPair pair = dataset.get();
        float[] x = drawing;
        if (x == null || ae == null || pair == null || x.length != ae.inputSize()) {
            drawn.set(null);
            autoencoderSpace.annotations().remove("drawing");
            return;
        }
        float[] encoded = frameDrawing ? DigitFraming.frame(x, pair.test().rows(), pair.test().cols()) : x;
        float[] code = ae.encode(encoded);
        float[] rec = ae.decode(code);
        Indexes ix = indexes;
        Neighbours near = null;
        int vote = -1;
        if (ix != null && ix.pair() == pair && ix.codes().dimension() == code.length) {
            near = ix.codes().nearest(code, 5, Similarity.EUCLIDEAN, -1);
            int[] counts = new int[256];
            for (int r = 0; r < near.size(); r++) {
                counts[label(near.index(r))]++;
            }
            for (int l = 0; l < counts.length; l++) {
                if (counts[l] > 0 && (vote < 0 || counts[l] > counts[vote])) {
                    vote = l;
                }
            }
        }
        drawn.set(new Drawn(encoded, code, rec, near, vote));
        autoencoderSpace.annotations().put("drawing",
                List.of(new Annotation.Marker("your digit", code, DRAWING_COLOUR)));
    }

    // ------------------------------------------------------------------ lifecycle

    /** A new snapshot: decodes follow it at once; searches when the index catches up. */
    private void modelMoved() {
        interpolate();
        combine();
        redraw();
    }

    /** Forgets the indexes and choices (another data set). */
    public void clear() {
        indexes = null;
        endA.set(-1);
        endB.set(-1);
        argA.set(-1);
        argB.set(-1);
        argC.set(-1);
        drawing = null;
        codeAnswer.set(null);
        pcaAnswer.set(null);
        pixelAnswer.set(null);
        drawn.set(null);
        autoencoderSpace.annotations().clear();
        status.set("");
    }

    public void shutdown() {
        worker.shutdownNow();
    }
}
