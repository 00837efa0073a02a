package latentlab.ui.embeddings;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.embed.LatentArithmetic;
import latentlab.embed.Neighbours;
import latentlab.embed.Similarity;
import latentlab.nn.Codec;
import latentlab.ui.common.Changes;
import latentlab.ui.common.ImageRow;
import latentlab.ui.explorer.Annotation;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;

/**
 * Latent arithmetic a − b + c: the decoder draws h(g(a) − g(b) + g(c)), and the real images whose codes lie
 * nearest to it are looked up. The arrows from b to a and from c to the sum are drawn on the autoencoder's map
 * (under the key {@value #ANNOTATION}); everything follows the model as it trains.
 */
public final class ArithmeticViewModel {
    /** The key of the arrows among the map's annotations. */
    public static final String ANNOTATION = "arithmetic";
    /** Real images shown nearest to the sum. */
    static final int NEAREST = 6;
    private static final int COLOUR = 0x7048E8;
    private static final String[] NAMES = {"a", "b", "c"};

    /** a − b + c decoded, and the real images nearest to it in code space (null before an index). */
    public record Sum(LatentArithmetic.Result result, Neighbours nearest) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final SelectionModel selection;
    private final LatentSpaceModel autoencoderSpace;
    private final PooledImages images;
    private final ReadOnlyObjectProperty<SearchIndexes> indexes;
    private final IntegerProperty argA = new SimpleIntegerProperty(this, "argA", -1);
    private final IntegerProperty argB = new SimpleIntegerProperty(this, "argB", -1);
    private final IntegerProperty argC = new SimpleIntegerProperty(this, "argC", -1);
    private final ReadOnlyObjectWrapper<Sum> sum = new ReadOnlyObjectWrapper<>(this, "sum");
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> arguments = new ReadOnlyObjectWrapper<>(this,
            "arguments", List.of());
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> result = new ReadOnlyObjectWrapper<>(this, "result",
            List.of());
    private final ReadOnlyObjectWrapper<List<ImageRow.Item>> nearest = new ReadOnlyObjectWrapper<>(this, "nearest",
            List.of());
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText");

    ArithmeticViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, SelectionModel selection,
                        LatentSpaceModel autoencoderSpace, PooledImages images,
                        ReadOnlyObjectProperty<SearchIndexes> indexes) {
        this.dataset = dataset;
        this.selection = selection;
        this.autoencoderSpace = autoencoderSpace;
        this.images = images;
        this.indexes = indexes;
        Changes.onAny(this::combine, argA, argB, argC, autoencoderSpace.codecProperty(), indexes);
        combine();
    }

    /** The three images (pooled indices, -1 none). */
    public IntegerProperty argAProperty() {
        return argA;
    }

    public IntegerProperty argBProperty() {
        return argB;
    }

    public IntegerProperty argCProperty() {
        return argC;
    }

    /** a − b + c (null until all three are chosen). */
    public ReadOnlyObjectProperty<Sum> sumProperty() {
        return sum.getReadOnlyProperty();
    }

    /** a, b and c as tiles. */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> argumentsProperty() {
        return arguments.getReadOnlyProperty();
    }

    /** The decoded sum as a tile (empty without a sum). */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The real images nearest to the sum. */
    public ReadOnlyObjectProperty<List<ImageRow.Item>> nearestProperty() {
        return nearest.getReadOnlyProperty();
    }

    /** The sum's code, its ink against c's and what its nearest images are; or what to do first. */
    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** Sets a, b or c (0, 1, 2) to the selected image. */
    public void useSelected(int argument) {
        (argument == 0 ? argA : argument == 1 ? argB : argC).set(selection.getSelected());
    }

    /** Recomputes a − b + c, its decode and nearest real images, and the arrows on the map. */
    private void combine() {
        int a = argA.get();
        int b = argB.get();
        int c = argC.get();
        Codec ae = autoencoderSpace.getCodec();
        DatasetPair pair = dataset.get();
        if (a < 0 || b < 0 || c < 0 || ae == null || pair == null || Math.max(a, Math.max(b, c)) >= images.size()
                || ae.inputSize() != pair.test().dimension()) {
            sum.set(null);
            autoencoderSpace.annotations().remove(ANNOTATION);
        } else {
            LatentArithmetic.Result r = LatentArithmetic.apply(ae, images.image(a), images.image(b), images.image(c));
            SearchIndexes ix = indexes.get();
            Neighbours near = ix != null && ix.fits(pair, r.code().length)
                    ? ix.codes().nearest(r.code(), NEAREST, Similarity.EUCLIDEAN, -1) : null;
            sum.set(new Sum(r, near));
            autoencoderSpace.annotations().put(ANNOTATION, List.of(
                    new Annotation.Arrow(r.b(), r.a(), COLOUR),
                    new Annotation.Arrow(r.c(), r.code(), COLOUR),
                    new Annotation.Marker("a", r.a(), COLOUR),
                    new Annotation.Marker("b", r.b(), COLOUR),
                    new Annotation.Marker("c", r.c(), COLOUR),
                    new Annotation.Marker("a − b + c", r.code(), COLOUR)));
        }
        describe();
    }

    private void describe() {
        int[] idx = {argA.get(), argB.get(), argC.get()};
        List<ImageRow.Item> args = new ArrayList<>();
        if (dataset.get() != null) {
            for (int j = 0; j < 3; j++) {
                if (idx[j] >= 0 && idx[j] < images.size()) {
                    args.add(images.tile(idx[j], NAMES[j] + ": " + images.labelPhrase(images.label(idx[j])), images.describe(idx[j]),
                            false));
                }
            }
        }
        arguments.set(args);
        Sum s = sum.get();
        if (s == null) {
            result.set(List.of());
            nearest.set(List.of());
            resultText.set("Choose a, b and c (or try the example).");
            return;
        }
        result.set(List.of(images.tile(s.result().decoded(), "")));
        double inkSum = ink(s.result().decoded());
        double inkC = ink(images.image(idx[2]));
        String text = PooledImages.describeCode("code", s.result().code()) + String.format(
                "%nInk %.0f, against c's %.0f (%+.0f%%)", inkSum, inkC, 100 * (inkSum / Math.max(1e-9, inkC) - 1));
        int top = s.nearest() == null ? -1 : leader(s.nearest());
        if (top >= 0) {
            text += String.format("%nIts %d nearest images: %d are %s", s.nearest().size(),
                    images.count(s.nearest(), top), images.many(top));
        }
        resultText.set(text);
        nearest.set(s.nearest() == null ? List.of() : images.tiles(s.nearest(), Similarity.EUCLIDEAN));
    }

    /** The label that first reaches the largest count, going through the results best first (-1 for none). */
    private int leader(Neighbours n) {
        int[] votes = new int[256];
        int top = -1;
        for (int r = 0; r < n.size(); r++) {
            int l = images.label(n.index(r));
            votes[l]++;
            top = top < 0 || votes[l] > votes[top] ? l : top;
        }
        return top;
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

    /** Forgets a, b and c (another data set). */
    void clear() {
        argA.set(-1);
        argB.set(-1);
        argC.set(-1);
    }
}
