package latentlab.ui.explorer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableFloatArray;
import javafx.collections.ObservableMap;
import latentlab.data.Dataset;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;

/**
 * A latent space as the views see it: a model (any {@link Codec}: autoencoder or PCA), the codes of the display
 * images, which two dimensions the scatter shows, and the current latent position a = (a1, ..., ak) that the
 * sliders move and the decoder renders. Per-dimension ranges and histograms of the codes come with each update
 * ({@link CodeStatistics}). It also computes what the views show of the model: an image's reconstruction, a
 * traversal of one dimension, a variational model's code distribution.
 *
 * <p>All mutation happens on the FX thread; models and code arrays are immutable once handed in.
 */
public final class LatentSpaceModel {
    /** Bins of the per-dimension histograms. */
    public static final int HISTOGRAM_BINS = CodeStatistics.BINS;

    private final String name;
    private final SelectionModel selection;
    private final ReadOnlyObjectWrapper<Dataset> display = new ReadOnlyObjectWrapper<>(this, "display");
    private final ReadOnlyObjectWrapper<Codec> codec = new ReadOnlyObjectWrapper<>(this, "codec");
    private final ReadOnlyObjectWrapper<float[]> codes = new ReadOnlyObjectWrapper<>(this, "codes");
    private final ReadOnlyIntegerWrapper latentSize = new ReadOnlyIntegerWrapper(this, "latentSize", 0);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);
    private final IntegerProperty dimX = new SimpleIntegerProperty(this, "dimX", 0);
    private final IntegerProperty dimY = new SimpleIntegerProperty(this, "dimY", 1);
    private final ObservableFloatArray position = FXCollections.observableFloatArray();
    private final ReadOnlyObjectWrapper<float[]> errors = new ReadOnlyObjectWrapper<>(this, "errors");
    private final Set<Object> errorClients = new HashSet<>();
    private final ReadOnlyBooleanWrapper errorsWanted = new ReadOnlyBooleanWrapper(this, "errorsWanted");
    private final ObservableMap<String, List<Annotation>> annotations = FXCollections.observableHashMap();
    private final DisplayMorphometrics morphometrics = new DisplayMorphometrics();
    private CodeStatistics statistics = CodeStatistics.of(null, 0);
    private final DecoderMemo atPosition = new DecoderMemo();
    private final DecoderMemo strip = new DecoderMemo();
    private CodeDistribution distribution;

    public LatentSpaceModel(String name, SelectionModel selection) {
        this.name = name;
        this.selection = selection;
    }

    /** "Autoencoder" or "PCA": how views title this space. */
    public String name() {
        return name;
    }

    public SelectionModel selection() {
        return selection;
    }

    /** The images whose codes are shown (with their labels). */
    public ReadOnlyObjectProperty<Dataset> displayProperty() {
        return display.getReadOnlyProperty();
    }

    public Dataset getDisplay() {
        return display.get();
    }

    /** The current model. */
    public ReadOnlyObjectProperty<Codec> codecProperty() {
        return codec.getReadOnlyProperty();
    }

    public Codec getCodec() {
        return codec.get();
    }

    /** Codes of the display images, {@code n x k}; a new array on each update. */
    public ReadOnlyObjectProperty<float[]> codesProperty() {
        return codes.getReadOnlyProperty();
    }

    public float[] getCodes() {
        return codes.get();
    }

    /** k, or 0 before the first model. */
    public ReadOnlyIntegerProperty latentSizeProperty() {
        return latentSize.getReadOnlyProperty();
    }

    public int getLatentSize() {
        return latentSize.get();
    }

    /**
     * Increases whenever the model or the codes change (the model changes with every training snapshot; the codes
     * less often: listen to {@link #codesProperty()} for those).
     */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Dimension shown on the scatter's horizontal axis (0-based). */
    public IntegerProperty dimXProperty() {
        return dimX;
    }

    /** Dimension shown on the vertical axis (0-based). */
    public IntegerProperty dimYProperty() {
        return dimY;
    }

    /** The latent position a that the sliders edit; k values. */
    public ObservableFloatArray position() {
        return position;
    }

    /**
     * The squared reconstruction error of each display image under (a recent snapshot of) the model, or null
     * while unknown. Filled on demand by whoever measures it; views use it to colour points.
     */
    public ReadOnlyObjectProperty<float[]> errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    /** Registers ({@code on}) or removes a view that needs {@link #errorsProperty()} filled. */
    public void wantErrors(Object client, boolean on) {
        if (on) {
            errorClients.add(client);
        } else {
            errorClients.remove(client);
        }
        errorsWanted.set(!errorClients.isEmpty());
    }

    /** Whether some view needs the per-image errors. */
    public ReadOnlyBooleanProperty errorsWantedProperty() {
        return errorsWanted.getReadOnlyProperty();
    }

    /** Sets the per-image errors (one per display image) or null. */
    public void setErrors(float[] perImage) {
        Dataset d = display.get();
        if (perImage != null && (d == null || perImage.length != d.size())) {
            throw new IllegalArgumentException((perImage.length) + " errors for "
                    + (d == null ? "no" : Integer.toString(d.size())) + " display images");
        }
        errors.set(perImage);
    }

    /** The morphometrics of the display images (slant, thickness, …), filled on demand like the errors. */
    public DisplayMorphometrics morphometrics() {
        return morphometrics;
    }

    /**
     * What tools draw on the map, by tool ("interpolation", "drawing", ...): each replaces its own list. Codes
     * of another k than the current one are not drawn.
     */
    public ObservableMap<String, List<Annotation>> annotations() {
        return annotations;
    }

    /** Sets the images to show; clears the model. */
    public void setDisplay(Dataset images) {
        errors.set(null);
        morphometrics.displayChanged(images);
        display.set(images);
        codec.set(null);
        codes.set(null);
        latentSize.set(0);
        version.set(version.get() + 1);
    }

    /**
     * Shows a new model and its codes of the display images. When k changes the position is reset to the middle
     * of the codes and the dimensions to a1, a2.
     *
     * <p>Everything is checked and computed before anything changes: codes that do not fit the display images
     * (a model of another data set) are refused with a message naming both sizes, and the model is left as it
     * was, never half-updated.
     *
     * @throws IllegalArgumentException if the codes are not {@code k} values for every display image
     */
    public void update(Codec model, float[] newCodes) {
        int k = model.latentSize();
        Dataset d = display.get();
        if (k < 1) {
            throw new IllegalArgumentException(model.describe() + " has no latent dimensions (k = " + k + ")");
        }
        if (newCodes != null && (newCodes.length % k != 0
                || d != null && newCodes.length != (long) d.size() * k)) {
            throw new IllegalArgumentException(mismatch(newCodes.length, k, d));
        }
        boolean newK = k != latentSize.get();
        atPosition.forget();
        strip.forget();
        boolean codesChanged = newCodes != codes.get() || newK;
        CodeStatistics stats = codesChanged ? CodeStatistics.of(newCodes, k) : statistics;
        // Order matters to listeners: the statistics (the sliders' ranges) first, then position and k, then the
        // model, then the codes.
        statistics = stats;
        if (newK) {
            position.setAll(stats.middle());
            dimX.set(0);
            dimY.set(Math.min(1, k - 1));
            latentSize.set(k);
        }
        codec.set(model);
        codes.set(newCodes);
        version.set(version.get() + 1);
    }

    /** Why codes of {@code values} numbers cannot be shown on {@code d}, and what to do about it. */
    private static String mismatch(int values, int k, Dataset d) {
        String codesFor = values % k == 0
                ? String.format("codes of %,d images (k = %d)", values / k, k)
                : String.format("%,d code values, which are not whole codes of k = %d,", values, k);
        if (d == null) {
            return "The latent map cannot show " + codesFor + " without display images";
        }
        return String.format("The latent map cannot show %s for the %,d images on show: the model's codes belong to "
                + "another data set. Train a model for this data set (new network settings or Reset), or open the "
                + "data set the model was made for", codesFor, d.size());
    }

    /**
     * After the network started again (reset, new settings), a slider position outside the new codes' range would
     * pin the thumb at an end and decode far from every image: each such dimension goes back to the middle. A
     * position inside the range (a restored lesson's, a selected image's) stays.
     */
    public void recentreOutsideRange() {
        for (int j = 0; j < position.size() && j < statistics.dimensions(); j++) {
            float v = position.get(j);
            if (!(v >= low(j) && v <= high(j))) {
                position.set(j, (float) ((low(j) + high(j)) / 2));
            }
        }
    }

    /** Slider range of dimension j: the 1st to 99th percentile of the codes, widened by 10% on each side. */
    public double low(int j) {
        return statistics.low(j);
    }

    public double high(int j) {
        return statistics.high(j);
    }

    /** Counts of codes along dimension j in {@link #HISTOGRAM_BINS} bins over [low(j), high(j)]. */
    public int[] histogram(int j) {
        return statistics.histogram(j);
    }

    /** Code of display image {@code i} (a new array), or null without codes. */
    public float[] codeOf(int i) {
        float[] c = codes.get();
        int k = latentSize.get();
        if (c == null || i < 0 || (i + 1) * k > c.length) {
            return null;
        }
        return Arrays.copyOfRange(c, i * k, (i + 1) * k);
    }

    /**
     * The code of display image {@code i} as a variational autoencoder gives it: a normal distribution
     * N(mean, diag(exp(logVariance))) in the latent space (Kingma and Welling, "Auto-Encoding Variational Bayes",
     * 2014); null for another model or without display images. The last one asked for is kept.
     */
    public CodeDistribution distributionOf(int i) {
        Dataset d = display.get();
        if (!(codec.get() instanceof Autoencoder ae) || !ae.architecture().isVariational() || d == null || i < 0
                || i >= d.size() || ae.inputSize() != d.dimension()) {
            return null;
        }
        if (distribution == null || distribution.codec() != ae || distribution.image() != i) {
            int k = ae.latentSize();
            float[] mean = new float[k];
            float[] logVariance = new float[k];
            ae.encodeDistribution(d.image(i), 0, 1, mean, logVariance);
            distribution = new CodeDistribution(ae, i, mean, logVariance);
        }
        return distribution;
    }

    /** Moves the position to the selected image's code; returns whether there was one. */
    public boolean snapToSelection() {
        float[] code = codeOf(selection.getSelected());
        if (code == null) {
            return false;
        }
        position.setAll(code);
        return true;
    }

    /** Sets one coordinate of the position. */
    public void setPosition(int j, float value) {
        if (j >= 0 && j < position.size()) {
            position.set(j, value);
        }
    }

    /** Puts every coordinate of the position in the middle of its range. */
    public void centre() {
        float[] mid = new float[latentSize.get()];
        for (int j = 0; j < mid.length; j++) {
            mid[j] = (float) ((low(j) + high(j)) / 2);
        }
        position.setAll(mid);
    }

    /**
     * Display image {@code i} through the model: its pixels, h(g(x)) and the squared error between them; null
     * without a model for these images.
     */
    public Reconstruction reconstructionOf(int i) {
        Codec c = codec.get();
        Dataset d = display.get();
        if (i < 0 || c == null || d == null || i >= d.size() || c.inputSize() != d.dimension()) {
            return null;
        }
        float[] x = d.image(i);
        float[] r = new float[x.length];
        c.reconstruct(x, 0, 1, r, 0);
        double se = 0;
        for (int j = 0; j < x.length; j++) {
            se += (x[j] - r[j]) * (double) (x[j] - r[j]);
        }
        return new Reconstruction(i, d.label(i), x, r, se);
    }

    /**
     * A traversal of dimension {@code j}: h(a) for {@code steps} positions that equal the current one except that
     * a_j goes evenly from {@code from} to {@code to}; the images one after the other ({@code steps x d}, shared with
     * the next caller who asks for the same: not to be changed), or null without a model for these images.
     */
    public float[] traversal(int j, double from, double to, int steps) {
        Codec c = codec.get();
        Dataset d = display.get();
        int k = latentSize.get();
        if (c == null || d == null || j < 0 || j >= k || position.size() != k || c.inputSize() != d.dimension()
                || steps < 2) {
            return null;
        }
        float[] a = position.toArray(new float[k]);
        float[] codes = new float[steps * k];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(a, 0, codes, s * k, k);
            codes[s * k + j] = (float) (from + (to - from) * s / (steps - 1));
        }
        return strip.decode(c, codes, steps);
    }

    /** Decodes the current position into {@code out} (d floats); returns false without a model. */
    public boolean decodePosition(float[] out) {
        Codec m = codec.get();
        if (m == null || position.size() != m.latentSize()) {
            return false;
        }
        float[] image = atPosition.decode(m, position.toArray(new float[position.size()]), 1);
        System.arraycopy(image, 0, out, 0, image.length);
        return true;
    }
}
