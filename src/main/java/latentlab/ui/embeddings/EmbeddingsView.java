package latentlab.ui.embeddings;

import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import latentlab.compute.ComputePool;
import latentlab.ui.common.Appearance;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.session.Activatable;
import latentlab.ui.session.JobRunner;

/**
 * The embeddings tab: the latent map (with what the open tool draws on it) beside the tools — nearest neighbours
 * by inner product, cosine or distance in three spaces, interpolation, latent arithmetic, a drawing pad whose digit
 * is encoded live, codes as features for a classifier, and the worst-reconstructed images. Lays out and binds; the
 * tools' state is in {@link EmbeddingsViewModel}.
 */
public final class EmbeddingsView extends BorderPane implements Activatable {
    private final EmbeddingsViewModel vm;
    private final ScatterPane scatter;
    private final TabPane tools = new TabPane();
    private final Tab worstTab;
    private final DrawPane drawPane;
    private boolean active;

    public EmbeddingsView(EmbeddingsViewModel vm, Appearance look, JobRunner jobs, ComputePool pool) {
        this.vm = vm;
        getStyleClass().add("embeddings");
        scatter = new ScatterPane(vm.autoencoderSpace(), "a", "Latent space", look, jobs.lane("embeddings map"), pool);
        scatter.setId("embeddings-map");
        // The open tool's markers show here (the filter below); the toggle can hide them, Clear markers forgets them.
        scatter.scatter().viewModel().markersShownProperty().set(true);
        scatter.setOnClearMarkers(vm::clearMarkers);

        var nothingSelected = vm.nothingSelected();
        drawPane = new DrawPane(vm.drawing(), nothingSelected, look);
        Tab interpolate = new Tab("Interpolate", scroll(new InterpolationPane(vm.interpolation(), nothingSelected,
                look)));
        Tab arithmetic = new Tab("Arithmetic", scroll(new ArithmeticPane(vm.arithmetic(), nothingSelected,
                vm.datasetProperty().isNull(), look)));
        Tab draw = new Tab("Draw", scroll(drawPane));
        worstTab = new Tab("Worst", scroll(new WorstPane(vm.worst(), scatter.scatter(), look)));
        tools.getTabs().addAll(new Tab("Neighbours", scroll(new NeighboursPane(vm.neighbours(), look))), interpolate,
                arithmetic, draw, new Tab("Features", scroll(new ProbeView(vm.probe(), look))), worstTab);
        // The map shows what the open tool draws (by its key in the model's annotations), not the others' leftovers.
        Map<Tab, String> drawnBy = Map.of(interpolate, InterpolationViewModel.ANNOTATION,
                arithmetic, ArithmeticViewModel.ANNOTATION, draw, DrawingViewModel.ANNOTATION);
        scatter.scatter().annotationFilterProperty().bind(Bindings.createObjectBinding(
                () -> name -> name.equals(drawnBy.get(tools.getSelectionModel().getSelectedItem())),
                tools.getSelectionModel().selectedItemProperty()));
        tools.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tools.getStyleClass().add("tool-tabs");
        tools.setMinWidth(520);
        // Every tool's name stays in sight (larger text, presenter mode): the tools are at least as wide as their
        // row of tabs, which the skin sizes to its preferred width.
        tools.skinProperty().addListener((o, was, skin) -> {
            if (tools.lookup(".headers-region") instanceof Region headers) {
                tools.minWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.max(520, headers.getLayoutBounds().getWidth() + 24), headers.layoutBoundsProperty()));
            }
        });
        tools.setPrefWidth(700);
        // The item, not the index: the index changes first, while the item still is the old tab.
        tools.getSelectionModel().selectedItemProperty().addListener((ob, was, now) -> updateWorstDemand());

        SplitPane body = new SplitPane(scatter, tools);
        body.setDividerPositions(0.5);
        SplitPane.setResizableWithParent(tools, false);
        // The split does not move its divider when the tools' minimum grows (larger text): move it here.
        javafx.beans.InvalidationListener keepToolsWhole = o -> {
            double w = body.getWidth();
            if (w > 0 && tools.getWidth() > 0 && tools.getWidth() < tools.getMinWidth()) {
                body.setDividerPosition(0, Math.max(0.2, 1 - (tools.getMinWidth() + 8) / w));
            }
        };
        tools.minWidthProperty().addListener(keepToolsWhole);
        tools.widthProperty().addListener(keepToolsWhole);
        setTop(header());
        setCenter(body);
    }

    /** The drawing pad. */
    public DrawingPadView pad() {
        return drawPane.pad();
    }

    /** The tool tabs (tests select them). */
    public TabPane tools() {
        return tools;
    }

    /** The latent map of this tab. */
    public ScatterPane scatterPane() {
        return scatter;
    }

    /** Shown or hidden: the indexes and the worst list's errors are kept current only while shown. */
    @Override
    public void setActive(boolean active) {
        this.active = active;
        vm.setActive(active);
        updateWorstDemand();
    }

    private void updateWorstDemand() {
        vm.worst().setShown(active && tools.getSelectionModel().getSelectedItem() == worstTab);
    }

    private static ScrollPane scroll(Region content) {
        content.setPadding(new Insets(10, 12, 12, 12));
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add("side-scroll");
        return s;
    }

    private Region header() {
        Label title = new Label("Embeddings: what the codes are good for");
        title.getStyleClass().add("card-title");
        Label explain = new Label("A good code puts similar images close together. Search for neighbours, walk "
                + "between two images, add and subtract codes, draw your own digit, or train a classifier on the "
                + "codes. Click an image in the map to choose it; what the tools use is marked on the map.");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        VBox box = new VBox(2, title, explain, status);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.getStyleClass().add("pane-toolbar");
        return box;
    }
}
