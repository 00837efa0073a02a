package latentlab.ui.shell;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import latentlab.io.model.LessonFile;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.DiscardDialog;
import latentlab.ui.common.Icons;
import latentlab.ui.common.Showing;
import latentlab.ui.common.Theme;
import latentlab.ui.comparison.PcaComparisonView;
import latentlab.ui.embeddings.EmbeddingsView;
import latentlab.ui.explorer.LatentScatterView;
import latentlab.ui.explorer.LatentSlidersView;
import latentlab.ui.explorer.ScatterPane;
import latentlab.ui.training.CompareWindow;
import latentlab.ui.training.SamplesWindow;
import latentlab.ui.training.TrainingPanel;
import latentlab.ui.training.TrainingViewModel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The main window: toolbar, the training panel and data set on the left, the latent map in the centre, the
 * latent sliders and decoded image on the right, PCA in its own tab, a status bar. One animation timer polls the
 * training snapshot once per frame; nothing here waits for training.
 */
public final class MainView extends BorderPane {
    private final MainViewModel model;
    private final ScatterPane scatterPane;
    private final LatentSlidersView sliders;
    private SplitPane explorer;
    private TabPane tabs;
    private PcaComparisonView comparison;
    private EmbeddingsView embeddingsView;
    private final javafx.event.EventHandler<KeyEvent> shortcuts = this::shortcut;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.tick();
            if (comparison != null && tabs.getSelectionModel().getSelectedIndex() == 1) {
                comparison.tick();
            }
            if (embeddingsView != null && tabs.getSelectionModel().getSelectedIndex() == 2) {
                embeddingsView.tick();
            }
        }
    };

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        scatterPane = new ScatterPane(model.autoencoderSpace(), "a", "Latent space", model.appearance(),
                new latentlab.ui.session.JobRunner("latentlab-map").lane("explorer map"), // temporary: the shell's
                new latentlab.compute.ComputePool(1)); // runner and pool go here (issue 20)
        sliders = new LatentSlidersView(model.autoencoderSpace(), "a", model.appearance());
        setTop(new VBox(menuBar(), toolbar()));
        setCenter(body());
        setBottom(statusBar());
        sceneProperty().addListener((o, a, s) -> {
            if (a != null) {
                a.removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
            }
            if (s != null) {
                s.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
                applyAppearance(s);
            }
        });
        Showing.drive(this, frames);
        model.pendingViewStateProperty().addListener(o -> applyPendingViewState());
        model.autoencoderSpace().codesProperty().addListener(o -> recordFrame());
        model.autoencoderSpace().codesProperty().addListener(o -> applyPendingViewState());
        Appearance look = model.appearance();
        look.themeProperty().addListener(o -> applyAppearance(getScene()));
        look.scaleProperty().addListener(o -> applyAppearance(getScene()));
    }

    /** Adds the application style sheet to a scene. */
    public static void applyStyles(Scene scene) {
        applyStyles(scene, Theme.LIGHT);
    }

    /** Sets the style sheets of a theme on a scene. */
    public static void applyStyles(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(MainView.class.getResource("/latentlab/ui/latentlab.css").toExternalForm());
        if (theme.styleSheet() != null) {
            scene.getStylesheets().add(MainView.class.getResource(theme.styleSheet()).toExternalForm());
        }
    }

    private void applyAppearance(Scene scene) {
        if (scene == null) {
            return;
        }
        Appearance look = model.appearance();
        applyStyles(scene, look.getTheme());
        scene.getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", look.fontSize()));
    }

    /** The window's state for a lesson file: map, selection, sliders, layout, speed, appearance. */
    public ViewState captureViewState() {
        LatentScatterView s = scatter();
        var space = model.autoencoderSpace();
        Appearance look = model.appearance();
        return new ViewState(s.viewBounds(), s.autoFitProperty().get(), space.dimXProperty().get(),
                space.dimYProperty().get(), s.thumbnailsProperty().get(), s.manifoldProperty().get(),
                s.gridSizeProperty().get(), s.clusterLabelsProperty().get(), model.selection().getSelected(),
                model.selection().isolatedClassProperty().get(), space.position().toArray(new float[0]),
                explorer.getDividerPositions(), tabs.getSelectionModel().getSelectedIndex(),
                model.training().speedProperty().get(), look.getTheme().id(), look.scaleProperty().get(),
                look.largeThumbnailsProperty().get(), look.hideAdvancedProperty().get(),
                look.presenterProperty().get());
    }

    private void applyPendingViewState() {
        ViewState v = model.pendingViewStateProperty().get();
        var space = model.autoencoderSpace();
        if (v == null) {
            return;
        }
        if (space.getCodes() == null || space.getLatentSize() != v.position().length) {
            return;
        }
        model.viewStateApplied();
        Appearance look = model.appearance();
        look.presenterProperty().set(v.presenter());
        look.themeProperty().set(Theme.byId(v.theme()));
        look.scaleProperty().set(Math.max(Appearance.MIN_SCALE, Math.min(Appearance.MAX_SCALE, v.scale())));
        look.largeThumbnailsProperty().set(v.largeThumbnails());
        look.hideAdvancedProperty().set(v.hideAdvanced());
        int k = space.getLatentSize();
        space.dimXProperty().set(Math.max(0, Math.min(k - 1, v.dimX())));
        space.dimYProperty().set(Math.max(0, Math.min(k - 1, v.dimY())));
        space.position().setAll(v.position());
        LatentScatterView s = scatter();
        s.thumbnailsProperty().set(v.thumbnails());
        s.manifoldProperty().set(v.manifold());
        s.gridSizeProperty().set(Math.max(3, Math.min(40, v.gridSize())));
        s.clusterLabelsProperty().set(v.clusterLabels());
        s.setViewBounds(v.bounds(), v.autoFit());
        int n = space.getDisplay() == null ? 0 : space.getDisplay().size();
        model.selection().select(v.selected() < n ? v.selected() : -1);
        model.selection().isolatedClassProperty().set(v.isolatedClass());
        if (v.dividers().length == explorer.getDividers().size()) {
            explorer.setDividerPositions(v.dividers());
        }
        if (v.tab() >= 0 && v.tab() < tabs.getTabs().size()) {
            tabs.getSelectionModel().select(v.tab());
        }
        model.training().speedProperty().set(Math.max(0, Math.min(1, v.speed())));
    }

    private void openLesson() {
        javafx.stage.FileChooser chooser = lessonChooser("Open a lesson");
        var f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            model.openLesson(f.toPath());
        }
    }

    private void saveLesson(boolean as) {
        var current = model.lessonFileProperty().get();
        if (!as && current != null) {
            model.saveLesson(current, captureViewState());
            return;
        }
        javafx.stage.FileChooser chooser = lessonChooser("Save the lesson");
        chooser.setInitialFileName(current == null ? "lesson" + LessonFile.EXTENSION
                : current.getFileName().toString());
        var f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            java.nio.file.Path p = f.toPath();
            if (!p.getFileName().toString().contains(".")) {
                p = p.resolveSibling(p.getFileName() + LessonFile.EXTENSION);
            }
            model.saveLesson(p, captureViewState());
        }
    }

    private javafx.stage.FileChooser lessonChooser(String title) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("Latent Lab lessons", "*" + LessonFile.EXTENSION),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        var current = model.lessonFileProperty().get();
        if (current != null && current.getParent() != null && java.nio.file.Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        return chooser;
    }

    private MenuBar menuBar() {
        Appearance look = model.appearance();
        TrainingViewModel t = model.training();

        MenuItem openData = item("Open data set folder…", null, e -> openDataset());
        openData.disableProperty().bind(model.busyProperty());
        MenuItem openCsv = item("Open CSV data set…", null, e -> openCsvDataset());
        openCsv.disableProperty().bind(model.busyProperty());
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                e -> javafx.application.Platform.exit());
        MenuItem openLesson = item("Open lesson…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                e -> openLesson());
        MenuItem saveLesson = item("Save lesson", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                e -> saveLesson(false));
        MenuItem saveLessonAs = item("Save lesson as…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), e -> saveLesson(true));
        for (MenuItem m : new MenuItem[] {openLesson, saveLesson, saveLessonAs}) {
            m.disableProperty().bind(model.busyProperty());
        }
        saveLesson.disableProperty().unbind();
        saveLesson.disableProperty().bind(model.busyProperty().or(t.readyProperty().not()));
        saveLessonAs.disableProperty().unbind();
        saveLessonAs.disableProperty().bind(model.busyProperty().or(t.readyProperty().not()));
        Menu recent = new Menu("Recent lessons");
        recent.setOnShowing(e -> fillRecent(recent));
        recent.getItems().add(new MenuItem("(none)"));
        fillRecent(recent);
        Menu file = new Menu("File", null, openData, openCsv, new SeparatorMenuItem(), openLesson, recent, saveLesson,
                saveLessonAs, new SeparatorMenuItem(), exportMenu(), new SeparatorMenuItem(), quit);

        MenuItem play = item("Play / pause", null, e -> t.playPause());
        play.textProperty().bind(Bindings.when(t.runningProperty()).then("Pause      Space").otherwise("Play      Space"));
        MenuItem step = item("Step one minibatch      →", null, e -> t.stepBatch());
        MenuItem epoch = item("Step to the end of the epoch      Shift+→", null, e -> t.stepEpoch());
        MenuItem reset = item("Reset: train from scratch (the initial weights of the seed)", null, e -> confirmReset());
        for (MenuItem m : new MenuItem[] {play, step, epoch, reset}) {
            m.disableProperty().bind(t.readyProperty().not());
        }
        MenuItem generate = item("Generate digits (samples from the prior)…", null, e -> showSamples());
        generate.disableProperty().bind(t.readyProperty().not());
        MenuItem compare = item("Compare an autoencoder with a VAE…", null, e -> showCompare());
        compare.disableProperty().bind(model.datasetProperty().isNull());
        Menu training = new Menu("Training", null, play, step, epoch, new SeparatorMenuItem(), reset,
                new SeparatorMenuItem(), generate, compare);

        CheckMenuItem presenter = new CheckMenuItem("Presenter mode");
        presenter.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presenter.selectedProperty().bindBidirectional(look.presenterProperty());
        MenuItem fullScreen = item("Full screen", new KeyCodeCombination(KeyCode.F11), e -> toggleFullScreen());
        MenuItem bigger = item("Larger text", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                e -> look.zoomIn());
        MenuItem smaller = item("Smaller text", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                e -> look.zoomOut());
        MenuItem normal = item("Normal text size", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                e -> look.resetZoom());
        CheckMenuItem dark = new CheckMenuItem("Dark high-contrast theme");
        dark.setSelected(look.getTheme() == Theme.DARK);
        dark.selectedProperty().addListener((o, a, b) -> look.themeProperty().set(b ? Theme.DARK : Theme.LIGHT));
        look.themeProperty().addListener((o, a, b) -> dark.setSelected(b == Theme.DARK));
        CheckMenuItem large = new CheckMenuItem("Large thumbnails");
        large.selectedProperty().bindBidirectional(look.largeThumbnailsProperty());
        CheckMenuItem hide = new CheckMenuItem("Hide advanced controls");
        hide.selectedProperty().bindBidirectional(look.hideAdvancedProperty());
        MenuItem explorerItem = item("Explorer", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                e -> tabs.getSelectionModel().select(0));
        MenuItem pcaItem = item("PCA comparison", new KeyCodeCombination(KeyCode.DIGIT2,
                KeyCombination.SHORTCUT_DOWN), e -> tabs.getSelectionModel().select(1));
        MenuItem embeddingsItem = item("Embeddings", new KeyCodeCombination(KeyCode.DIGIT3,
                KeyCombination.SHORTCUT_DOWN), e -> tabs.getSelectionModel().select(2));
        Menu view = new Menu("View", null, explorerItem, pcaItem, embeddingsItem, new SeparatorMenuItem(), presenter, fullScreen,
                new SeparatorMenuItem(), bigger, smaller, normal, new SeparatorMenuItem(), dark, large, hide);

        MenuItem guide = item("Guide: what am I looking at?", new KeyCodeCombination(KeyCode.F1),
                e -> GuideWindow.show(getScene().getWindow(), getScene()));
        MenuItem keys = item("Keyboard shortcuts", null, e -> showShortcuts());
        Menu help = new Menu("Help", null, guide, keys);
        MenuBar bar = new MenuBar(file, training, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu exportMenu() {
        var ex = model.exports();
        MenuItem map1 = item("Image of the map (PNG)…", null, e -> exportMap(1));
        MenuItem map2 = item("Image of the map at 2× (PNG)…", null, e -> exportMap(2));
        MenuItem decoder = item("Image of the decoder panel (PNG)…", null, e -> exportNode(sliders, "decoder.png"));
        MenuItem window = item("Image of the whole window (PNG)…", null, e -> exportNode(this, "latent-lab.png"));
        MenuItem csv = item("Codes of the test images (CSV)…", null, e -> chooseFile("codes.csv", "CSV files", "*.csv")
                .ifPresent(ex::codesCsv));
        MenuItem npz = item("Model and codes for NumPy (.npz)…", null, e -> chooseFile("latent-lab.npz",
                "NumPy archives", "*.npz").ifPresent(ex::numpy));
        MenuItem projector = item("Embedding Projector files (TSV + sprite)…", null, e -> chooseFolder(
                "Folder for the Embedding Projector files").ifPresent(ex::projector));
        CheckMenuItem record = new CheckMenuItem("Record the map while it trains");
        record.setOnAction(e -> {
            if (record.isSelected()) {
                int[] size = new int[2];
                scatter().exportImage(1, size);
                ex.startRecording(size[0], size[1]);
            } else {
                finishRecording();
            }
        });
        ex.recordingProperty().addListener((o, a, b) -> record.setSelected(b));
        for (MenuItem m : new MenuItem[] {map1, map2, decoder, window, csv, npz, projector, record}) {
            m.disableProperty().bind(model.training().readyProperty().not().or(model.busyProperty()));
        }
        record.disableProperty().unbind();
        record.disableProperty().bind(model.training().readyProperty().not());
        return new Menu("Export", null, map1, map2, decoder, window, new SeparatorMenuItem(), csv, npz, projector,
                new SeparatorMenuItem(), record);
    }

    private void exportMap(int scale) {
        chooseFile(scale == 1 ? "latent-map.png" : "latent-map@2x.png", "PNG images", "*.png").ifPresent(f -> {
            int[] size = new int[2];
            int[] argb = scatter().exportImage(scale, size);
            model.exports().png(f, argb, size[0], size[1]);
        });
    }

    private void exportNode(javafx.scene.Node node, String name) {
        chooseFile(name, "PNG images", "*.png").ifPresent(f -> {
            javafx.scene.image.WritableImage img = node.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            model.exports().png(f, argb, w, h);
        });
    }

    private void recordFrame() {
        if (model.exports().recordingProperty().get()) {
            int[] size = new int[2];
            int[] argb = scatter().exportImage(1, size);
            model.exports().addFrame(argb, size[0], size[1]);
        }
    }

    private void finishRecording() {
        javafx.scene.control.ChoiceDialog<String> how = new javafx.scene.control.ChoiceDialog<>(
                "Animated GIF", "Animated GIF", "PNG frames in a folder", "Discard");
        how.setTitle("Latent Lab");
        how.setHeaderText(model.exports().recordedFramesProperty().get() + " frames recorded. Save them as:");
        how.initOwner(getScene().getWindow());
        String choice = how.showAndWait().orElse("Discard");
        if (choice.startsWith("Animated")) {
            chooseFile("latent-map.gif", "GIF animations", "*.gif").ifPresentOrElse(
                    f -> model.exports().finishRecording(f, true, 100), model.exports()::cancelRecording);
        } else if (choice.startsWith("PNG")) {
            chooseFolder("Folder for the frames").ifPresentOrElse(
                    f -> model.exports().finishRecording(f, false, 100), model.exports()::cancelRecording);
        } else {
            model.exports().cancelRecording();
        }
    }

    private java.util.Optional<java.nio.file.Path> chooseFile(String name, String kind, String pattern) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(kind, pattern));
        var f = chooser.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    private java.util.Optional<java.nio.file.Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        var f = chooser.showDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(java.io.File::toPath);
    }

    private SamplesWindow samples;

    /** Reset discards the trained network (at start, the pre-trained one), so it asks first, as Apply does. */
    private void confirmReset() {
        TrainingViewModel t = model.training();
        if (t.applyDiscardsProgress() && !DiscardDialog.confirm(this, "Reset to the initial weights?",
                t.getSnapshot().step(), "Go back to its initial random weights and discard that training? (The bundled"
                        + " pre-trained model comes back when you open the bundled MNIST again.)")) {
            return;
        }
        model.resetTraining();
    }

    /** Opens (or refreshes) the window of digits generated from the prior. */
    public SamplesWindow showSamples() {
        if (samples == null) {
            samples = new SamplesWindow(getScene().getWindow(), () -> {
                var s = model.training().getSnapshot();
                return s == null ? null : s.model();
            }, () -> model.autoencoderSpace().getDisplay(), model.appearance());
            model.autoencoderSpace().codecProperty().addListener(o -> {
                if (samples.stage().isShowing()) {
                    samples.refresh();
                }
            });
        }
        samples.show();
        return samples;
    }

    /** Opens the side-by-side comparison of a plain autoencoder and a VAE. */
    public CompareWindow showCompare() {
        var s = model.training().getSnapshot();
        CompareWindow w = new CompareWindow(getScene().getWindow(), model.getDataset().test(),
                s == null ? null : s.model(), model.appearance());
        w.show();
        return w;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        var files = model.preferences().recentLessons();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent lessons");
            none.setDisable(true);
            recent.getItems().add(none);
        }
        for (var f : files) {
            MenuItem m = new MenuItem(f.getFileName() + "   —   " + (f.getParent() == null ? "" : f.getParent()));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> model.openLesson(f));
            recent.getItems().add(m);
        }
    }

    private static MenuItem item(String text, KeyCombination accelerator,
                                 javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        m.setOnAction(action);
        return m;
    }

    private void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    private void showShortcuts() {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        a.setTitle("Latent Lab");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText(String.join("\n",
                "Space\tplay / pause training",
                "→\ttrain one minibatch",
                "Shift+→\ttrain to the end of the epoch",
                "F\tfit the map to the codes",
                "T\tthumbnails on / off",
                "G\tmanifold grid on / off",
                "Esc\tclear the selection",
                "F1\tguide",
                "Ctrl 1 / 2 / 3\texplorer / PCA comparison / embeddings",
                "F5\tpresenter mode",
                "F11\tfull screen",
                "Ctrl + (or Ctrl =) / Ctrl - / Ctrl 0\tlarger / smaller / normal text"));
        a.initOwner(getScene().getWindow());
        applyStyles(a.getDialogPane().getScene(), model.appearance().getTheme());
        a.show();
    }

    private void openCsvDataset() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a CSV data set (label,pixel,pixel,... per line)");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("CSV files", "*.csv", "*.csv.gz"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        var f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            model.loadDataset(f.toPath());
        }
    }

    private void openDataset() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a data set folder");
        var dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            model.loadDataset(dir.toPath());
        }
    }

    /** The explorer tab's content (tests look up its controls within it). */
    public Node explorer() {
        return explorer;
    }

    /** Shows tab {@code i}: 0 the explorer, 1 the PCA comparison. */
    public void selectTab(int i) {
        tabs.getSelectionModel().select(i);
    }

    /** The embeddings tab's view. */
    public EmbeddingsView embeddings() {
        return embeddingsView;
    }

    /** The PCA comparison tab's view. */
    public PcaComparisonView comparison() {
        return comparison;
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
        if (e.isShortcutDown() && !e.isAltDown() && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD
                || (e.getCode() == KeyCode.EQUALS && e.isShiftDown()))) {
            // Ctrl + as typed on most keyboards (Shift and =, or the keypad's +); the menu shows Ctrl+=.
            model.appearance().zoomIn();
            e.consume();
            return;
        }
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
        open.setOnAction(e -> openDataset());
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
        reset.setOnAction(e -> confirmReset());
        for (Button b : new Button[] {play, step, epoch, reset}) {
            b.disableProperty().bind(t.readyProperty().not());
        }
        step.disableProperty().unbind();
        step.disableProperty().bind(t.readyProperty().not().or(t.runningProperty()));
        epoch.disableProperty().unbind();
        epoch.disableProperty().bind(t.readyProperty().not().or(t.runningProperty()));
        Button sample = Icons.button(MaterialDesignD.DICE_MULTIPLE, "Sample",
                "Generate new digits: decode codes drawn from N(0, I) (meaningful for a VAE)");
        sample.setId("sample");
        sample.setOnAction(e -> showSamples());
        sample.disableProperty().bind(t.readyProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, new Separator(), open, new Separator(), play, step, epoch, reset, new Separator(),
                sample, spacer);
    }

    /** Divider positions that give each side panel of the explorer its preferred width, and the map the rest. */
    private void fitSidePanels() {
        double w = explorer.getWidth();
        if (w <= 0) {
            return;
        }
        Region left = (Region) explorer.getItems().get(0);
        Region right = (Region) explorer.getItems().get(2);
        double l = Math.min(0.45, left.getPrefWidth() / w);
        double r = Math.max(l + 0.1, 1 - right.getPrefWidth() / w);
        explorer.setDividerPositions(l, r);
    }

    private Node body() {
        DatasetSummaryView data = new DatasetSummaryView(model.datasetProperty(), model.appearance());
        data.visibleProperty().bind(model.appearance().hideAdvancedProperty().not());
        data.managedProperty().bind(data.visibleProperty());
        VBox left = new VBox(12, new TrainingPanel(model.training(), model.appearance()), data);
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
        right.setMinWidth(300);
        right.setPrefWidth(330);

        explorer = new SplitPane(leftScroll, scatterPane, right);
        explorer.setDividerPositions(0.25, 0.76);
        SplitPane.setResizableWithParent(leftScroll, false);
        SplitPane.setResizableWithParent(right, false);
        // Larger text (presenter mode, Ctrl+=) needs wider side panels, or their labels and values are cut off; the
        // map gives up the width, and gets it back when the text is smaller again.
        model.appearance().scaleProperty().addListener((o, was, now) -> {
            double f = now.doubleValue();
            leftScroll.setMinWidth(300 * f);
            leftScroll.setPrefWidth(340 * f);
            right.setMinWidth(300 * f);
            right.setPrefWidth(350 * f);
            Platform.runLater(this::fitSidePanels);
        });

        Tab explorerTab = new Tab("Explorer", explorer);
        explorerTab.setGraphic(Icons.icon(MaterialDesignD.DOTS_HEXAGON));
        // The other tabs are built when first shown: the window opens sooner, and nothing runs for them unseen.
        Tab pcaTab = new Tab("PCA comparison", new StackPane());
        pcaTab.setId("tab-pca");
        pcaTab.setGraphic(Icons.icon(MaterialDesignC.CHART_BELL_CURVE));
        Tab embeddingsTab = new Tab("Embeddings", new StackPane());
        embeddingsTab.setId("tab-embeddings");
        embeddingsTab.setGraphic(Icons.icon(MaterialDesignV.VECTOR_SELECTION));
        tabs = new TabPane(explorerTab, pcaTab, embeddingsTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == pcaTab && comparison == null) {
                comparison = new PcaComparisonView(model);
                pcaTab.setContent(comparison);
            }
            if (b == embeddingsTab && embeddingsView == null) {
                embeddingsView = new EmbeddingsView(model);
                embeddingsTab.setContent(embeddingsView);
            }
            if (b == pcaTab) {
                comparison.shown();
            } else if (a == pcaTab) {
                comparison.hidden();
            }
            if (embeddingsView != null) {
                embeddingsView.setShown(b == embeddingsTab);
            }
        });
        model.datasetProperty().addListener((o, a, b) -> {
            if (tabs.getSelectionModel().getSelectedItem() == pcaTab) {
                comparison.shown();
            }
        });
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

    private Region statusBar() {
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("status-text");
        status.setMinWidth(0);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        bar.setPrefWidth(180);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label("Space play/pause · → step · F fit · T thumbnails · G manifold");
        keys.getStyleClass().add("muted");
        keys.setMinWidth(0);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-job");
        cancel.setOnAction(e -> model.cancelJob());
        cancel.visibleProperty().bind(model.jobProperty().isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label rec = new Label();
        rec.getStyleClass().add("recording");
        rec.textProperty().bind(Bindings.format("● Recording: %d frames", model.exports().recordedFramesProperty()));
        rec.visibleProperty().bind(model.exports().recordingProperty());
        rec.managedProperty().bind(rec.visibleProperty());
        HBox box = new HBox(10, status, spacer, rec, keys, bar, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-bar");
        return box;
    }
}
