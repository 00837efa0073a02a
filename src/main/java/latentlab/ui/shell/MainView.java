package latentlab.ui.shell;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.BuiltWhenWanted;
import latentlab.ui.common.StyleSheets;
import latentlab.ui.common.Theme;
import latentlab.ui.comparison.PcaComparisonView;
import latentlab.ui.dimensions.DimensionsView;
import latentlab.ui.dimensions.DisentanglingWindow;
import latentlab.ui.embeddings.EmbeddingsView;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.explorer.LatentSlidersView;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.training.CompareWindow;
import latentlab.ui.training.SamplesWindow;
import latentlab.ui.training.TimelineKeys;
import latentlab.ui.training.RunMapsView;
import latentlab.ui.training.TimelineView;
import latentlab.ui.training.TrainingPanel;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The main window's root: menus and toolbar at the top, the error banner over the tabs (the explorer, the PCA
 * comparison, the embeddings), the status bar at the bottom. It lays out the views and runs the window's frame loop
 * while it is showing; the state and the work are {@link AppContext}'s.
 */
public final class MainView extends BorderPane {
    private final AppContext context;
    private final ScatterPane scatterPane;
    private final LatentSlidersView sliders;
    private final SidePanels panels = new SidePanels();
    private final ExplorerLayout explorer;
    private final MainTabs tabs = new MainTabs();
    private final Tab pcaTab;
    private final Tab embeddingsTab;
    private final Tab dimensionsTab;
    private final ViewStates views;
    private final WindowActions actions;

