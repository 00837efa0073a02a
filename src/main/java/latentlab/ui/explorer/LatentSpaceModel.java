package latentlab.ui.explorer;

import java.util.Arrays;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableFloatArray;
import latentlab.data.Dataset;
import latentlab.nn.Codec;

/**
 * A latent space as the views see it: a model (any {@link Codec}: autoencoder or PCA), the codes of the display
 * images, which two dimensions the scatter shows, and the current latent position a = (a1, ..., ak) that the
 * sliders move and the decoder renders. Per-dimension ranges and histograms of the codes come with each update.
 *
 * <p>All mutation happens on the FX thread; models and code arrays are immutable once handed in.
 */
public final class LatentSpaceModel {
    /** Bins of the per-dimension histograms. */
    public static final int HISTOGRAM_BINS = 40;

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
    private final java.util.Set<Object> errorClients = new java.util.HashSet<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper errorsWanted =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "errorsWanted");
    private final javafx.collections.ObservableMap<String, java.util.List<Annotation>> annotations =
            FXCollections.observableHashMap();
    private double[] low = new double[0];
    private double[] high = new double[0];
    private int[][] histograms = new int[0][];

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
    public javafx.beans.property.ReadOnlyBooleanProperty errorsWantedProperty() {
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

    /**
     * What tools draw on the map, by tool ("interpolation", "drawing", ...): each replaces its own list. Codes
     * of another k than the current one are not drawn.
     */
    public javafx.collections.ObservableMap<String, java.util.List<Annotation>> annotations() {
        return annotations;
    }

    /** Sets the images to show; clears the model. */
    public void setDisplay(Dataset images) {
        errors.set(null);
        display.set(images);
        codec.set(null);
        codes.set(null);
        latentSize.set(0);
        version.set(version.get() + 1);
    }

    /**
     * Shows a new model and its codes of the display images. When k changes the position is reset to the middle
     * of the codes and the dimensions to a1, a2.
     */
    public void update(Codec model, float[] newCodes) {
        int k = model.latentSize();
        Dataset d = display.get();
        if (d != null && newCodes != null && newCodes.length != d.size() * k) {
            throw new IllegalArgumentException(newCodes.length + " code values for " + d.size() + " images of k = " + k);
        }
        boolean newK = k != latentSize.get();
        boolean codesChanged = newCodes != codes.get() || newK;
        if (codesChanged) {
            computeStatistics(newCodes, k);
        }
        // Order matters to listeners: position and k first, then the model, then the codes.
        if (newK) {
            float[] mid = new float[k];
            for (int j = 0; j < k; j++) {
                mid[j] = (float) ((low[j] + high[j]) / 2);
            }
            position.setAll(mid);
            dimX.set(0);
            dimY.set(Math.min(1, k - 1));
            latentSize.set(k);
        }
        codec.set(model);
        codes.set(newCodes);
        version.set(version.get() + 1);
    }

    /**
     * After the network started again (reset, new settings), a slider position outside the new codes' range would
     * pin the thumb at an end and decode far from every image: each such dimension goes back to the middle. A
     * position inside the range (a restored lesson's, a selected image's) stays.
     */
    public void recentreOutsideRange() {
        for (int j = 0; j < position.size() && j < low.length; j++) {
            float v = position.get(j);
            if (!(v >= low[j] && v <= high[j])) {
                position.set(j, (float) ((low[j] + high[j]) / 2));
            }
        }
    }

    private void computeStatistics(float[] c, int k) {
        low = new double[k];
        high = new double[k];
        histograms = new int[k][HISTOGRAM_BINS];
        if (c == null || c.length == 0) {
            Arrays.fill(low, -1);
            Arrays.fill(high, 1);
            return;
        }
        int n = c.length / k;
        // Percentiles from at most 4096 evenly spaced codes: cheap enough for every snapshot, stable enough.
        int stride = Math.max(1, n / 4096);
        int m = (n + stride - 1) / stride;
        float[] sample = new float[m];
        for (int j = 0; j < k; j++) {
            for (int s = 0; s < m; s++) {
                sample[s] = c[Math.min(n - 1, s * stride) * k + j];
            }
            Arrays.sort(sample);
            double p1 = sample[(int) (0.01 * (m - 1))];
            double p99 = sample[(int) Math.ceil(0.99 * (m - 1))];
            double margin = Math.max(1e-3, (p99 - p1) * 0.1);
            low[j] = p1 - margin;
            high[j] = p99 + margin;
            double width = high[j] - low[j];
            for (int i = 0; i < n; i++) {
                int b = (int) ((c[i * k + j] - low[j]) / width * HISTOGRAM_BINS);
                if (b >= 0 && b < HISTOGRAM_BINS) {
                    histograms[j][b]++;
                }
            }
        }
    }

    /** Slider range of dimension j: the 1st to 99th percentile of the codes, widened by 10% on each side. */
    public double low(int j) {
        return j < low.length ? low[j] : -1;
    }

    public double high(int j) {
        return j < high.length ? high[j] : 1;
    }

    /** Counts of codes along dimension j in {@link #HISTOGRAM_BINS} bins over [low(j), high(j)]. */
    public int[] histogram(int j) {
        return j < histograms.length ? histograms[j] : new int[HISTOGRAM_BINS];
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

    /** Decodes the current position into {@code out} (d floats); returns false without a model. */
    public boolean decodePosition(float[] out) {
        Codec m = codec.get();
        if (m == null || position.size() != m.latentSize()) {
            return false;
        }
        float[] a = position.toArray(new float[position.size()]);
        m.decode(a, 0, 1, out, 0);
        return true;
    }
}
