package latentlab.ui.shell;

import java.nio.file.Path;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import latentlab.train.TrainingPreset;
import latentlab.ui.common.DiscardDialog;
import latentlab.ui.comparison.PaperFigureWindow;
import latentlab.ui.common.SaveDiscardDialog;
import latentlab.ui.dimensions.DisentanglingExperiment;
import latentlab.ui.dimensions.DisentanglingWindow;
import latentlab.ui.training.CompareViewModel;
import latentlab.ui.training.CompareWindow;
import latentlab.ui.training.SamplesWindow;
import latentlab.ui.training.TrainingViewModel;

/**
 * The commands that the menus, the toolbar and the keys share and that need the window: opening data sets and
 * lessons through file choosers, saving lessons, Reset after asking, the samples and comparison windows, full
 * screen, the guide, and quitting. Quitting and opening another lesson or data set ask first (Save, Discard,
 * Cancel) while there is training no lesson holds.
 */
final class WindowActions {
    private final AppContext context;
    private final FileDialogs dialogs;
    private final Node owner;
    private Supplier<ViewState> view = () -> null;
    private Runnable exit = () -> { };
    private SamplesWindow samples;
    private PaperFigureWindow paperFigure;

    /** @param owner a node of the window the dialogs belong to */
    WindowActions(AppContext context, FileDialogs dialogs, Node owner) {
        this.context = context;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /** Where saving a lesson gets the window's state from. */
    void setViewState(Supplier<ViewState> view) {
        this.view = view;
    }

    private Window window() {
        return owner.getScene().getWindow();
    }

    /** What quitting does once nothing would be lost (the application closes the window and exits). */
    void setExit(Runnable exit) {
        this.exit = exit;
    }

    void openDataFolder() {
        whenSafe("Open another data set?", "Save it as a lesson first?",
                () -> dialogs.dataFolder().ifPresent(context.datasets()::open));
    }

    void openCsv() {
        whenSafe("Open another data set?", "Save it as a lesson first?",
                () -> dialogs.csvFile().ifPresent(context.datasets()::open));
    }

    void openLesson() {
        whenSafe("Open another lesson?", "Save it as a lesson first?",
                () -> dialogs.lessonToOpen(context.lessons().getFile()).ifPresent(context.lessons()::open));
    }

    /** Opens {@code lesson} (from the recent list or the command line), asking first if training would be lost. */
    void openLesson(Path lesson) {
        whenSafe("Open another lesson?", "Save it as a lesson first?", () -> context.lessons().open(lesson));
    }

    /** Quits, asking first if training would be lost (Ctrl+Q, and closing the window). */
    void quit() {
        whenSafe("Quit Latent Lab?", "Save it as a lesson before quitting?", exit);
    }

    /**
     * Runs {@code proceed} now if no training would be lost; otherwise asks (Save, Discard, Cancel): Save writes
     * the lesson (to its file, or one the user picks) and proceeds once it is written; Discard proceeds; Cancel, or
     * a save dialog closed without a file, does nothing.
     */
    void whenSafe(String header, String question, Runnable proceed) {
        UnsavedWork work = context.unsaved();
        if (!work.isUnsaved()) {
            proceed.run();
            return;
        }
        switch (SaveDiscardDialog.ask(owner, header, work.unsavedSteps(), question, context.appearance())) {
            case SAVE -> saveLesson(false, proceed);
            case DISCARD -> proceed.run();
            case CANCEL -> { }
        }
    }

    /** Saves to the lesson open now, or (with {@code as}, or without one) to a file the user picks. */
    void saveLesson(boolean as) {
        saveLesson(as, () -> { });
    }

    private void saveLesson(boolean as, Runnable then) {
        Lessons lessons = context.lessons();
        var current = lessons.getFile();
        if (!as && current != null) {
            lessons.save(current, view.get(), lessons.lastKeep(), then);
            return;
        }
        // What to keep and how large that is, before where (the file chooser).
        LessonSaveDialog.ask(owner, lessons.sizes(), lessons.lastKeep(), context.appearance()).ifPresent(keep ->
                dialogs.lessonToSave(current, runName()).ifPresent(f -> lessons.save(f, view.get(), keep, then)));
    }

    /** The run's name for proposed file names: "mnist-784-256-64-2-epoch10". */
    String runName() {
        var d = context.getDataset();
        return FileNames.run(d == null ? "" : d.name(), context.training().getSnapshot(), "lesson");
    }

    /** Reset discards the trained network (at start, the pre-trained one), so it asks first, as Apply does. */
    void confirmReset() {
        TrainingViewModel t = context.training();
        if (t.applyDiscardsProgress() && !DiscardDialog.confirm(owner, "Reset to the initial weights?",
                t.getSnapshot().step(), "Go back to its initial random weights and discard that training? (The bundled"
                        + " pre-trained model comes back when you open the bundled MNIST again.)")) {
            return;
        }
        t.reset();
        context.status().showUntil("Reset to the initial random weights: press Play to train from scratch",
                t.runningProperty(), "Training from the initial random weights");
    }

    /**
     * Sets up and trains a preset's network after asking, if that discards training, and shows the paper's figure
     * following it.
     */
    void trainPreset(TrainingPreset p) {
        TrainingViewModel t = context.training();
        if (t.applyDiscardsProgress() && !DiscardDialog.confirm(owner, "Train the network of " + p.title() + "?",
                t.getSnapshot().step(), "Start its network " + p.architecture() + " afresh and discard that training?")) {
            return;
        }
        String problem = t.applyPreset(p);
        if (problem != null) {
            context.notices().report(p.title() + ": " + problem);
            return;
        }
        context.paperFigure().trainingPreset(p);
        context.status().show("Training " + p.title() + ": " + p.epochs() + " epochs, then it pauses");
        showPaperFigure();
    }

    /** Opens the paper's Fig. 2A for the network being trained. */
    PaperFigureWindow showPaperFigure() {
        if (paperFigure == null) {
            paperFigure = new PaperFigureWindow(window(), context.paperFigure(), context.appearance());
        }
        paperFigure.show();
        return paperFigure;
    }

    /** Opens (or refreshes) the window of digits generated from the prior. */
    SamplesWindow showSamples() {
        if (samples == null) {
            var space = context.autoencoderSpace();
            samples = new SamplesWindow(window(), () -> {
                var s = context.training().getSnapshot();
                return s == null ? null : s.model();
            }, space::getDisplay, context.appearance());
            space.codecProperty().addListener(o -> {
                if (samples.stage().isShowing()) {
                    samples.refresh();
                }
            });
        }
        samples.show();
        return samples;
    }

    /** Opens the side-by-side comparison of a plain autoencoder and a VAE on the open test images. */
    CompareWindow showCompare() {
        var s = context.training().getSnapshot();
        CompareViewModel vm = new CompareViewModel(context.getDataset().test(), s == null ? null : s.model(),
                context.jobs(), context.pool());
        CompareWindow w = new CompareWindow(window(), vm, context.appearance(), context.jobs(), context.pool());
        for (var space : w.spaces()) {
            context.morphometrics().serve(space);
        }
        w.stage().setOnHidden(e -> {
            for (var space : w.spaces()) {
                context.morphometrics().stopServing(space);
            }
        });
        w.show();
        return w;
    }

    /** Opens the disentangling experiment on the open test images: a plain autoencoder beside β-VAEs. */
    DisentanglingWindow showDisentangling() {
        DisentanglingExperiment experiment = new DisentanglingExperiment(context.getDataset().test(),
                context.morphometrics(), context.jobs().lane("disentangling"), context.pool(),
                Platform::runLater);
        DisentanglingWindow w = new DisentanglingWindow(window(), experiment, context.appearance());
        experiment.start();
        w.show(true);
        return w;
    }

    void toggleFullScreen() {
        if (owner.getScene() != null && owner.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    void showGuide() {
        GuideWindow.show(window(), owner.getScene());
    }
}
