package latentlab.ui.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import latentlab.app.LatentLabApp;
import latentlab.ui.MainViewModel;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The main window's layout: toolbar, training panel and data set on the left, the latent map in the centre, the
 * latent sliders with the decoded image on the right, PCA comparison in its own tab, status bar at the bottom.
 */
public final class MainView extends BorderPane {
    private final MainViewModel model;

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        setTop(toolbar());
        setCenter(body());
        setBottom(statusBar());
    }

    /** Adds the application style sheet to a scene. */
    public static void applyStyles(Scene scene) {
        scene.getStylesheets().add(MainView.class.getResource("/latentlab/ui/latentlab.css").toExternalForm());
    }

    private ToolBar toolbar() {
        Label brand = new Label("Latent Lab");
        brand.getStyleClass().add("brand");
        brand.setGraphic(Icons.icon(MaterialDesignA.ALPHA_L_BOX));
        Button open = Icons.button(MaterialDesignF.FOLDER_OPEN, "Open data set…",
                "Open a folder with the four IDX files (train/t10k images and labels, optionally gzipped)");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a data set folder");
            var dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                model.loadDataset(dir.toPath());
            }
        });
        open.disableProperty().bind(model.busyProperty());
        Button play = Icons.button(MaterialDesignP.PLAY, "Play", "Start or pause training (Space)");
        Button step = Icons.button(MaterialDesignS.SKIP_NEXT, "Step", "Train on one minibatch");
        Button reset = Icons.button(MaterialDesignR.RESTART, "Reset", "Re-initialise the network from the seed");
        for (Button b : new Button[] {play, step, reset}) {
            b.setDisable(true);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, new Separator(), open, new Separator(), play, step, reset, spacer);
    }

    private Region body() {
        VBox left = new VBox(12, new DatasetSummaryView(model.datasetProperty()),
                placeholderCard("Training", "Architecture, loss, optimiser and learning rate, with a live loss chart."));
        left.getStyleClass().add("side-panel");
        left.setPadding(new Insets(12));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.getStyleClass().add("side-scroll");
        leftScroll.setMinWidth(300);
        leftScroll.setPrefWidth(340);

        StackPane map = emptyState("Latent map",
                "Each test image becomes a dot at its code (a1, a2). Press Play to watch the digits organise.");
        VBox right = new VBox(12,
                placeholderCard("Latent sliders", "One slider per latent dimension a1 … ak."),
                placeholderCard("Decoded image h(a)", "The decoder's output for the slider position."));
        right.getStyleClass().add("side-panel");
        right.setPadding(new Insets(12));
        right.setMinWidth(260);
        right.setPrefWidth(320);

        SplitPane explorer = new SplitPane(leftScroll, map, right);
        explorer.setDividerPositions(0.24, 0.77);
        SplitPane.setResizableWithParent(leftScroll, false);
        SplitPane.setResizableWithParent(right, false);

        Tab explorerTab = new Tab("Explorer", explorer);
        Tab pcaTab = new Tab("PCA comparison", emptyState("PCA comparison",
                "The autoencoder's 2-D map beside PCA, its linear closed-form counterpart."));
        TabPane tabs = new TabPane(explorerTab, pcaTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        VBox withBanner = new VBox(errorBanner(), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return withBanner;
    }

    private Region errorBanner() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(model.errorProperty());
        Button close = new Button("Dismiss");
        close.setOnAction(e -> model.dismissError());
        HBox banner = new HBox(12, text, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("error-banner");
        banner.visibleProperty().bind(model.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static VBox placeholderCard(String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("muted");
        VBox card = new VBox(6, t, body);
        card.getStyleClass().add("card");
        return card;
    }

    private static StackPane emptyState(String title, String text) {
        Label t = new Label(title);
        t.getStyleClass().add("empty-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(420);
        body.getStyleClass().add("muted");
        VBox box = new VBox(8, t, body);
        box.setAlignment(Pos.CENTER);
        StackPane pane = new StackPane(box);
        pane.getStyleClass().add("canvas-area");
        return pane;
    }

    private Region statusBar() {
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("status-text");
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        bar.setPrefWidth(180);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(LatentLabApp.TITLE);
        title.getStyleClass().add("muted");
        HBox bar0 = new HBox(10, status, spacer, bar);
        bar0.setAlignment(Pos.CENTER_LEFT);
        bar0.getStyleClass().add("status-bar");
        return bar0;
    }
}
