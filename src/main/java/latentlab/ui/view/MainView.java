package latentlab.ui.view;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import latentlab.ui.MainViewModel;
import latentlab.ui.TrainingViewModel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The main window: toolbar, the training panel and data set on the left, the latent map in the centre, the
 * latent sliders and decoded image on the right, PCA in its own tab, a status bar. One animation timer polls the
 * training snapshot once per frame; nothing here waits for training.
 */
public final class MainView extends BorderPane {
    private final MainViewModel model;
    private final ScatterPane scatterPane;
    private final LatentSlidersView sliders;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.tick();
        }
    };

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        scatterPane = new ScatterPane(model.autoencoderSpace(), "a", "Latent space");
        sliders = new LatentSlidersView(model.autoencoderSpace(), "a");
        setTop(toolbar());
        setCenter(body());
        setBottom(statusBar());
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                s.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
                frames.start();
            } else {
                frames.stop();
            }
        });
    }

    /** Adds the application style sheet to a scene. */
    public static void applyStyles(Scene scene) {
        scene.getStylesheets().add(MainView.class.getResource("/latentlab/ui/latentlab.css").toExternalForm());
    }

    /** The latent map (tests and benchmarks drive it). */
    public LatentScatterView scatter() {
        return scatterPane.scatter();
    }

    /** The sliders and decoded image. */
    public LatentSlidersView sliders() {
        return sliders;
    }

    private void shortcut(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        TrainingViewModel t = model.training();
        KeyCode c = e.getCode();
        if (c == KeyCode.SPACE) {
            t.playPause();
        } else if (c == KeyCode.RIGHT && e.isShiftDown()) {
            t.stepEpoch();
        } else if (c == KeyCode.RIGHT) {
            t.stepBatch();
        } else if (c == KeyCode.F) {
            scatter().fit();
        } else if (c == KeyCode.T) {
            scatter().thumbnailsProperty().set(!scatter().thumbnailsProperty().get());
        } else if (c == KeyCode.G) {
            scatter().manifoldProperty().set(!scatter().manifoldProperty().get());
        } else if (c == KeyCode.ESCAPE) {
            model.selection().clear();
        } else {
            return;
        }
        e.consume();
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

        TrainingViewModel t = model.training();
        FontIcon playIcon = Icons.icon(MaterialDesignP.PLAY);
        Button play = new Button("Play", playIcon);
        play.setId("play");
        play.getStyleClass().add("accent-button");
        play.textProperty().bind(Bindings.when(t.runningProperty()).then("Pause").otherwise("Play"));
        t.runningProperty().addListener((o, a, b) -> playIcon.setIconCode(b ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
        Icons.tooltip(play, "Start or pause training (Space)");
        play.setOnAction(e -> t.playPause());
        Button step = Icons.button(MaterialDesignS.SKIP_NEXT, "Step", "Train on one minibatch (→)");
        step.setId("step-batch");
        step.setOnAction(e -> t.stepBatch());
        Button epoch = Icons.button(MaterialDesignS.SKIP_FORWARD, "Epoch", "Train to the end of the epoch (Shift+→)");
        epoch.setId("step-epoch");
        epoch.setOnAction(e -> t.stepEpoch());
        Button reset = Icons.button(MaterialDesignR.RESTART, "Reset", "Start again from the initial weights (same seed)");
        reset.setId("reset");
        reset.setOnAction(e -> t.reset());
        for (Button b : new Button[] {play, step, epoch, reset}) {
            b.disableProperty().bind(t.readyProperty().not());
        }
        step.disableProperty().unbind();
        step.disableProperty().bind(t.readyProperty().not().or(t.runningProperty()));
        epoch.disableProperty().unbind();
        epoch.disableProperty().bind(t.readyProperty().not().or(t.runningProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, new Separator(), open, new Separator(), play, step, epoch, reset, spacer);
    }

    private Node body() {
        VBox left = new VBox(12, new TrainingPanel(model.training()), new DatasetSummaryView(model.datasetProperty()));
        left.getStyleClass().add("side-panel");
        left.setPadding(new Insets(12));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.getStyleClass().add("side-scroll");
        leftScroll.setMinWidth(300);
        leftScroll.setPrefWidth(350);

        VBox rightBox = new VBox(sliders);
        rightBox.getStyleClass().addAll("side-panel");
        rightBox.setPadding(new Insets(12));
        ScrollPane right = new ScrollPane(rightBox);
        right.setFitToWidth(true);
        right.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        right.getStyleClass().add("side-scroll");
        right.setMinWidth(290);
        right.setPrefWidth(330);

        SplitPane explorer = new SplitPane(leftScroll, scatterPane, right);
        explorer.setDividerPositions(0.25, 0.76);
        SplitPane.setResizableWithParent(leftScroll, false);
        SplitPane.setResizableWithParent(right, false);

        Tab explorerTab = new Tab("Explorer", explorer);
        explorerTab.setGraphic(Icons.icon(MaterialDesignD.DOTS_HEXAGON));
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
        Label keys = new Label("Space play/pause · → step · F fit · T thumbnails · G manifold");
        keys.getStyleClass().add("muted");
        HBox box = new HBox(10, status, spacer, keys, bar);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-bar");
        return box;
    }
}
