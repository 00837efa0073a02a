package latentlab.ui.comparison;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import latentlab.data.Dataset;
import latentlab.nn.Codec;
import latentlab.ui.common.Changes;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;

/**
 * Reconstructions by both models: the selected test image beside h(g(x)) of the autoencoder and of PCA with
 * their squared errors Σ (x − x′)², and the test images each model reconstructs worst. Follows the selection and
 * both models as they change; FX thread only.
 */
public final class ReconstructionsViewModel {
    /** Images in each worst-reconstructed list. */
    static final int WORST = 12;

    /**
     * The selected image and its two reconstructions.
     *
     * @param images      the data set the image is from (for its size)
     * @param original    its pixels in [0, 1]
     * @param autoencoder the autoencoder's reconstruction, or null without a model for these images
     * @param pca         PCA's, or null before PCA's codes of these images
     * @param aeError     "squared error 12.34", or empty
     * @param pcaError    the same for PCA
     */
    public record Selected(Dataset images, float[] original, float[] autoencoder, float[] pca, String aeError,
                           String pcaError) {
    }

    /**
     * A worst-reconstructed list.
     *
     * @param images  the images the indices refer to (null: nothing to show)
     * @param indices worst first
     * @param errors  each image's squared error (null while measuring)
     * @param title   its heading
     */
    public record Worst(Dataset images, int[] indices, float[] errors, String title) {
    }

    private final SelectionModel selection;
    private final LatentSpaceModel autoencoderSpace;
    private final LatentSpaceModel pcaSpace;
    private final ReadOnlyObjectProperty<float[]> aeErrors;
    private final ReadOnlyObjectProperty<float[]> pcaErrors;
    private final ReadOnlyObjectWrapper<Selected> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper pcaCaption = new ReadOnlyStringWrapper(this, "pcaCaption", "PCA");
    private final ReadOnlyObjectWrapper<Worst> aeWorst = new ReadOnlyObjectWrapper<>(this, "aeWorst");
    private final ReadOnlyObjectWrapper<Worst> pcaWorst = new ReadOnlyObjectWrapper<>(this, "pcaWorst");

    /**
     * @param aeErrors  the autoencoder's squared error of each test image (null while measuring)
     * @param pcaErrors PCA's at the autoencoder's k
     */
    public ReconstructionsViewModel(SelectionModel selection, LatentSpaceModel autoencoderSpace,
                                    LatentSpaceModel pcaSpace, ReadOnlyObjectProperty<float[]> aeErrors,
                                    ReadOnlyObjectProperty<float[]> pcaErrors) {
        this.selection = selection;
        this.autoencoderSpace = autoencoderSpace;
        this.pcaSpace = pcaSpace;
        this.aeErrors = aeErrors;
        this.pcaErrors = pcaErrors;
        Changes.onAny(this::refreshSelected, selection.selectedProperty(), autoencoderSpace.codecProperty(),
                pcaSpace.codecProperty());
        Changes.onAny(this::refreshWorst, aeErrors, pcaErrors, autoencoderSpace.displayProperty(),
                pcaSpace.displayProperty());
        pcaSpace.latentSizeProperty().addListener((o, was, now) -> {
            pcaCaption.set(now.intValue() > 0 ? "PCA, k = " + now : "PCA");
            refreshWorst();
        });
        refreshSelected();
        refreshWorst();
    }

    /** The selected image and its reconstructions, or null while none is selected. */
    public ReadOnlyObjectProperty<Selected> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** "PCA, k = 2": the caption of PCA's reconstruction. */
    public ReadOnlyStringProperty pcaCaptionProperty() {
        return pcaCaption.getReadOnlyProperty();
    }

    /** The test images the autoencoder reconstructs worst. */
    public ReadOnlyObjectProperty<Worst> autoencoderWorstProperty() {
        return aeWorst.getReadOnlyProperty();
    }

    /** The test images PCA reconstructs worst at the autoencoder's k. */
    public ReadOnlyObjectProperty<Worst> pcaWorstProperty() {
        return pcaWorst.getReadOnlyProperty();
    }

    /** Selects test image {@code i} (clicked in a worst list). */
    public void select(int i) {
        selection.select(i);
    }

    private void refreshSelected() {
        int i = selection.getSelected();
        Dataset d = autoencoderSpace.getDisplay();
        if (i < 0 || d == null || i >= d.size()) {
            selected.set(null);
            return;
        }
        float[] x = d.image(i);
        float[] ae = reconstruct(autoencoderSpace.getCodec(), x);
        float[] pca = pcaSpace.getDisplay() == d ? reconstruct(pcaSpace.getCodec(), x) : null;
        selected.set(new Selected(d, x, ae, pca, errorText(x, ae), errorText(x, pca)));
    }

    /** h(g(x)), or null if {@code codec} is missing or reads images of another size. */
    static float[] reconstruct(Codec codec, float[] x) {
        if (codec == null || codec.inputSize() != x.length) {
            return null;
        }
        float[] out = new float[x.length];
        codec.reconstruct(x, 0, 1, out, 0);
        return out;
    }

    /** Σ (x − x′)² over the pixels. */
    static double squaredError(float[] x, float[] reconstruction) {
        double se = 0;
        for (int j = 0; j < x.length; j++) {
            double e = x[j] - reconstruction[j];
            se += e * e;
        }
        return se;
    }

    private static String errorText(float[] x, float[] reconstruction) {
        return reconstruction == null ? "" : String.format("squared error %.2f", squaredError(x, reconstruction));
    }

    private void refreshWorst() {
        float[] ae = aeErrors.get();
        float[] pca = pcaErrors.get();
        aeWorst.set(new Worst(autoencoderSpace.getDisplay(), worst(ae, autoencoderSpace.getDisplay()), ae, ae == null
                ? "Worst reconstructed by the autoencoder: measuring…"
                : "Worst reconstructed by the autoencoder (squared error)"));
        pcaWorst.set(new Worst(pcaSpace.getDisplay(), worst(pca, pcaSpace.getDisplay()), pca, pca == null
                ? "Worst reconstructed by PCA: waiting for the fit…"
                : "Worst reconstructed by PCA with k = " + pcaSpace.getLatentSize() + " (squared error)"));
    }

    /** The worst images, if the errors are those of {@code images} (not of a data set being replaced). */
    private static int[] worst(float[] errors, Dataset images) {
        return errors == null || images == null || errors.length != images.size() ? new int[0]
                : WorstImages.of(errors, WORST);
    }
}
