package latentlab.ui.comparison;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import latentlab.data.Dataset;
import latentlab.nn.Codec;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.train.Snapshot;
import latentlab.ui.common.Changes;
import latentlab.ui.common.DecodedImageView;
import latentlab.ui.common.DigitImages;
import latentlab.ui.common.DiscardDialog;
import latentlab.ui.common.Icons;
import latentlab.ui.common.ThumbnailStrip;
import latentlab.ui.common.XyChart;
import latentlab.ui.explorer.LatentSlidersView;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.shell.MainViewModel;
import latentlab.ui.training.TrainingSettings;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The autoencoder beside PCA, its linear closed-form counterpart: the two latent maps of the same test images
 * (linked selection, hover and isolation), reconstructions by both with their errors and the worst-reconstructed
 * images of each, the test error against the number of components with the autoencoder as a point, PCA used as a
 * decoder (sliders, traversal, manifold grid, eigen-digits), and a linear autoencoder whose decoder turns towards
 * PCA's subspace as it trains.
 */
public final class PcaComparisonView extends BorderPane {
    /** Components shown on the error chart. */
    static final int MAX_K = 50;
    /** Learning rate of the one-click linear autoencoder (Adam): fast, and close to PCA's error within 5 epochs. */
    static final double LINEAR_LEARNING_RATE = 0.005;
    private static final int WORST = 12;
    private static final Color PCA_COLOUR = Color.web("#d55e00");
    private static final Color PCA_DARK = Color.web("#ffa560");
    private static final Color AE_COLOUR = Color.web("#3355cc");
    private static final Color AE_DARK = Color.web("#7aa7ff");
    private static final Color SAVED_COLOUR = Color.web("#8e44ad");
    private static final Color SAVED_DARK = Color.web("#d2a8ff");
    private static final Color VARIANCE_COLOUR = Color.web("#2a9d5c");
    private static final Color VARIANCE_DARK = Color.web("#5fd08f");

    private final MainViewModel main;
    private final ComparisonViewModel vm;
    private final ScatterPane aePane;
    private final ScatterPane pcaPane;
    private final XyChart errorChart;
    private final XyChart angleChart;
    private final XyChart convergenceChart;
    private final TabPane details = new TabPane();
    private final Tab linearTab;
    private final DecodedImageView original;
    private final DecodedImageView aeReconstruction;
    private final DecodedImageView pcaReconstruction;
    private final Label aeErrorLabel = new Label();
    private final Label pcaErrorLabel = new Label();
    private final Label selectedHint = new Label("Click an image in either map to compare its reconstructions.");
    private final Label pcaReconstructionCaption = new Label("PCA");
    private final ThumbnailStrip aeWorst;
    private final ThumbnailStrip pcaWorst;
    private final Label aeWorstTitle = new Label();
    private final Label pcaWorstTitle = new Label();
    private final EigenDigitGallery eigenDigits;
    private final Label errorCaption = new Label();
    private final Label linearReadout = new Label();
    private final Button linearButton;

