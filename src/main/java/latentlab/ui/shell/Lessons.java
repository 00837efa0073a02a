package latentlab.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import latentlab.data.ClassNames;
import latentlab.data.DatasetPair;
import latentlab.io.Messages;
import latentlab.io.model.LessonFile;
import latentlab.io.model.ModelFile;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.train.Checkpoint;
import latentlab.ui.comparison.ComparisonViewModel;
import latentlab.ui.session.Notices;
import latentlab.ui.training.TrainingViewModel;

/**
 * Lessons: a training run, its data set's folder, the window's view and a cached PCA fit in one file. Opening one
 * reads and checks it in the background, opens its data set if that is not the open one, then continues the run
 * and hands the view to the window; saving asks the training thread for a checkpoint between two steps and writes
 * atomically. On any problem the error banner names it and nothing changes.
 */
public final class Lessons {
    private final StatusLine status;
    private final Notices notices;
    private final DatasetSession datasets;
    private final TrainingViewModel training;
    private final ComparisonViewModel comparison;
    private final AppPreferences preferences;
    private final UnsavedWork unsaved;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<ViewState> pendingView = new ReadOnlyObjectWrapper<>(this, "pendingView");

    /** @param unsaved told the step each saved lesson holds */
    public Lessons(StatusLine status, Notices notices, DatasetSession datasets, TrainingViewModel training,
                   ComparisonViewModel comparison, AppPreferences preferences, UnsavedWork unsaved) {
        this.unsaved = unsaved;
        this.status = status;
        this.notices = notices;
        this.datasets = datasets;
        this.training = training;
        this.comparison = comparison;
        this.preferences = preferences;
        // Another data set is not the lesson's (Save must not overwrite the lesson with it); opening a lesson sets
        // the file again once its data set is shown.
        datasets.datasetProperty().addListener((o, was, now) -> file.set(null));
    }

    /** The lesson file last opened or saved (Save writes here), or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    /**
     * A view state from an opened lesson that the window applies once the lesson's codes are shown; the window
     * clears it with {@link #viewApplied()}.
     */
    public ReadOnlyObjectProperty<ViewState> pendingViewProperty() {
        return pendingView.getReadOnlyProperty();
    }

    /** The window applied the pending view state. */
    public void viewApplied() {
        pendingView.set(null);
    }

    /** Opens {@code lesson} in the background (cancellable); see the class comment. */
    public void open(Path lesson) {
        DatasetPair current = datasets.getDataset();
        Path currentFolder = datasets.getFolder();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                return read(lesson, current, currentFolder, this::updateMessage);
            }
        };
        status.start(task, true, r -> show(lesson, r), error -> {
            notices.report("Could not open " + lesson.getFileName() + ": " + Messages.describe(error));
            status.show("Nothing changed");
        }, () -> status.show("Opening " + lesson.getFileName() + ": cancelled, nothing changed"));
    }

    private void show(Path lesson, Loaded r) {
        Checkpoint cp = r.lesson().model().checkpoint();
        datasets.show(r.pair(), r.folder(), cp, null);
        if (r.pca() != null && comparison.getModel() == null) {
            comparison.restore(r.pair(), r.pca(), r.pcaCurve());
        }
        pendingView.set(r.view());
        file.set(lesson.toAbsolutePath().normalize());
        preferences.addRecentLesson(lesson);
        status.show("Opened lesson " + lesson.getFileName() + " (" + cp.architecture() + ", step "
                + String.format("%,d", cp.step()) + ")");
    }

    /**
     * Reads and checks a lesson and finds its data set (on a background thread): the lesson's own folder if it is
     * not the open one and holds a data set, else the open data set if the lesson's network takes its images.
     *
     * @param message where to say what is being read
     * @throws IOException naming the problem: an unreadable or corrupt file, or a data set that is neither open nor
     *                     found
     */
    static Loaded read(Path lesson, DatasetPair current, Path currentFolder, Consumer<String> message)
            throws IOException {
        message.accept("Reading lesson " + lesson.getFileName());
        String name = lesson.getFileName().toString();
        LessonFile.Lesson l = LessonFile.load(lesson);
        ViewState view = ViewState.fromBytes(l.viewState(), name);
        int d = l.model().checkpoint().architecture().inputSize();
        Path wanted = l.dataFolder().isEmpty() ? null : Path.of(l.dataFolder());
        if (wanted != null && !wanted.equals(currentFolder) && DatasetPair.looksLikeDataset(wanted)) {
            message.accept("Reading data set " + wanted.getFileName());
            return withPca(l, view, ClassNames.attach(wanted, DatasetPair.open(wanted)), wanted, name);
        }
        if (current != null && current.train().dimension() == d) {
            return withPca(l, view, current, currentFolder, name);
        }
        String made = l.model().data() == null ? "another data set" : "data set '" + l.model().data().name()
                + "' (" + l.model().data().rows() + " x " + l.model().data().cols() + " images)";
        throw new IOException("the lesson was made with " + made + (wanted == null ? "" : " from " + wanted)
                + ", which is not open and was not found; open that data set first");
    }

    /** The lesson with the PCA fit it caches (if any) read. */
    private static Loaded withPca(LessonFile.Lesson l, ViewState view, DatasetPair pair, Path folder, String name)
            throws IOException {
        Map<String, byte[]> sections = l.model().sections();
        if (!sections.containsKey("pca")) {
            return new Loaded(l, view, pair, folder, null, null);
        }
        return new Loaded(l, view, pair, folder, ModelFile.parsePca(name, sections, null),
                ModelFile.parsePcaCurve(name, sections));
    }

    /**
     * Saves the current run and {@code view} as a lesson in the background (cancellable). The write is atomic: on
     * failure the old file is untouched.
     */
    public void save(Path lesson, ViewState view) {
        save(lesson, view, () -> { });
    }

    /** As {@link #save(Path, ViewState)}, running {@code onSaved} once the file is written (not on failure). */
    public void save(Path lesson, ViewState view, Runnable onSaved) {
        DatasetPair pair = datasets.getDataset();
        if (pair == null || !training.readyProperty().get()) {
            notices.report("Nothing to save yet: open a data set first");
            return;
        }
        Path folder = datasets.getFolder();
        byte[] viewBytes = view == null ? new byte[0] : view.toBytes();
        Map<String, byte[]> pcaSections = comparison.lessonSections();
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws Exception {
                updateMessage("Saving lesson " + lesson.getFileName());
                Checkpoint cp = training.checkpoint();
                if (cp == null) {
                    throw new IllegalStateException("no network is training, so there is nothing to save");
                }
                LessonFile.save(lesson, cp, new ModelFile.DataInfo(pair.name(), pair.train().rows(),
                        pair.train().cols(), pair.train().size()), folder == null ? "" : folder.toString(), viewBytes,
                        pcaSections);
                return cp.step();
            }
        };
        status.start(task, true, step -> {
            file.set(lesson.toAbsolutePath().normalize());
            preferences.addRecentLesson(lesson);
            unsaved.savedAt(step);
            status.show("Saved lesson " + lesson.getFileName());
            onSaved.run();
        }, error -> notices.report("Could not save " + lesson.getFileName() + ": " + Messages.describe(error)
                + " (the previous file, if any, is unchanged)"),
                () -> status.show("Saving " + lesson.getFileName() + ": cancelled, nothing was written"));
    }

    /** A lesson as read, with its data set and the PCA fit it caches (or nulls). */
    record Loaded(LessonFile.Lesson lesson, ViewState view, DatasetPair pair, Path folder, PcaModel pca,
                  ErrorCurve pcaCurve) {
    }
}
