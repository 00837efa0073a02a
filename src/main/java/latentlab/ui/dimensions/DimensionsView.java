package latentlab.ui.dimensions;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import latentlab.morpho.Morphometric;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Icons;
import latentlab.ui.session.Activatable;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Dimensions tab: what each latent dimension means, for the autoencoder being trained or for PCA — the k × 9
 * traversal grid with each row's measured property curve, the ρ table with the information about the label, and the
 * disentanglement score; and the experiment that compares a plain autoencoder with β-VAEs. Lays out and binds; the
 * state is a {@link DimensionsViewModel}'s.
 */
public final class DimensionsView extends BorderPane implements Activatable {
    private static final String MOST_TRACKED = "the property each dimension tracks most";
    private final DimensionsViewModel vm;
    private final TraversalGridView grid;
    private final RhoTable table = new RhoTable();

    /** @param compareBetas opens the disentangling experiment */
    public DimensionsView(DimensionsViewModel vm, Appearance look, Runnable compareBetas) {
        this.vm = vm;
        getStyleClass().add("dimensions");
        grid = new TraversalGridView(look, true);
        grid.setId("traversal-grid");
        grid.dimensionsProperty().bind(vm.shownProperty());
        grid.curveProperty().bind(vm.curveProperty());
        vm.sourceProperty().addListener((o, was, now) -> grid.setPrefix(now.prefix()));
        grid.setPrefix(vm.sourceProperty().get().prefix());

        Runnable refreshTable = () -> table.show(vm.getShown(), vm.sourceProperty().get().prefix(), look.getTheme());
        vm.shownProperty().addListener(o -> refreshTable.run());
        look.themeProperty().addListener(o -> refreshTable.run());
        refreshTable.run();

        StackPane gridPad = new StackPane(grid);
        gridPad.setPadding(new Insets(10, 8, 10, 12));
        ScrollPane gridBox = new ScrollPane(gridPad);
        gridBox.setFitToWidth(true);
        gridBox.setFitToHeight(true);
        gridBox.getStyleClass().add("side-scroll");
        gridBox.setMinWidth(0);
        HBox.setHgrow(gridBox, Priority.ALWAYS);
        ScrollPane side = side();
        // The table keeps the width it needs (the texts around it wrap) unless that would leave the grid less than
        // half of the tab.
        side.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(Math.max(table.prefWidth(-1),
                16 * look.fontSize()) + 48, Math.max(240, 0.45 * getWidth())), widthProperty(), vm.shownProperty(),
                look.scaleProperty()));
        side.minWidthProperty().bind(side.prefWidthProperty());
        setTop(header(compareBetas));
        setCenter(new HBox(gridBox, side));
    }

    private Region header(Runnable compareBetas) {
        Label title = new Label("What each latent dimension means");
        title.getStyleClass().add("card-title");
        Label explain = new Label("Each row: one dimension swept from its 1st to its 99th percentile, the others at "
                + "the median code, and a property of the decoded digits measured along it. Right: how closely each "
                + "dimension tracks each property over the test images (Spearman's r).");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        ComboBox<DimensionsViewModel.Source> source = new ComboBox<>();
        source.getItems().setAll(DimensionsViewModel.Source.values());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setId("dimensions-source");
        source.setTooltip(new Tooltip("Whose dimensions: the autoencoder being trained, or PCA with as many "
                + "components"));
        ComboBox<String> curve = new ComboBox<>();
        curve.getItems().add(MOST_TRACKED);
        for (Morphometric p : Morphometric.values()) {
            curve.getItems().add(p.id());
        }
        curve.setValue(MOST_TRACKED);
        curve.setId("dimensions-curve");
        curve.setTooltip(new Tooltip("The property drawn beside each row"));
        curve.valueProperty().addListener((o, was, now) -> vm.curveProperty().set(now == null
                || now.equals(MOST_TRACKED) ? null : Morphometric.byId(now)));
        Button compare = Icons.button(MaterialDesignS.SCALE_BALANCE, "Compare β…", "A plain autoencoder beside "
                + "VAEs with β = 1 and β = 4 (k = 10): test error, disentanglement and which dimension tracks what");
        compare.setId("compare-betas");
        compare.setOnAction(e -> compareBetas.run());
        Label model = new Label("Model");
        Label curves = new Label("Curves:");
        HBox controls = new HBox(8, model, source, curves, curve, compare);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        status.setId("dimensions-status");
        status.setWrapText(true);
        VBox box = new VBox(4, title, explain, controls, status);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.getStyleClass().add("pane-toolbar");
        return box;
    }

    private ScrollPane side() {
        Label score = new Label();
        score.textProperty().bind(vm.scoreProperty());
        score.getStyleClass().add("dimensions-score");
        score.setId("dimensions-score");
        Label scoreNote = new Label("Per property: |r| of the dimension that tracks it most minus |r| of the next "
                + "one, averaged. 1: each property has a dimension of its own.");
        scoreNote.getStyleClass().add("muted");
        scoreNote.setWrapText(true);
        Label tableTitle = new Label("Spearman's r with each property, and bits about the digit");
        tableTitle.setWrapText(true);
        tableTitle.getStyleClass().add("section-title");
        VBox box = new VBox(8, score, scoreNote, tableTitle, table);
        box.setPadding(new Insets(10, 12, 12, 12));
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("side-scroll");
        scroll.setMinWidth(0);
        return scroll;
    }

    /** The grid (tests look at its layout). */
    public TraversalGridView grid() {
        return grid;
    }

    /** The ρ table. */
    public RhoTable table() {
        return table;
    }

    @Override
    public void setActive(boolean active) {
        vm.setActive(active);
    }
}
