package latentlab.ui.comparison;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import latentlab.compute.ComputePool;
import javafx.scene.control.Tooltip;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.FoldingTabs;
import latentlab.ui.common.Icons;
import latentlab.ui.common.XyChart;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.session.Activatable;
import latentlab.ui.session.JobRunner;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The autoencoder beside PCA, its linear closed-form counterpart: the two latent maps of the same test images
 * (linked selection, hover and isolation) with their accuracies and errors, and below them the reconstructions,
 * the test error against the number of components, PCA as a decoder, and a linear autoencoder whose decoder turns
 * towards PCA's subspace as it trains. Lays out and binds; the numbers come from {@link ComparisonViewModel}.
 */
public final class PcaComparisonView extends BorderPane implements Activatable {
    private final ComparisonViewModel vm;
    private final ScatterPane aePane;
    private final ScatterPane pcaPane;
    private final TabPane details = new TabPane();
    private final ErrorAgainstKPane errorPane;
    private final LinearAutoencoderPane linearPane;
    private final FoldingTabs detailsHost;

    public PcaComparisonView(ComparisonViewModel vm, Appearance look, JobRunner jobs, ComputePool pool) {
        this.vm = vm;
        getStyleClass().add("pca-comparison");
        PcaFit fit = vm.fit();

        aePane = new ScatterPane(vm.autoencoderSpace(), "a", "Autoencoder", look, jobs.lane("autoencoder map"), pool);
        aePane.setId("compare-autoencoder");
        pcaPane = new ScatterPane(fit.space(), "PC", "PCA", look, jobs.lane("PCA map"), pool);
        pcaPane.setId("compare-pca");
        bindBadge(aePane, vm.statistics().autoencoderBadgeProperty());
        bindBadge(pcaPane, vm.statistics().pcaBadgeProperty());
        SplitPane maps = new SplitPane(aePane, withFitOverlay(pcaPane, fit));
        maps.setDividerPositions(0.5);

        errorPane = new ErrorAgainstKPane(vm.errorAgainstK(), look);
        Tab linearTab = new Tab("Linear autoencoder = PCA");
        linearPane = new LinearAutoencoderPane(vm.linear(), look, () -> details.getSelectionModel().select(linearTab));
        linearTab.setContent(linearPane);
        Tab errorTab = new Tab("Error against k", errorPane);
        errorTab.setId("tab-error");
        details.getTabs().addAll(new Tab("Reconstructions", new ReconstructionsPane(vm.reconstructions(), look)),
                errorTab, new Tab("PCA as a decoder", new PcaDecoderPane(fit, look)), linearTab);
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.getStyleClass().add("comparison-details");

        SplitPane body = new SplitPane(maps);
        body.setOrientation(Orientation.VERTICAL);
        detailsHost = new FoldingTabs(details, body, 0.44);
        body.getItems().add(detailsHost);
        body.setDividerPositions(0.56);
        setTop(header(fit));
        setCenter(body);
    }

    private static void bindBadge(ScatterPane pane, javafx.beans.value.ObservableStringValue badge) {
        pane.setBadge(badge.get());
        badge.addListener((o, was, now) -> pane.setBadge(now));
    }

    /** Shown: PCA is fitted if this data set has none, and the autoencoder's numbers are kept current. */
    @Override
    public void setActive(boolean active) {
        vm.setActive(active);
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
        return errorPane.chart();
    }

    /** Principal angles of the linear autoencoder. */
    public XyChart angleChart() {
        return linearPane.angleChart();
    }

    /** The tabs below the maps. */
    public TabPane details() {
        return details;
    }

    /** The tabs below the maps with their fold button (folded on a short window until the user unfolds them). */
    public FoldingTabs detailsHost() {
        return detailsHost;
    }

    /** Sets up and starts the linear autoencoder without asking (tests), and shows its tab. */
    public void startLinear() {
        linearPane.startLinear();
    }

    private Region header(PcaFit fit) {
        Label title = new Label("The autoencoder and PCA, its linear closed-form counterpart");
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label explain = new Label("Same test images, same colours: PCA only rotates the images, so digits overlap; "
                + "the autoencoder bends the space to pull them apart.");
        Tooltip.install(explain, new Tooltip("PCA keeps the directions of largest variance. Selecting, hovering or "
                + "isolating a digit acts on both maps."));
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        VBox text = new VBox(2, title, explain);
        HBox.setHgrow(text, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(140);
        bar.progressProperty().bind(fit.progressProperty());
        Label status = new Label();
        status.textProperty().bind(fit.statusProperty());
        status.getStyleClass().add("muted");
        status.setMaxWidth(360);
        Button cancel = new Button("Cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> fit.cancelFit());
        HBox fitting = new HBox(6, bar, cancel);
        fitting.setAlignment(Pos.CENTER_LEFT);
        fitting.setMinWidth(Region.USE_PREF_SIZE);
        fitting.visibleProperty().bind(fit.fittingProperty());
        fitting.managedProperty().bind(fitting.visibleProperty());

        Button linear = Icons.button(MaterialDesignV.VECTOR_LINE, "Train a linear autoencoder",
                "One click: identity activations everywhere, squared error, one layer each way, the same k as now; "
                        + "then watch it become PCA");
        linear.setId("train-linear");
        linear.setOnAction(e -> linearPane.trainLinear());
        linear.disableProperty().bind(vm.linear().readyProperty().not());
        Button add = Icons.button(MaterialDesignF.FILE_PLUS_OUTLINE, "Add saved model…",
                "Put another saved autoencoder (.llm) on the error chart, at its k");
        add.setId("add-model");
        add.setOnAction(e -> addModel());
        add.disableProperty().bind(vm.datasetProperty().isNull());
        linear.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(12, text, fitting, linear, add);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.getStyleClass().add("pane-toolbar");
        status.visibleProperty().bind(fit.fittingProperty().or(fit.modelProperty().isNull()));
        status.managedProperty().bind(status.visibleProperty());
        text.getChildren().add(status);
        return new VBox(box);
    }

    /** PCA's map with a note over it while there is no fit yet. */
    private StackPane withFitOverlay(ScatterPane pane, PcaFit fit) {
        Label msg = new Label();
        msg.textProperty().bind(Bindings.when(fit.fittingProperty()).then(fit.statusProperty())
                .otherwise("PCA is not fitted yet"));
        msg.setWrapText(true);
        msg.getStyleClass().add("empty-title");
        ProgressBar p = new ProgressBar();
        p.progressProperty().bind(fit.progressProperty());
        p.visibleProperty().bind(fit.fittingProperty());
        p.setPrefWidth(220);
        Button start = new Button("Fit PCA");
        start.setId("fit-pca");
        start.setOnAction(e -> fit.ensureFitted());
        start.visibleProperty().bind(fit.fittingProperty().not().and(vm.datasetProperty().isNotNull()));
        start.managedProperty().bind(start.visibleProperty());
        VBox box = new VBox(10, msg, p, start);
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(360, 160);
        box.getStyleClass().add("overlay-card");
        box.visibleProperty().bind(fit.modelProperty().isNull());
        return new StackPane(pane, box);
    }

    private void addModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add a saved model to the error chart");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Latent Lab models", "*.llm"),
                new FileChooser.ExtensionFilter("All files", "*"));
        var files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            files.forEach(f -> vm.errorAgainstK().addModel(f.toPath()));
        }
    }
}
