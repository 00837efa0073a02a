package latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import latentlab.compute.ComputePool;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Icons;
import latentlab.ui.session.JobRunner;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The latent map with its own toolbar: dots or thumbnails, manifold grid, cluster labels, dimensions, fit. */
public final class ScatterPane extends BorderPane {
    private final LatentScatterView scatter;
    private final Label title = new Label();
    private final Label badge = new Label();
    private final ToggleButton markers = new ToggleButton("Markers", Icons.icon(MaterialDesignM.MAP_MARKER_MULTIPLE));
    private final Button clearMarkers = new Button("Clear markers", Icons.icon(MaterialDesignM.MAP_MARKER_REMOVE));

    /**
     * @param lane a lane of the window's job runner for this map alone (manifold grids, latest-wins)
     * @param pool the compute pool that decoding is split over
     */
    public ScatterPane(LatentSpaceModel model, String axisPrefix, String heading, Appearance appearance,
                       JobRunner.Lane lane, ComputePool pool) {
        scatter = new LatentScatterView(model, axisPrefix, appearance, lane, pool);
        getStyleClass().add("scatter-pane");
        title.setText(heading);
        title.getStyleClass().add("pane-title");
        title.setMinWidth(0);

        ToggleGroup mode = new ToggleGroup();
        ToggleButton dots = new ToggleButton("Dots", Icons.icon(MaterialDesignD.DOTS_HEXAGON));
        dots.setId("mode-dots");
        ToggleButton thumbs = new ToggleButton("Thumbnails", Icons.icon(MaterialDesignI.IMAGE_MULTIPLE));
        thumbs.setId("mode-thumbnails");
        dots.setToggleGroup(mode);
        thumbs.setToggleGroup(mode);
        dots.setSelected(true);
        Icons.tooltip(dots, "Each test image as a dot at its code, coloured by digit (T toggles)");
        Icons.tooltip(thumbs, "Each test image drawn at its code; zoom in to see more of them (T toggles)");
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                scatter.thumbnailsProperty().set(b == thumbs);
            }
        });
        scatter.thumbnailsProperty().addListener((o, a, b) -> (b ? thumbs : dots).setSelected(true));

        ToggleButton grid = new ToggleButton("Manifold", Icons.icon(MaterialDesignG.GRID));
        grid.setId("manifold-toggle");
        grid.selectedProperty().bindBidirectional(scatter.manifoldProperty());
        Icons.tooltip(grid, "Draw what the decoder makes of every point of the visible region, behind the dots");
        Spinner<Integer> gridSize = new Spinner<>(3, 40, scatter.gridSizeProperty().get());
        gridSize.getStyleClass().add("grid-size");
        gridSize.setEditable(true);
        gridSize.valueProperty().addListener((o, a, b) -> scatter.gridSizeProperty().set(b));
        gridSize.setTooltip(new Tooltip("Grid cells along the shorter side"));
        // Only with the manifold on: the bar keeps its room for the buttons otherwise.
        gridSize.visibleProperty().bind(grid.selectedProperty());
        gridSize.managedProperty().bind(grid.selectedProperty());

        ToggleButton labels = new ToggleButton("Labels", Icons.icon(MaterialDesignL.LABEL_OUTLINE));
        labels.selectedProperty().bindBidirectional(scatter.clusterLabelsProperty());
        Icons.tooltip(labels, "Write each digit at the middle of its cluster");

        ComboBox<String> dimX = new ComboBox<>();
        ComboBox<String> dimY = new ComboBox<>();
        dimX.setTooltip(new Tooltip("Latent dimension on the horizontal axis"));
        dimY.setTooltip(new Tooltip("Latent dimension on the vertical axis"));
        Label vs = new Label("vs");
        HBox dims = new HBox(4, dimX, vs, dimY);
        dims.setAlignment(Pos.CENTER_LEFT);
        Runnable fillDims = () -> {
            int k = model.getLatentSize();
            List<String> names = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                names.add(axisPrefix + (j + 1));
            }
            dimX.getItems().setAll(names);
            dimY.getItems().setAll(names);
            if (k > 0) {
                dimX.getSelectionModel().select(Math.min(model.dimXProperty().get(), k - 1));
                dimY.getSelectionModel().select(Math.min(model.dimYProperty().get(), k - 1));
            }
            dims.setVisible(k > 2);
            dims.setManaged(k > 2);
        };
        model.latentSizeProperty().addListener((o, a, b) -> fillDims.run());
        fillDims.run();
        dimX.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                model.dimXProperty().set(b.intValue());
            }
        });
        dimY.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                model.dimYProperty().set(b.intValue());
            }
        });

        // The tools' markers (interpolation path, arithmetic, a drawn digit): a toggle, shown while there are any.
        markers.setId("markers-toggle");
        markers.selectedProperty().bindBidirectional(scatter.viewModel().markersShownProperty());
        Icons.tooltip(markers, "Show the Embeddings tools' markers on this map (A/B path, a, b, c, your digit)");
        clearMarkers.setId("clear-markers");
        Icons.tooltip(clearMarkers, "Clear the tools' markers: forget the chosen images and the drawing");
        javafx.beans.binding.BooleanBinding anyMarkers = javafx.beans.binding.Bindings.isNotEmpty(model.annotations());
        markers.visibleProperty().bind(anyMarkers);
        markers.managedProperty().bind(anyMarkers);
        clearMarkers.visibleProperty().bind(anyMarkers.and(clearMarkers.onActionProperty().isNotNull()));
        clearMarkers.managedProperty().bind(clearMarkers.visibleProperty());

        Button fit = Icons.button(MaterialDesignF.FIT_TO_SCREEN, "Fit", "Show all codes again and follow them (F)");
        fit.setId("fit-view");
        fit.setOnAction(e -> scatter.fit());
        fit.disableProperty().bind(scatter.autoFitProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (var c : new javafx.scene.control.Control[] {dots, thumbs, grid, gridSize, labels, markers, clearMarkers,
            fit, dimX, dimY}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(6, title, spacer, dims, dots, thumbs, grid, gridSize, labels, markers, clearMarkers, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-toolbar");
        bar.setMinWidth(0); // the buttons lose their words instead (compactWhenNarrow): the side panels keep their room
        title.setMinWidth(Region.USE_PREF_SIZE);
        badge.getStyleClass().add("scatter-badge");
        badge.setMaxWidth(Double.MAX_VALUE);
        badge.setWrapText(true); // its numbers whole on a second line rather than cut off with "…"
        badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        setTop(new javafx.scene.layout.VBox(bar, badge));
        setCenter(scatter);
        compactWhenNarrow(bar, dots, thumbs, grid, labels, markers, clearMarkers, fit);
    }

    /**
     * Icons without their words when the bar is narrower than it needs with them (large text in presenter mode, a
     * small window, the two maps side by side), so that every button stays visible and the side panels keep their
     * room; the tooltips still name them.
     */
    private static void compactWhenNarrow(HBox bar, javafx.scene.control.Labeled... buttons) {
        double[] fullWidth = {Double.NaN}; // the bar's preferred width with words, measured while it has them
        Runnable check = () -> {
            boolean compact = buttons[0].getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY;
            if (!compact) {
                fullWidth[0] = bar.prefWidth(-1);
            }
            double w = bar.getWidth();
            boolean want = w > 0 && w < fullWidth[0];
            if (want != compact) {
                for (var b : buttons) {
                    b.setContentDisplay(want ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                            : javafx.scene.control.ContentDisplay.LEFT);
                }
            }
        };
        bar.widthProperty().addListener(o -> check.run());
        // The words' width changes with the text scale (set on the scene's root): measure again when it changes.
        bar.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.getRoot().styleProperty().addListener(x -> javafx.application.Platform.runLater(() -> {
                    for (var b : buttons) {
                        b.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
                    }
                    bar.applyCss();
                    bar.layout();
                    check.run();
                }));
            }
        });
    }

    public LatentScatterView scatter() {
        return scatter;
    }

    /** What "Clear markers" does (null: the map offers no such button). */
    public void setOnClearMarkers(Runnable clear) {
        clearMarkers.setOnAction(clear == null ? null : e -> clear.run());
    }

    /** A line under the toolbar with facts about the map (empty: hidden). */
    public void setBadge(String text) {
        badge.setText(text == null ? "" : text);
    }

    /** The text under the toolbar. */
    public String getBadge() {
        return badge.getText();
    }

    /** Changes the heading (e.g. with the model's architecture). */
    public void setHeading(String text) {
        title.setText(text);
    }
}
