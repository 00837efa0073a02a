package latentlab.ui.comparison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.eval.ReconstructionError;
import latentlab.io.Messages;
import latentlab.io.model.ModelFile;
import latentlab.nn.Codec;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.ui.common.Changes;
import latentlab.ui.common.XyChart;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;

/**
 * The test error against k, the number of latent dimensions: PCA's curve for k = 1..{@value #MAX_K} with the
 * variance it explains (right axis), the current autoencoder as a point at its k, and saved autoencoders the user
 * adds, each at its k. Errors are Σ over the pixels of (x − x′)², averaged over the test images.
 */
public final class ErrorAgainstKViewModel {
    /** Components shown on the chart. */
    public static final int MAX_K = 50;

    /** A saved autoencoder added to the chart. */
    public record ModelPoint(String name, int k, double testSquaredError) {
    }

    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ReadOnlyObjectProperty<ErrorCurve> curve;
    private final ReadOnlyObjectProperty<PcaModel> pca;
    private final ReadOnlyObjectProperty<Codec> autoencoder;
    private final ReadOnlyDoubleProperty aeError;
    private final JobRunner.Lane lane;
    private final ComputePool pool;
    private final Notices notices;
    private final ObservableList<ModelPoint> savedModels = FXCollections.observableArrayList();
    private final ObservableList<ModelPoint> savedModelsView = FXCollections.unmodifiableObservableList(savedModels);
    private final ReadOnlyObjectWrapper<List<XyChart.Series>> series = new ReadOnlyObjectWrapper<>(this, "series",
            List.of());
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");

    /**
     * @param autoencoder the current autoencoder
     * @param aeError     its mean test squared error per image, NaN while unknown
     */
    public ErrorAgainstKViewModel(ReadOnlyObjectProperty<DatasetPair> dataset, PcaFit fit,
                                  ReadOnlyObjectProperty<Codec> autoencoder, ReadOnlyDoubleProperty aeError,
                                  JobRunner.Lane lane, ComputePool pool, Notices notices) {
        this.dataset = dataset;
        this.curve = fit.curveProperty();
        this.pca = fit.modelProperty();
        this.autoencoder = autoencoder;
        this.aeError = aeError;
        this.lane = lane;
        this.pool = pool;
        this.notices = notices;
        Changes.onAny(this::refresh, curve, pca, aeError, fit.space().latentSizeProperty());
        savedModels.addListener((Observable o) -> refresh());
        dataset.addListener((o, was, now) -> savedModels.clear());
        refresh();
    }

    /** The chart's series: PCA's curve and variance, this autoencoder, the saved models. */
    public ReadOnlyObjectProperty<List<XyChart.Series>> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    /** The autoencoder's error against PCA's at the same k, in words (empty while unknown). */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** Saved autoencoders added to the chart, in the order added. */
    public ObservableList<ModelPoint> savedModels() {
        return savedModelsView;
    }

    /** Adds a saved autoencoder (its test error at its k), measured in the background; a bad file is reported. */
    public void addModel(Path file) {
        DatasetPair pair = dataset.get();
        if (pair == null) {
            return;
        }
        lane.execute(() -> {
            try {
                Codec c = ModelFile.load(file).codec();
                double se = ReconstructionError.evaluate(c, pair.test(), pool).squaredError();
                ModelPoint p = new ModelPoint(file.getFileName().toString(), c.latentSize(), se);
                Platform.runLater(() -> {
                    if (dataset.get() == pair) {
                        savedModels.add(p);
                    }
                });
            } catch (Exception e) {
                Platform.runLater(() -> notices.report("Could not add " + file.getFileName() + " to the error chart: "
                        + Messages.describe(e)));
            }
        });
    }

    private void refresh() {
        series.set(series(curve.get(), pca.get(), autoencoder.get(), aeError.get(), savedModels));
        caption.set(caption(curve.get(), autoencoder.get(), aeError.get()));
    }

    /** The chart's series for this state (what is unknown is left out). */
    static List<XyChart.Series> series(ErrorCurve c, PcaModel m, Codec ae, double aeError, List<ModelPoint> saved) {
        List<XyChart.Series> out = new ArrayList<>();
        if (c != null && m != null) {
            int n = Math.min(MAX_K, c.maxComponents());
            double[] ks = new double[n];
            double[] err = new double[n];
            double[] var = new double[n];
            for (int k = 1; k <= n; k++) {
                ks[k - 1] = k;
                err[k - 1] = c.errorPerImage(k);
                var[k - 1] = 100 * m.explainedVariance(k);
            }
            out.add(new XyChart.Series("PCA (closed form)", ComparisonColours.PCA, ComparisonColours.PCA_DARK, ks,
                    err, XyChart.Style.LINE_AND_POINTS, false, null));
            out.add(new XyChart.Series("variance explained by PCA (right)", ComparisonColours.VARIANCE,
                    ComparisonColours.VARIANCE_DARK, ks, var, XyChart.Style.DASHED_LINE, true, null));
        }
        if (ae != null && !Double.isNaN(aeError)) {
            out.add(new XyChart.Series("this autoencoder", ComparisonColours.AUTOENCODER,
                    ComparisonColours.AUTOENCODER_DARK, new double[] {ae.latentSize()}, new double[] {aeError},
                    XyChart.Style.POINTS, false, new String[] {String.format("%.2f", aeError)}));
        }
        if (!saved.isEmpty()) {
            double[] ks = new double[saved.size()];
            double[] err = new double[saved.size()];
            String[] names = new String[saved.size()];
            for (int i = 0; i < saved.size(); i++) {
                ks[i] = saved.get(i).k();
                err[i] = saved.get(i).testSquaredError();
                names[i] = saved.get(i).name();
            }
            out.add(new XyChart.Series("saved models", ComparisonColours.SAVED, ComparisonColours.SAVED_DARK, ks, err,
                    XyChart.Style.POINTS, false, names));
        }
        return List.copyOf(out);
    }

    /** "This autoencoder (…): 29.83 per test image at k = 2; PCA with the same k: 43.64", or empty. */
    static String caption(ErrorCurve c, Codec ae, double aeError) {
        if (ae == null || Double.isNaN(aeError)) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format("This autoencoder (%s): %.2f per test image at k = %d",
                ae.describe(), aeError, ae.latentSize()));
        if (c != null && ae.latentSize() <= c.maxComponents()) {
            s.append(String.format("; PCA with the same k: %.2f", c.errorPerImage(ae.latentSize())));
        }
        return s.toString();
    }
}