    public PcaComparisonView(MainViewModel main) {
        this.main = main;
        this.vm = main.comparison();
        var look = main.appearance();
        getStyleClass().add("pca-comparison");

        aePane = new ScatterPane(main.autoencoderSpace(), "a", "Autoencoder", look,
                new latentlab.ui.session.JobRunner("latentlab-map").lane("comparison autoencoder map"), // temporary:
                new latentlab.compute.ComputePool(1)); // the shell's runner and pool go here (issue 20)
        aePane.setId("compare-autoencoder");
        pcaPane = new ScatterPane(vm.space(), "PC", "PCA", look,
                new latentlab.ui.session.JobRunner("latentlab-map").lane("comparison PCA map"), // temporary: the
                new latentlab.compute.ComputePool(1)); // shell's runner and pool go here (issue 20)
        pcaPane.setId("compare-pca");
        SplitPane maps = new SplitPane(aePane, withFitOverlay(pcaPane));
        maps.setDividerPositions(0.5);

        DigitImages digits = DigitImages.of(look.getTheme());
        original = new DecodedImageView(digits, 112);
        aeReconstruction = new DecodedImageView(digits, 112);
        pcaReconstruction = new DecodedImageView(digits, 112);
        for (DecodedImageView v : new DecodedImageView[] {original, aeReconstruction, pcaReconstruction}) {
            v.show(new float[28 * 28], 0, 28, 28);
        }
        aeWorst = new ThumbnailStrip(look, i -> main.selection().select(i));
        aeWorst.setId("worst-autoencoder");
        pcaWorst = new ThumbnailStrip(look, i -> main.selection().select(i));
        pcaWorst.setId("worst-pca");
        look.themeProperty().addListener((o, a, b) -> {
            for (DecodedImageView v : new DecodedImageView[] {original, aeReconstruction, pcaReconstruction}) {
                v.setDigits(DigitImages.of(b));
            }
        });
        eigenDigits = new EigenDigitGallery(look, 15);

        errorChart = new XyChart(look);
        errorChart.setId("error-chart");
        errorChart.setAxisTitles("k, the number of latent dimensions (components)", "test squared error per image",
                "variance explained (%)");
        errorChart.setIntegerX(true);
        errorChart.setXRange(0, MAX_K + 1);
        errorChart.setRightRange(0, 100);
        errorChart.setEmptyMessage("The PCA curve appears once PCA is fitted");
        angleChart = new XyChart(look);
        angleChart.setId("angle-chart");
        angleChart.setAxisTitles("training steps (minibatches)", "angle to PCA's subspace (degrees)", "");
        angleChart.setEmptyMessage("Train a linear autoencoder to see its decoder turn towards PCA");
        convergenceChart = new XyChart(look);
        convergenceChart.setAxisTitles("training steps (minibatches)", "test squared error per image", "");
        convergenceChart.setYFromZero(false);
        convergenceChart.setEmptyMessage("Its test error, measured while this view is open, appears here");

        linearButton = Icons.button(MaterialDesignV.VECTOR_LINE, "Train a linear autoencoder",
                "One click: identity activations everywhere, squared error, one layer each way, the same k as now; "
                        + "then watch it become PCA");
        linearButton.setId("train-linear");
        linearButton.setOnAction(e -> trainLinear());
        linearButton.disableProperty().bind(main.training().readyProperty().not());

        Tab reconstructionsTab = new Tab("Reconstructions", reconstructions());
        Tab errorTab = new Tab("Error against k", errorPane());
        errorTab.setId("tab-error");
        Tab decoderTab = new Tab("PCA as a decoder", decoderPane());
        linearTab = new Tab("Linear autoencoder = PCA", linearPane());
        details.getTabs().addAll(reconstructionsTab, errorTab, decoderTab, linearTab);
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.getStyleClass().add("comparison-details");

        SplitPane body = new SplitPane(maps, details);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.56);
        setTop(header());
        setCenter(body);

