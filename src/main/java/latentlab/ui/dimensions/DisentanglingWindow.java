package latentlab.ui.dimensions;

import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import latentlab.morpho.Morphometric;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.StyleSheets;

/**
 * The disentangling experiment side by side ({@link DisentanglingExperiment}): for each model its traversal grid,
 * its test error and disentanglement score, and the dimension that tracks each property. Columns appear as the
 * models are measured.
 */
public final class DisentanglingWindow {
    private final Stage stage = new Stage();
    private final DisentanglingExperiment experiment;
    private final Appearance look;
    private final HBox columns = new HBox(18);

    public DisentanglingWindow(Window owner, DisentanglingExperiment experiment, Appearance look) {
        this.experiment = experiment;
        this.look = look;
        Label title = new Label("Does a larger β make each dimension mean one thing?");
        title.getStyleClass().add("card-title");
        Label explain = new Label("The same network, 784-256-64-10, trained the same way on MNIST (Adam, 20 epochs, "
                + "seed 1): a plain autoencoder, and VAEs whose loss adds β times the KL divergence of the codes from "
                + "N(0, I). Disentanglement: per property, |r| of the dimension that tracks it most minus |r| of the "
                + "next, averaged; 1: each property has a dimension of its own. One run each: other seeds move the "
                + "scores by up to about 0.1.");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        Label status = new Label();
        status.textProperty().bind(experiment.statusProperty());
        status.getStyleClass().add("muted");
        status.setId("disentangling-status");
        VBox top = new VBox(4, title, explain);
        top.setPadding(new Insets(10, 14, 6, 14));
        columns.setPadding(new Insets(6, 14, 10, 14));
        columns.setId("disentangling-columns");
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("side-scroll");
        BorderPane root = new BorderPane(scroll);
        root.setTop(top);
        VBox bottom = new VBox(status);
        bottom.setPadding(new Insets(4, 14, 8, 14));
        root.setBottom(bottom);
        experiment.rows().addListener((ListChangeListener<DisentanglingExperiment.Row>) c -> show());
        show();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1240, screen.getWidth()), Math.min(800, screen.getHeight() - 40));
        StyleSheets.apply(scene, look);
        stage.setScene(scene);
        stage.setTitle("Latent Lab — disentangling: autoencoder and VAEs with β = 1 and β = 4");
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    private void show() {
        columns.getChildren().clear();
        for (DisentanglingExperiment.Row r : experiment.rows()) {
            columns.getChildren().add(column(r));
        }
    }

    private VBox column(DisentanglingExperiment.Row r) {
        Label name = new Label(r.model().title());
        name.getStyleClass().add("pane-title");
        Label numbers = new Label(String.format(Locale.ROOT, "test error %.2f per image · disentanglement %.2f",
                r.testError(), r.score()));
        numbers.getStyleClass().add("readout");
        numbers.setWrapText(true);
        TraversalGridView grid = new TraversalGridView(look, false);
        grid.dimensionsProperty().set(r.dimensions());
        grid.setPrefHeight(TraversalGridLayout.ofCell(28 * look.scaleProperty().get(), r.dimensions().dimensions(),
                9, look.scaleProperty().get(), false).height());
        GridPane best = new GridPane();
        best.setHgap(10);
        best.setVgap(2);
        Label head = new Label("the dimension that tracks it most");
        head.getStyleClass().add("muted");
        best.add(head, 1, 0);
        for (Morphometric p : Morphometric.values()) {
            best.add(new Label(p.id()), 0, p.ordinal() + 1);
            best.add(new Label(r.describeBest(p)), 1, p.ordinal() + 1);
        }
        VBox col = new VBox(6, name, numbers, grid, best);
        col.setMinWidth(300);
        col.setPrefWidth(380);
        HBox.setHgrow(col, Priority.ALWAYS);
        return col;
    }

    public void show(boolean front) {
        stage.show();
        if (front) {
            stage.toFront();
        }
    }

    public Stage stage() {
        return stage;
    }
}