    public MainView(AppContext context) {
        this.context = context;
        getStyleClass().add("main-view");
        Appearance look = context.appearance();
        scatterPane = new ScatterPane(context.autoencoderSpace(), "a", "Latent space", look,
                context.jobs().lane("explorer map"), context.pool());
        scatterPane.scatter().setOnFailure(context.notices()::report);
        scatterPane.setOnClearMarkers(context.embeddings()::clearMarkers);
        sliders = new LatentSlidersView(context.autoencoderSpace(), "a", look);
        sliders.notesProperty().bind(context.sliderNotes());
        TrainingPanel trainingPanel = new TrainingPanel(context.training(), look);
        trainingPanel.lossChart().overlayProperty().bind(context.comparedRuns().overlayProperty());
        // Two runs side by side take the map's place while the comparison asks for them. Both they and the timeline
        // are built when first wanted, not with the window.
        Node runMaps = new BuiltWhenWanted(context.comparedRuns().mapsProperty().isNotNull(),
                () -> new RunMapsView(context.comparedRuns(), context.autoencoderSpace().dimXProperty(),
                        context.autoencoderSpace().dimYProperty(), look));
        Region timeline = new BuiltWhenWanted(context.timeline().scrubbableProperty(),
                () -> new TimelineView(context.timeline(), context.runs(), context.comparedRuns(), look));
        explorer = new ExplorerLayout(trainingPanel, new DatasetSummaryView(context.datasetProperty(), look),
                new StackPane(scatterPane, runMaps), timeline, sliders, look, panels);
        tabs.add("Explorer", MaterialDesignD.DOTS_HEXAGON, "tab-explorer", explorer);
        pcaTab = tabs.addLazily("PCA comparison", MaterialDesignC.CHART_BELL_CURVE, "tab-pca",
                () -> new PcaComparisonView(context.comparison(), look, context.jobs(), context.pool()));
        embeddingsTab = tabs.addLazily("Embeddings", MaterialDesignV.VECTOR_SELECTION, "tab-embeddings",
                () -> new EmbeddingsView(context.embeddings(), look, context.jobs(), context.pool()));

        FileDialogs dialogs = new FileDialogs(() -> getScene().getWindow(), context.preferences());
        actions = new WindowActions(context, dialogs, this);
        dimensionsTab = tabs.addLazily("Dimensions", MaterialDesignT.TUNE_VARIANT, "tab-dimensions",
                () -> new DimensionsView(context.dimensions(), look, actions::showDisentangling));
        actions.setExit(() -> getScene().getWindow().hide());
        context.lessons().setLocator(dialogs::missingDataSet);
        ExportActions exports = new ExportActions(context.exports(), dialogs, scatter(), context.autoencoderSpace(),
                actions::runName, () -> FileNames.epoch(context.training().getSnapshot()));
        exports.setDimensions(context.dimensions(), look);
        exports.setTimeline(new TimelineExport(context.status(), dialogs, scatter(), look, context.timeline(),
                context.pool(), actions::runName));
        views = new ViewStates(context, scatter(), explorer, tabs);
        actions.setViewState(views::capture);

        setTop(new VBox(new MainMenuBar(context, actions, exports, tabs, panels, sliders, this),
                new MainToolBar(context.training(), context.status(), actions)));
        VBox withBanner = new VBox(new ErrorBanner(context.notices()), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        setCenter(withBanner);
        setBottom(new StatusBar(context.status(), context.exports()));

        Shortcuts keys = new Shortcuts(context.training(), context.selection(), look, scatter());
        TimelineKeys timelineKeys = new TimelineKeys(context.timeline());
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
                was.removeEventFilter(KeyEvent.KEY_PRESSED, timelineKeys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                now.addEventFilter(KeyEvent.KEY_PRESSED, timelineKeys);
                StyleSheets.apply(now, look);
            }
        });
        look.themeProperty().addListener(o -> restyle());
        look.scaleProperty().addListener(o -> restyle());
        context.frames().attachTo(this);
    }

    /** Adds the application style sheet to a scene. */
    public static void applyStyles(Scene scene) {
        applyStyles(scene, Theme.LIGHT);
    }

    /** Sets the style sheets of a theme on a scene. */
    public static void applyStyles(Scene scene, Theme theme) {
        StyleSheets.apply(scene, theme);
    }

    private void restyle() {
        if (getScene() != null) {
            StyleSheets.apply(getScene(), context.appearance());
        }
    }

    /** The window's state for a lesson file: map, selection, sliders, layout, speed, appearance. */
    public ViewState captureViewState() {
        return views.capture();
    }

    /** Opens (or refreshes) the window of digits generated from the prior. */
    public SamplesWindow showSamples() {
        return actions.showSamples();
    }

    /** Opens the side-by-side comparison of a plain autoencoder and a VAE. */
    public CompareWindow showCompare() {
        return actions.showCompare();
    }

    /**
     * What quitting does once nothing would be lost: by default it hides the window; the application also ends
     * (see {@link #quit()}).
     */
    public void setOnQuit(Runnable exit) {
        actions.setExit(exit);
    }

    /** Quits (Ctrl+Q, or the window's close button), asking first while training is unsaved. */
    public void quit() {
        actions.quit();
    }

    /** Opens a lesson (the command line's, a file double-clicked), asking first while training is unsaved. */
    public void openLesson(java.nio.file.Path lesson) {
        actions.openLesson(lesson);
    }

    /**
     * Folds or shows the explorer's side panels for a window {@code width} wide, before the window is shown (its
     * first layout fits them again to the width it really has).
     */
    public void fitPanelsTo(double width) {
        explorer.fitTo(width);
    }

    /** The explorer tab's content (tests look up its controls within it). */
    public Node explorer() {
        return explorer;
    }

    /** Shows tab {@code i}: 0 the explorer, 1 the PCA comparison, 2 the embeddings, 3 the dimensions. */
    public void selectTab(int i) {
        tabs.getSelectionModel().select(i);
    }

    /** The PCA comparison tab's view (built now if its tab was never shown). */
    public PcaComparisonView comparison() {
        return tabs.content(pcaTab);
    }

    /** The embeddings tab's view (built now if its tab was never shown). */
    public EmbeddingsView embeddings() {
        return tabs.content(embeddingsTab);
    }

    /** The Dimensions tab's view (built now if its tab was never shown). */
    public DimensionsView dimensions() {
        return tabs.content(dimensionsTab);
    }

    /** Opens the disentangling experiment: a plain autoencoder beside VAEs with β = 1 and β = 4. */
    public DisentanglingWindow showDisentangling() {
        return actions.showDisentangling();
    }

    /** The latent map (tests and benchmarks drive it). */
    public LatentScatterView scatter() {
        return scatterPane.scatter();
    }

    /** Whether the explorer's side panels are shown or folded. */
    public SidePanels panels() {
        return panels;
    }

    /** The sliders and decoded image. */
    public LatentSlidersView sliders() {
        return sliders;
    }
}