        // Headings with the 5-NN accuracies, the galleries, the charts and the selected image follow the models.
        vm.aeKnnProperty().addListener((ob, was, now) -> headings());
        vm.aeErrorProperty().addListener((ob, was, now) -> headings());
        vm.curveProperty().addListener((ob, was, now) -> headings());
        vm.pcaKnnProperty().addListener((ob, was, now) -> headings());
        main.autoencoderSpace().codecProperty().addListener((ob, was, now) -> headings());
        vm.space().latentSizeProperty().addListener((ob, was, now) -> headings());
        vm.modelProperty().addListener((o, a, m) -> {
            var pair = main.getDataset();
            eigenDigits.show(m, pair == null ? 0 : pair.train().rows(), pair == null ? 0 : pair.train().cols());
            headings();
        });
        Changes.onAny(this::refreshErrorChart,
                vm.curveProperty(), vm.aeErrorProperty(), vm.space().latentSizeProperty());
        vm.savedModels().addListener((Observable o) -> refreshErrorChart());
        vm.aeErrorsProperty().addListener((ob, was, now) -> refreshWorst());
        vm.pcaErrorsProperty().addListener((ob, was, now) -> refreshWorst());
        vm.angles().addListener((Observable o) -> refreshLinear());
        vm.errorHistory().addListener((Observable o) -> refreshLinear());
        Changes.onAny(this::refreshSelected,
                main.selection().selectedProperty(), main.autoencoderSpace().codecProperty(), vm.space().codecProperty());
        headings();
        refreshErrorChart();
        refreshWorst();
        refreshSelected();
        refreshLinear();
    }

    /** Starts the PCA fit if this data set has none (call when the view is shown). */
    public void shown() {
        vm.ensureFitted();
        main.testErrors().want(this, true);
    }

    /** Stops measuring what only this view shows (call when another tab is selected). */
    public void hidden() {
        main.testErrors().want(this, false);
    }

    /** Called every frame while the view is shown: keeps the autoencoder's numbers current while it trains. */
    public void tick() {
        vm.refreshAutoencoder();
    }

    /** The autoencoder's map. */
    public ScatterPane autoencoderPane() {
        return aePane;
    }

    /** PCA's map. */
    public ScatterPane pcaPane() {
        return pcaPane;
    }

    /** Test error against k. */
    public XyChart errorChart() {
        return errorChart;
    }

    /** Principal angles of the linear autoencoder. */
    public XyChart angleChart() {
        return angleChart;
    }

    /** The tabs below the maps. */
    public TabPane details() {
        return details;
    }

    private Region header() {
        Label title = new Label("The autoencoder and PCA, its linear closed-form counterpart");
        title.getStyleClass().add("card-title");
        Label explain = new Label("Same test images, same colours. PCA can only rotate the images and keep the "
                + "directions of largest variance, so digits overlap; the autoencoder bends the space to pull them "
                + "apart. Selecting, hovering or isolating a digit acts on both maps.");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        VBox text = new VBox(2, title, explain);
        HBox.setHgrow(text, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(140);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        status.setMaxWidth(360);
        Button cancel = new Button("Cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> vm.cancelFit());
        HBox fit = new HBox(6, bar, cancel);
        fit.setAlignment(Pos.CENTER_LEFT);
        fit.visibleProperty().bind(vm.fittingProperty());
        fit.managedProperty().bind(fit.visibleProperty());

        Button add = Icons.button(MaterialDesignF.FILE_PLUS_OUTLINE, "Add saved model…",
                "Put another saved autoencoder (.llm) on the error chart, at its k");
        add.setId("add-model");
        add.setOnAction(e -> addModel());
        add.disableProperty().bind(main.datasetProperty().isNull());
        linearButton.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(12, text, fit, linearButton, add);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.getStyleClass().add("pane-toolbar");
        VBox withStatus = new VBox(box);
        status.visibleProperty().bind(vm.fittingProperty().or(vm.modelProperty().isNull()));
        status.managedProperty().bind(status.visibleProperty());
        text.getChildren().add(status);
        return withStatus;
    }

    /** PCA's map with a note over it while there is no fit yet. */
    private StackPane withFitOverlay(ScatterPane pane) {
        Label msg = new Label();
        msg.textProperty().bind(javafx.beans.binding.Bindings.when(vm.fittingProperty())
                .then(vm.statusProperty()).otherwise("PCA is not fitted yet"));
        msg.setWrapText(true);
        msg.getStyleClass().add("empty-title");
        ProgressBar p = new ProgressBar();
        p.progressProperty().bind(vm.progressProperty());
        p.visibleProperty().bind(vm.fittingProperty());
        p.setPrefWidth(220);
        Button fit = new Button("Fit PCA");
        fit.setId("fit-pca");
        fit.setOnAction(e -> vm.ensureFitted());
        fit.visibleProperty().bind(vm.fittingProperty().not().and(main.datasetProperty().isNotNull()));
        fit.managedProperty().bind(fit.visibleProperty());
        VBox box = new VBox(10, msg, p, fit);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(360, 160);
        box.getStyleClass().add("overlay-card");
        box.visibleProperty().bind(vm.modelProperty().isNull());
        StackPane s = new StackPane(pane, box);
        return s;
    }

    private Region reconstructions() {
        Label t = new Label("Selected image");
        t.getStyleClass().add("section-title");
        aeErrorLabel.getStyleClass().add("muted");
        pcaErrorLabel.getStyleClass().add("muted");
        pcaReconstructionCaption.getStyleClass().add("muted");
        Label o = new Label("original");
        o.getStyleClass().add("muted");
        Label a = new Label("autoencoder");
        a.getStyleClass().add("muted");
        HBox triple = new HBox(10, column(original, o, new Label(" ")), column(aeReconstruction, a, aeErrorLabel),
                column(pcaReconstruction, pcaReconstructionCaption, pcaErrorLabel));
        selectedHint.getStyleClass().add("muted");
        selectedHint.setWrapText(true);
        VBox selected = new VBox(6, t, triple, selectedHint);
        selected.setMinWidth(Region.USE_PREF_SIZE);

        aeWorstTitle.getStyleClass().add("section-title");
        pcaWorstTitle.getStyleClass().add("section-title");
        VBox worst = new VBox(6, aeWorstTitle, scrollable(aeWorst), pcaWorstTitle, scrollable(pcaWorst));
        HBox.setHgrow(worst, Priority.ALWAYS);
        HBox box = new HBox(24, selected, worst);
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    private static ScrollPane scrollable(Region r) {
        ScrollPane s = new ScrollPane(r);
        s.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.setFitToHeight(true);
        s.getStyleClass().add("strip-scroll");
        return s;
    }

    private static VBox column(DecodedImageView v, Label caption, Label value) {
        StackPane frame = new StackPane(v);
        frame.getStyleClass().add("image-frame");
        VBox b = new VBox(2, frame, caption, value);
        b.setAlignment(Pos.TOP_CENTER);
        return b;
    }

    private Region errorPane() {
        errorCaption.getStyleClass().add("section-title");
        Label how = new Label("Errors are Σ over the pixels of (x − x′)², averaged over the test images: the numbers "
                + "latent-lab eval and latent-lab pca print. Hover over a point for its value.");
        how.getStyleClass().add("muted");
        VBox box = new VBox(4, errorChart, errorCaption, how);
        VBox.setVgrow(errorChart, Priority.ALWAYS);
        box.setPadding(new Insets(6, 12, 6, 12));
        return box;
    }

    private Region decoderPane() {
        LatentSlidersView sliders = new LatentSlidersView(vm.space(), "PC", main.appearance(), true);
        sliders.setId("pca-sliders");
        sliders.setPadding(new Insets(8, 12, 8, 12));
        ScrollPane left = new ScrollPane(sliders);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setMinWidth(480);
        left.setPrefWidth(600);
        left.getStyleClass().add("side-scroll");
        Label t = new Label("Eigen-digits: the mean image and the first principal components");
        t.getStyleClass().add("section-title");
        Label c = new Label("PCA decodes a code (PC1, PC2, …) as the mean plus PC1 times the first image, plus PC2 "
                + "times the second, and so on: red pixels get darker ink, blue ones lighter. The sliders on the left "
                + "move along these directions; the Manifold button on PCA's map decodes a whole grid.");
        c.getStyleClass().add("muted");
        c.setWrapText(true);
        VBox right = new VBox(6, t, c, eigenDigits);
        right.setPadding(new Insets(8, 12, 8, 12));
        ScrollPane rs = new ScrollPane(right);
        rs.setFitToWidth(true);
        rs.getStyleClass().add("side-scroll");
        rs.setPrefWidth(200);
        HBox.setHgrow(rs, Priority.ALWAYS);
        return new HBox(left, rs);
    }

    private Region linearPane() {
        Label c = new Label("With identity activations and squared error, the best an autoencoder can learn is PCA's "
                + "subspace (Baldi and Hornik 1989), though not PCA's axes. Watch the angles between the two "
                + "subspaces fall towards 0° and the error reach PCA's; minibatch noise keeps a few degrees.");
        c.getStyleClass().add("muted");
        c.setWrapText(true);
        linearReadout.getStyleClass().add("readout");
        linearReadout.setId("linear-readout");
        linearReadout.setWrapText(true);
        VBox left = new VBox(10, c, linearButton(), linearReadout);
        left.setPrefWidth(330);
        left.setMinWidth(260);
        left.setMaxWidth(360);
        HBox charts = new HBox(12, angleChart, convergenceChart);
        HBox.setHgrow(angleChart, Priority.ALWAYS);
        HBox.setHgrow(convergenceChart, Priority.ALWAYS);
        HBox.setHgrow(charts, Priority.ALWAYS);
        HBox box = new HBox(16, left, charts);
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    /** A second button for the same action, inside the tab that explains it. */
    private Button linearButton() {
        Button b = Icons.button(MaterialDesignV.VECTOR_LINE, "Train a linear autoencoder",
                "Identity activations, squared error, one layer each way, the same k as now");
        b.setOnAction(e -> trainLinear());
        b.disableProperty().bind(main.training().readyProperty().not());
        return b;
    }

    private void headings() {
        Codec ae = main.autoencoderSpace().getCodec();
        int k = vm.space().getLatentSize();
        aePane.setBadge((ae == null ? "" : ae.describe()) + knn(vm.aeKnnProperty().get(), ae == null ? 0
                : ae.latentSize()) + error(vm.aeErrorProperty().get()));
        ErrorCurve c = vm.curveProperty().get();
        double pcaError = c != null && k > 0 && k <= c.maxComponents() ? c.errorPerImage(k) : Double.NaN;
        PcaModel m = vm.getModel();
        pcaPane.setBadge(k == 0 || m == null ? "" : String.format("PCA, k = %d (%.1f%% of the variance)", k,
                100 * m.explainedVariance(k)) + knn(vm.pcaKnnProperty().get(), k) + error(pcaError));
        pcaReconstructionCaption.setText(k > 0 ? "PCA, k = " + k : "PCA");
    }

    private static String knn(double acc, int k) {
        return Double.isNaN(acc) ? "" : String.format("  ·  5-NN accuracy of the %d-D codes %.3f", k, acc);
    }

    private static String error(double e) {
        return Double.isNaN(e) ? "" : String.format("  ·  test error %.2f", e);
    }

    private void refreshSelected() {
        int i = main.selection().getSelected();
        Dataset d = main.autoencoderSpace().getDisplay();
        boolean has = i >= 0 && d != null && i < d.size();
        selectedHint.setVisible(!has);
        selectedHint.setManaged(!has);
        if (!has) {
            original.clear();
            aeReconstruction.clear();
            pcaReconstruction.clear();
            aeErrorLabel.setText("");
            pcaErrorLabel.setText("");
            return;
        }
        float[] x = d.image(i);
        original.show(x, 0, d.rows(), d.cols());
        aeErrorLabel.setText(showReconstruction(main.autoencoderSpace().getCodec(), x, d, aeReconstruction));
        Dataset pd = vm.space().getDisplay();
        pcaErrorLabel.setText(pd == d ? showReconstruction(vm.space().getCodec(), x, d, pcaReconstruction) : "");
    }

    /** Shows h(g(x)) and returns its squared error as text. */
    private static String showReconstruction(Codec c, float[] x, Dataset d, DecodedImageView view) {
        if (c == null || c.inputSize() != x.length) {
            view.clear();
            return "";
        }
        float[] out = new float[x.length];
        c.reconstruct(x, 0, 1, out, 0);
        view.show(out, 0, d.rows(), d.cols());
        double se = 0;
        for (int j = 0; j < x.length; j++) {
            double e = x[j] - out[j];
            se += e * e;
        }
        return String.format("squared error %.2f", se);
    }

    private void refreshWorst() {
        Dataset d = main.autoencoderSpace().getDisplay();
        float[] ae = vm.aeErrorsProperty().get();
        float[] pca = vm.pcaErrorsProperty().get();
        aeWorst.show(d, ComparisonViewModel.worst(ae, WORST), ae, "%.1f");
        pcaWorst.show(vm.space().getDisplay(), ComparisonViewModel.worst(pca, WORST), pca, "%.1f");
        aeWorstTitle.setText(ae == null ? "Worst reconstructed by the autoencoder: measuring…"
                : "Worst reconstructed by the autoencoder (squared error)");
        int k = vm.space().getLatentSize();
        pcaWorstTitle.setText(pca == null ? "Worst reconstructed by PCA: waiting for the fit…"
                : "Worst reconstructed by PCA with k = " + k + " (squared error)");
    }

    private void refreshErrorChart() {
        ErrorCurve c = vm.curveProperty().get();
        PcaModel m = vm.getModel();
        List<XyChart.Series> series = new ArrayList<>();
        StringBuilder caption = new StringBuilder();
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
            series.add(new XyChart.Series("PCA (closed form)", PCA_COLOUR, PCA_DARK, ks, err,
                    XyChart.Style.LINE_AND_POINTS, false, null));
            series.add(new XyChart.Series("variance explained by PCA (right)", VARIANCE_COLOUR, VARIANCE_DARK, ks, var,
                    XyChart.Style.DASHED_LINE, true, null));
        }
        Codec ae = main.autoencoderSpace().getCodec();
        double aeError = vm.aeErrorProperty().get();
        if (ae != null && !Double.isNaN(aeError)) {
            series.add(new XyChart.Series("this autoencoder", AE_COLOUR, AE_DARK, new double[] {ae.latentSize()},
                    new double[] {aeError}, XyChart.Style.POINTS, false,
                    new String[] {String.format("%.2f", aeError)}));
            caption.append(String.format("This autoencoder (%s): %.2f per test image at k = %d", ae.describe(),
                    aeError, ae.latentSize()));
            if (c != null && ae.latentSize() <= c.maxComponents()) {
                caption.append(String.format("; PCA with the same k: %.2f", c.errorPerImage(ae.latentSize())));
            }
        }
        List<ComparisonViewModel.ModelPoint> saved = vm.savedModels();
        if (!saved.isEmpty()) {
            double[] ks = new double[saved.size()];
            double[] err = new double[saved.size()];
            String[] names = new String[saved.size()];
            for (int i = 0; i < saved.size(); i++) {
                ks[i] = saved.get(i).k();
                err[i] = saved.get(i).testSquaredError();
                names[i] = saved.get(i).name();
            }
            series.add(new XyChart.Series("saved models", SAVED_COLOUR, SAVED_DARK, ks, err, XyChart.Style.POINTS,
                    false, names));
        }
        errorChart.setSeries(series);
        errorCaption.setText(caption.toString());
    }

    private void refreshLinear() {
        List<ComparisonViewModel.AnglePoint> a = vm.angles();
        List<XyChart.Series> s = new ArrayList<>();
        if (!a.isEmpty()) {
            double[] steps = new double[a.size()];
            double[] max = new double[a.size()];
            double[] mean = new double[a.size()];
            for (int i = 0; i < a.size(); i++) {
                steps[i] = a.get(i).step();
                max[i] = a.get(i).largestDegrees();
                mean[i] = a.get(i).meanDegrees();
            }
            s.add(new XyChart.Series("largest angle", PCA_COLOUR, PCA_DARK, steps, max, XyChart.Style.LINE, false,
                    null));
            s.add(new XyChart.Series("mean angle", AE_COLOUR, AE_DARK, steps, mean, XyChart.Style.LINE, false, null));
        }
        angleChart.setSeries(s);

        Snapshot snap = main.training().getSnapshot();
        boolean linear = snap != null && snap.model().architecture().isLinear();
        ErrorCurve c = vm.curveProperty().get();
        int k = snap == null ? 0 : snap.model().latentSize();
        List<XyChart.Series> e = new ArrayList<>();
        List<latentlab.ui.training.TestErrorMonitor.ErrorPoint> h = vm.errorHistory();
        if (linear && !h.isEmpty()) {
            double[] steps = new double[h.size()];
            double[] err = new double[h.size()];
            for (int i = 0; i < h.size(); i++) {
                steps[i] = h.get(i).step();
                err[i] = h.get(i).error();
            }
            e.add(new XyChart.Series("linear autoencoder", AE_COLOUR, AE_DARK, steps, err,
                    XyChart.Style.LINE_AND_POINTS, false, null));
            // The first measurements (random weights) would flatten the rest: scale to the later ones and PCA.
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < h.size(); i++) {
                if (steps[i] >= 0.1 * steps[steps.length - 1] || i >= h.size() - 2) {
                    lo = Math.min(lo, err[i]);
                    hi = Math.max(hi, err[i]);
                }
            }
            if (c != null && k <= c.maxComponents()) {
                lo = Math.min(lo, c.errorPerImage(k));
                hi = Math.max(hi, c.errorPerImage(k));
            }
            double pad = Math.max(0.5, (hi - lo) * 0.15);
            convergenceChart.setYRange(lo - pad, hi + pad);
            if (c != null && k <= c.maxComponents()) {
                double p = c.errorPerImage(k);
                e.add(new XyChart.Series("PCA, k = " + k, PCA_COLOUR, PCA_DARK, new double[] {steps[0],
                    steps[steps.length - 1]}, new double[] {p, p}, XyChart.Style.DASHED_LINE, false, null));
            }
        }
        convergenceChart.setSeries(e);

        if (!linear) {
            linearReadout.setText("The current network is not linear.");
        } else if (a.isEmpty()) {
            linearReadout.setText(vm.getModel() == null ? "Waiting for the PCA fit…" : "Press Play to train it.");
        } else {
            var last = a.get(a.size() - 1);
            StringBuilder t = new StringBuilder(String.format(
                    "Step %,d: angles %.1f° (largest), %.1f° (mean)", last.step(), last.largestDegrees(),
                    last.meanDegrees()));
            double err = vm.aeErrorProperty().get();
            if (!Double.isNaN(err) && c != null && k <= c.maxComponents()) {
                t.append(String.format("%nTest error %.2f, PCA's %.2f", err, c.errorPerImage(k)));
            }
            linearReadout.setText(t.toString());
        }
    }

    /** One click: a linear autoencoder with the current k, trained at once (asks before discarding a run). */
    void trainLinear() {
        var t = main.training();
        Snapshot s = t.getSnapshot();
        if (t.applyDiscardsProgress() && !DiscardDialog.confirm(this, "Train a linear autoencoder?", s.step(),
                "Replace it with a linear autoencoder? (Save it first with File > Save lesson if you want to keep"
                        + " it.)")) {
            return;
        }
        startLinear();
    }

    /** Sets up and starts the linear autoencoder without asking (tests, and after the user agreed). */
    public void startLinear() {
        var t = main.training();
        TrainingSettings settings = t.settings();
        int k = t.getSnapshot() == null ? settings.latentSizeProperty().get() : t.getSnapshot().model().latentSize();
        settings.variationalProperty().set(false);
        settings.corruptionProperty().set(0);
        settings.hiddenLayersProperty().set("");
        settings.latentSizeProperty().set(k);
        settings.linearProperty().set(true);
        settings.learningRateProperty().set(LINEAR_LEARNING_RATE);
        vm.angles().clear();
        vm.errorHistory().clear();
        t.applySettings();
        vm.ensureFitted();
        t.play();
        details.getSelectionModel().select(linearTab);
    }

    private void addModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add a saved model to the error chart");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Latent Lab models", "*.llm"),
                new FileChooser.ExtensionFilter("All files", "*"));
        var files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            files.forEach(f -> vm.addModel(f.toPath()));
        }
    }
}
