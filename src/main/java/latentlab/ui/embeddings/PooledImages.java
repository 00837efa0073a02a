package latentlab.ui.embeddings;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.embed.Neighbours;
import latentlab.embed.Similarity;
import latentlab.ui.common.ImageRow;
import latentlab.ui.explorer.SelectionModel;

/**
 * The images the embeddings tools search and show, numbered in one pool: the test images first (so a test image's
 * number is its index in the map), then the training images. Also makes the tiles the tools show: a pooled image
 * with a caption and a tooltip, clickable (it selects the image in the map) if it is a test image.
 */
public final class PooledImages {
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final SelectionModel selection;

    public PooledImages(ReadOnlyObjectProperty<DatasetPair> dataset, SelectionModel selection) {
        this.dataset = dataset;
        this.selection = selection;
    }

    /** All images: the test images, then the training images (0 without a data set). */
    public int size() {
        DatasetPair p = dataset.get();
        return p == null ? 0 : p.test().size() + p.train().size();
    }

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

    /** What the open data set's classes are called. */
    public latentlab.data.ClassNames classNames() {
        DatasetPair p = dataset.get();
        return p == null ? latentlab.data.ClassNames.numbered("") : p.test().classNames();
    }

    /** "a 3" for numbered classes, "labelled Sandal" for named ones: what image {@code label} shows. */
    public String labelPhrase(int label) {
        latentlab.data.ClassNames n = classNames();
        return n.named() ? "labelled " + n.name(label) : "a " + label;
    }

    /** "3s" for numbered classes, "“Sandal”" for named ones: images of class {@code label}, in a count. */
    public String many(int label) {
        latentlab.data.ClassNames n = classNames();
        return n.named() ? "\u201C" + n.name(label) + "\u201D" : label + "s";
    }

    /** "test image #12" or "training image #4,321". */
    public String describe(int i) {
        return (isTest(i) ? "test image #" : "training image #") + String.format("%,d", indexIn(i));
    }

    /**
     * A tile of pooled image {@code i}; if {@code clickable} and it is a test image, clicking it selects the image
     * in the map.
     */
    public ImageRow.Item tile(int i, String caption, String tooltip, boolean clickable) {
        Dataset d = dataset.get().test();
        return new ImageRow.Item(image(i), d.rows(), d.cols(), caption, tooltip,
                clickable && isTest(i) ? () -> selection.select(i) : null);
    }

    /** A tile of pixels (a decoded image) of the data set's image size, not clickable. */
    public ImageRow.Item tile(float[] pixels, String caption) {
        Dataset d = dataset.get().test();
        return new ImageRow.Item(pixels, d.rows(), d.cols(), caption, "", null);
    }

    /**
     * Tiles of search results, best first, each captioned with its value under {@code s} (no caption for null)
     * and described in its tooltip.
     */
    public List<ImageRow.Item> tiles(Neighbours n, Similarity s) {
        List<ImageRow.Item> items = new ArrayList<>();
        for (int r = 0; r < n.size(); r++) {
            int i = n.index(r);
            String value = s == null ? "" : format(s.displayValue(n.score(r)));
            String tooltip = describe(i) + ", " + labelPhrase(label(i)) + (s == null ? "" : "; " + s.valueName() + " = " + value)
                    + (isTest(i) ? " (click to select it)" : "");
            items.add(tile(i, value, tooltip, true));
        }
        return items;
    }

    /** The most common label among the results (ties: the smaller label), -1 without results. */
    public int vote(Neighbours n) {
        int[] counts = new int[256];
        int vote = -1;
        for (int r = 0; r < n.size(); r++) {
            counts[label(n.index(r))]++;
        }
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > 0 && (vote < 0 || counts[l] > counts[vote])) {
                vote = l;
            }
        }
        return vote;
    }

    /** How many of the results have label {@code label}. */
    public int count(Neighbours n, int label) {
        int c = 0;
        for (int r = 0; r < n.size(); r++) {
            c += label(n.index(r)) == label ? 1 : 0;
        }
        return c;
    }

    /** A value to 3 significant-ish digits: 123, 1.23, 0.123. */
    static String format(double v) {
        double a = Math.abs(v);
        return a >= 100 ? String.format("%.0f", v) : a >= 1 ? String.format("%.2f", v) : String.format("%.3f", v);
    }

    /** "Code (0.12, -3.40, …)": the first six values of a code, and an ellipsis for more than seven. */
    static String describeCode(String prefix, float[] code) {
        StringBuilder s = new StringBuilder(prefix).append(" (");
        for (int j = 0; j < code.length; j++) {
            s.append(j > 0 ? ", " : "").append(String.format("%.2f", code[j]));
            if (j == 5 && code.length > 7) {
                s.append(", …");
                break;
            }
        }
        return s.append(")").toString();
    }
}
