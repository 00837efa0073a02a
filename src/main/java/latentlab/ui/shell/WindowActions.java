package latentlab.ui.shell;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import latentlab.train.TrainingPreset;
import latentlab.ui.common.DiscardDialog;
import latentlab.ui.comparison.PaperFigureWindow;
import latentlab.ui.training.CompareViewModel;
import latentlab.ui.training.CompareWindow;
import latentlab.ui.training.SamplesWindow;
import latentlab.ui.training.TrainingViewModel;

/**
 * The commands that the menus, the toolbar and the keys share and that need the window: opening data sets and
 * lessons through file choosers, saving lessons, Reset after asking, the samples and comparison windows, full
 * screen and the guide.
 */
final class WindowActions {
    private final AppContext context;
    private final FileDialogs dialogs;
    private final Node owner;
    private Supplier<ViewState> view = () -> null;
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

    void openDataFolder() {
        dialogs.dataFolder().ifPresent(context.datasets()::open);
    }

    void openCsv() {
        dialogs.csvFile().ifPresent(context.datasets()::open);
    }

    void openLesson() {
        dialogs.lessonToOpen(context.lessons().getFile()).ifPresent(context.lessons()::open);
    }

    /** Saves to the lesson open now, or (with {@code as}, or without one) to a file the user picks. */
    void saveLesson(boolean as) {
        var current = context.lessons().getFile();
        if (!as && current != null) {
            context.lessons().save(current, view.get());
            return;
        }
        dialogs.lessonToSave(current).ifPresent(f -> context.lessons().save(f, view.get()));
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
        context.status().show("Reset to the initial random weights: press Play to train from scratch");
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
        w.show();
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
