package latentlab.ui.dimensions;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import latentlab.morpho.Morphometric;

/**
 * The Dimensions view's state: which model's dimensions it shows (the autoencoder being trained, or PCA with as
 * many components), which property the rows' curves show, and the analysis of that model, kept current by its
 * {@link DimensionAnalyzer} while the view is shown. Choosing PCA fits it first (once per data set). FX thread only.
 */
public final class DimensionsViewModel {
    /** Whose latent dimensions are shown. */
    public enum Source {
        AUTOENCODER("Autoencoder", "a"), PCA("PCA", "PC");

        private final String title;
        private final String prefix;

        Source(String title, String prefix) {
            this.title = title;
            this.prefix = prefix;
        }

        /** Shown in the chooser. */
        @Override
        public String toString() {
            return title;
        }

        /** How the dimensions are named: a1, a2, … or PC1, PC2, …. */
        public String prefix() {
            return prefix;
        }
    }

    private final DimensionAnalyzer autoencoder;
    private final DimensionAnalyzer pca;
    private final Runnable fitPca;
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.AUTOENCODER);
    private final ObjectProperty<Morphometric> curve = new SimpleObjectProperty<>(this, "curve");
    private final ObjectBinding<MeasuredDimensions> shown;
    private final StringBinding status;
    private final StringBinding score;
    private boolean active;

    /**
     * @param autoencoder   analyses the autoencoder's space
     * @param pca           analyses PCA's space
     * @param fitPca        starts PCA's fit for the open data set unless it is fitted
     * @param pcaFitting    whether PCA is being fitted
     * @param measuring     whether the test images' morphometrics are being measured
     */
    public DimensionsViewModel(DimensionAnalyzer autoencoder, DimensionAnalyzer pca, Runnable fitPca,
                               ObservableBooleanValue pcaFitting, ObservableBooleanValue measuring) {
        this.autoencoder = autoencoder;
        this.pca = pca;
        this.fitPca = fitPca;
        shown = Bindings.createObjectBinding(() -> analyzer().getResult(), source, autoencoder.resultProperty(),
                pca.resultProperty());
        status = Bindings.createStringBinding(() -> describe(shown.get(), measuring.get(), pcaFitting.get()), shown,
                source, measuring, pcaFitting);
        score = Bindings.createStringBinding(() -> shown.get() == null ? "" : String.format(Locale.ROOT,
                "Disentanglement %.2f", shown.get().score()), shown);
        source.addListener((o, was, now) -> {
            if (now == null) {
                source.set(was);
                return;
            }
            updateDemand();
        });
    }

    private DimensionAnalyzer analyzer() {
        return source.get() == Source.PCA ? pca : autoencoder;
    }

    /** Whose dimensions are shown. */
    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    /** The property every row's curve shows; null: the one each row's dimension tracks most. */
    public ObjectProperty<Morphometric> curveProperty() {
        return curve;
    }

    /** The analysis shown, null until one is measured. */
    public ObjectBinding<MeasuredDimensions> shownProperty() {
        return shown;
    }

    public MeasuredDimensions getShown() {
        return shown.get();
    }

    /** What is shown, or what is being waited for. */
    public ObservableStringValue statusProperty() {
        return status;
    }

    /** "Disentanglement 0.17", empty without an analysis. */
    public ObservableStringValue scoreProperty() {
        return score;
    }

    /** The view is shown ({@code true}) or hidden: the chosen model is analysed only while it is shown. */
    public void setActive(boolean on) {
        active = on;
        updateDemand();
    }

    private void updateDemand() {
        autoencoder.want(this, active && source.get() == Source.AUTOENCODER);
        pca.want(this, active && source.get() == Source.PCA);
        if (active && source.get() == Source.PCA) {
            fitPca.run();
        }
    }

    private String describe(MeasuredDimensions m, boolean measuring, boolean fitting) {
        if (m != null) {
            return String.format(Locale.ROOT, "%s, measured on the %,d test images%s", m.codec().describe(),
                    m.images().size(), source.get() == Source.AUTOENCODER ? " (again every few seconds while it "
                            + "trains)" : "");
        }
        if (source.get() == Source.PCA && fitting) {
            return "Fitting PCA…";
        }
        return measuring ? "Measuring the slant, thickness, … of every test image…" : "Waiting for a model…";
    }
}
