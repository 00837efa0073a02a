package latentlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import latentlab.train.TrainingPreset;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Theme;
import latentlab.ui.training.TrainingViewModel;

/**
 * The menus: File (data sets, lessons, exports, quit), Training, View (tabs, presenter mode, text size, theme) and
 * Help. Commands are disabled while they can't run (no network yet, a job running).
 */
final class MainMenuBar extends MenuBar {
    private final AppContext context;
    private final WindowActions actions;
    private final ExportActions exportActions;

    /**
     * @param decoder the decoder panel (exported as an image)
     * @param window  the window's root (exported as an image; dialogs belong to its window)
     */
    MainMenuBar(AppContext context, WindowActions actions, ExportActions exportActions, TabPane tabs, SidePanels panels,
                Node decoder, Node window) {
        this.context = context;
        this.actions = actions;
        this.exportActions = exportActions;
        getMenus().addAll(file(decoder, window), training(), view(tabs, panels), help(window));
        setUseSystemMenuBar(true);
    }

    private Menu file(Node decoder, Node window) {
        ObservableBooleanValue busy = context.status().busyProperty();
        ObservableBooleanValue noNetwork = context.training().readyProperty().not();
        MenuItem openData = item("Open data set folder…", null, e -> actions.openDataFolder());
        MenuItem openCsv = item("Open CSV data set…", null, e -> actions.openCsv());
        MenuItem openLesson = item("Open lesson…", shortcut(KeyCode.O), e -> actions.openLesson());
        for (MenuItem m : new MenuItem[] {openData, openCsv, openLesson}) {
            m.disableProperty().bind(context.status().busyProperty());
        }
        MenuItem saveLesson = item("Save lesson", shortcut(KeyCode.S), e -> actions.saveLesson(false));
        MenuItem saveLessonAs = item("Save lesson as…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), e -> actions.saveLesson(true));
        for (MenuItem m : new MenuItem[] {saveLesson, saveLessonAs}) {
            m.disableProperty().bind(Bindings.or(busy, noNetwork));
        }
        Menu recent = new Menu("Recent lessons");
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        MenuItem quit = item("Quit", shortcut(KeyCode.Q), e -> actions.quit());
        return new Menu("File", null, openData, openCsv, new SeparatorMenuItem(), openLesson, recent, saveLesson,
                saveLessonAs, new SeparatorMenuItem(), exports(decoder, window), new SeparatorMenuItem(), quit);
    }

    private Menu exports(Node decoder, Node window) {
        MenuItem map1 = item("Image of the map (PNG)…", null, e -> exportActions.map(1, window.getScene().getWindow()));
        MenuItem map2 = item("Image of the map at 2× (PNG)…", null,
                e -> exportActions.map(2, window.getScene().getWindow()));
        MenuItem panel = item("Image of the decoder panel (PNG)…", null, e -> exportActions.image(decoder, "decoder"));
        MenuItem whole = item("Image of the whole window (PNG)…", null, e -> exportActions.image(window,
                "latent-lab"));
        MenuItem csv = item("Codes of the test images (CSV)…", null, e -> exportActions.codesCsv());
        MenuItem npz = item("Model and codes for NumPy (.npz)…", null, e -> exportActions.numpy());
        MenuItem projector = item("Embedding Projector files (TSV + sprite)…", null, e -> exportActions.projector());
        ObservableBooleanValue noNetwork = context.training().readyProperty().not();
        for (MenuItem m : new MenuItem[] {map1, map2, panel, whole, csv, npz, projector}) {
            m.disableProperty().bind(Bindings.or(noNetwork, context.status().busyProperty()));
        }
        MenuItem dimensions = item("What each dimension means (CSV)…", null, e -> exportActions.dimensionsCsv());
        MenuItem grid = item("Traversal grid of the dimensions (PNG)…", null, e -> exportActions.traversalGrid());
        MenuItem morpho = item("Morphometrics of the test images (CSV)…", null, e -> exportActions.morphometricsCsv());
        for (MenuItem m : new MenuItem[] {dimensions, grid, morpho}) {
            m.disableProperty().bind(Bindings.or(context.dimensions().shownProperty().isNull(),
                    context.status().busyProperty()));
        }
        CheckMenuItem record = new CheckMenuItem("Record the map while it trains");
        record.setOnAction(e -> exportActions.record(record.isSelected(), window.getScene().getWindow()));
        context.exports().recordingProperty().addListener((o, was, now) -> record.setSelected(now));
        record.disableProperty().bind(noNetwork);
        MenuItem range = item("Animation of the timeline (GIF or PNG frames)…", null,
                e -> exportActions.timelineRange(window.getScene().getWindow()));
        range.setId("export-timeline");
        range.disableProperty().bind(Bindings.or(Bindings.createBooleanBinding(
                () -> context.timeline().timelineProperty().get().isEmpty(), context.timeline().timelineProperty()),
                context.status().busyProperty()));
        return new Menu("Export", null, map1, map2, panel, whole, new SeparatorMenuItem(), csv, npz, projector,
                new SeparatorMenuItem(), dimensions, grid, morpho, new SeparatorMenuItem(), record, range);
    }

    private Menu training() {
        TrainingViewModel t = context.training();
        MenuItem play = item("Play / pause", null, e -> t.playPause());
        play.textProperty().bind(Bindings.when(t.runningProperty()).then("Pause      Space").otherwise("Play      Space"));
        MenuItem step = item("Step one minibatch      →", null, e -> t.stepBatch());
        MenuItem epoch = item("Step to the end of the epoch      Shift+→", null, e -> t.stepEpoch());
        MenuItem reset = item("Reset: train from scratch (the initial weights of the seed)", null,
                e -> actions.confirmReset());
        MenuItem generate = item("Generate digits (samples from the prior)…", null, e -> actions.showSamples());
        for (MenuItem m : new MenuItem[] {play, step, epoch, reset, generate}) {
            m.disableProperty().bind(t.readyProperty().not());
        }
        MenuItem compare = item("Compare an autoencoder with a VAE…", null, e -> actions.showCompare());
        MenuItem betas = item("Compare disentangling: an autoencoder and VAEs with β = 1 and β = 4…", null,
                e -> actions.showDisentangling());
        MenuItem hinton = item("Preset: " + TrainingPreset.HINTON_2006.title() + " (train net c, show Fig. 2A)…", null,
                e -> actions.trainPreset(TrainingPreset.HINTON_2006));
        MenuItem figure = item("Fig. 2A: digits through PCA-30 and the autoencoder…", null,
                e -> actions.showPaperFigure());
        for (MenuItem m : new MenuItem[] {compare, betas, hinton, figure}) {
            m.disableProperty().bind(context.datasetProperty().isNull());
        }
        return new Menu("Training", null, play, step, epoch, new SeparatorMenuItem(), reset, new SeparatorMenuItem(),
                generate, compare, betas, new SeparatorMenuItem(), hinton, figure);
    }

    private Menu view(TabPane tabs, SidePanels panels) {
        Appearance look = context.appearance();
        MenuItem explorer = item("Explorer", shortcut(KeyCode.DIGIT1), e -> tabs.getSelectionModel().select(0));
        MenuItem pca = item("PCA comparison", shortcut(KeyCode.DIGIT2), e -> tabs.getSelectionModel().select(1));
        MenuItem embeddings = item("Embeddings", shortcut(KeyCode.DIGIT3), e -> tabs.getSelectionModel().select(2));
        MenuItem dimensions = item("Dimensions", shortcut(KeyCode.DIGIT4), e -> tabs.getSelectionModel().select(3));
        CheckMenuItem presenter = new CheckMenuItem("Presenter mode");
        presenter.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presenter.selectedProperty().bindBidirectional(look.presenterProperty());
        MenuItem fullScreen = item("Full screen", new KeyCodeCombination(KeyCode.F11), e -> actions.toggleFullScreen());
        MenuItem bigger = item("Larger text", shortcut(KeyCode.EQUALS), e -> look.zoomIn());
        MenuItem smaller = item("Smaller text", shortcut(KeyCode.MINUS), e -> look.zoomOut());
        MenuItem normal = item("Normal text size", shortcut(KeyCode.DIGIT0), e -> look.resetZoom());
        CheckMenuItem dark = new CheckMenuItem("Dark high-contrast theme");
        dark.setSelected(look.getTheme() == Theme.DARK);
        dark.selectedProperty().addListener((o, was, on) -> look.themeProperty().set(on ? Theme.DARK : Theme.LIGHT));
        look.themeProperty().addListener((o, was, now) -> dark.setSelected(now == Theme.DARK));
        CheckMenuItem large = new CheckMenuItem("Large thumbnails");
        large.selectedProperty().bindBidirectional(look.largeThumbnailsProperty());
        CheckMenuItem hide = new CheckMenuItem("Hide advanced controls");
        hide.selectedProperty().bindBidirectional(look.hideAdvancedProperty());
        CheckMenuItem left = panelItem("Training panel", KeyCode.OPEN_BRACKET, panels.leftShownProperty(),
                panels::toggleLeft);
        CheckMenuItem right = panelItem("Decoder panel", KeyCode.CLOSE_BRACKET, panels.rightShownProperty(),
                panels::toggleRight);
        MenuItem clearMarkers = item("Clear the tools' markers", null, e -> context.embeddings().clearMarkers());
        clearMarkers.setId("menu-clear-markers");
        clearMarkers.disableProperty().bind(Bindings.isEmpty(context.autoencoderSpace().annotations()));
        return new Menu("View", null, explorer, pca, embeddings, dimensions, new SeparatorMenuItem(), left, right,
                clearMarkers, new SeparatorMenuItem(), presenter, fullScreen,
                new SeparatorMenuItem(), bigger, smaller, normal, new SeparatorMenuItem(), dark, large, hide);
    }

    /** A check item that shows whether a side panel is shown and folds or unfolds it. */
    private static CheckMenuItem panelItem(String text, KeyCode key, ObservableBooleanValue shown, Runnable toggle) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setAccelerator(shortcut(key));
        item.setSelected(shown.get());
        shown.addListener((o, was, now) -> item.setSelected(now));
        item.setOnAction(e -> {
            toggle.run();
            item.setSelected(shown.get());
        });
        return item;
    }

    private Menu help(Node window) {
        MenuItem guide = item("Guide: what am I looking at?", new KeyCodeCombination(KeyCode.F1),
                e -> actions.showGuide());
        MenuItem keys = item("Keyboard shortcuts", null, e -> Shortcuts.showHelp(window.getScene().getWindow(),
                context.appearance()));
        return new Menu("Help", null, guide, keys);
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        var files = context.preferences().recentLessons();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent lessons");
            none.setDisable(true);
            recent.getItems().add(none);
        }
        for (var f : files) {
            MenuItem m = new MenuItem(f.getFileName() + "   —   " + (f.getParent() == null ? "" : f.getParent()));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> actions.openLesson(f));
            recent.getItems().add(m);
        }
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, KeyCombination accelerator, EventHandler<ActionEvent> action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        m.setOnAction(action);
        return m;
    }
}
