package latentlab.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import latentlab.data.ClassNames;
import latentlab.data.DatasetPair;
import latentlab.io.Messages;
import latentlab.io.model.LessonFile;
import latentlab.io.model.ModelFile;
import latentlab.io.model.RunsSection;
import latentlab.io.model.TimelineSection;
import latentlab.pca.ErrorCurve;
import latentlab.pca.PcaModel;
import latentlab.train.Checkpoint;
import latentlab.train.Timeline;
import latentlab.train.Trainer;
import latentlab.ui.comparison.ComparisonViewModel;
import latentlab.ui.session.Notices;
import latentlab.ui.training.LessonHistory;
import latentlab.ui.training.RunsViewModel;
import latentlab.ui.training.TrainingViewModel;

/**
 * Lessons: a training run, its data set's folder, the window's view and a cached PCA fit in one file. Opening one
 * reads and checks it in the background, opens its data set if that is not the open one, then continues the run
 * and hands the view to the window; saving asks the training thread for a checkpoint between two steps and writes
 * atomically. On any problem the error banner names it and nothing changes; a lesson whose data set is gone or
 * moved says which it needs and offers to locate it (or, when its images fit, to use the open one instead).
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
    private Function<Path, Optional<Path>> locator = missing -> Optional.empty();

    private RunsViewModel runs;
    private LessonHistory.Keep lastKeep = LessonHistory.Keep.EVERYTHING;

    /** The session's runs, whose histories and branches lessons keep. */
    public void setRuns(RunsViewModel runs) {
        this.runs = runs;
    }

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

    /**
     * Sets how the user is asked where a lesson's missing data set is now: given the path the lesson names, the
     * folder (or CSV file) chosen, or empty if the user cancelled. The window sets a file dialog.
     */
    public void setLocator(Function<Path, Optional<Path>> locator) {
        this.locator = locator;
    }

    /** Opens {@code lesson} in the background (cancellable); see the class comment. */
    public void open(Path lesson) {
        open(lesson, DataChoice.SAVED);
    }

    private void open(Path lesson, DataChoice choice) {
        DatasetPair current = datasets.getDataset();
        Path currentFolder = datasets.getFolder();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                return read(lesson, current, currentFolder, choice, this::updateMessage);
            }
        };
        status.start(task, true, r -> show(lesson, r), error -> {
            String problem = "Could not open " + lesson.getFileName() + ": " + Messages.describe(error);
            if (error instanceof MissingDataSetException missing) {
                notices.report(problem, offers(lesson, missing));
            } else {
                notices.report(problem);
            }
            status.show("Nothing changed");
        }, () -> status.show("Opening " + lesson.getFileName() + ": cancelled, nothing changed"));
    }

    /** What the banner offers when a lesson's data set is missing: locating it, or the open one if it fits. */
    private List<Notices.Action> offers(Path lesson, MissingDataSetException missing) {
        List<Notices.Action> offers = new ArrayList<>();
        offers.add(new Notices.Action("Locate data set\u2026", () -> locator.apply(missing.wanted())
                .ifPresent(found -> open(lesson, new DataChoice(found, false)))));
        DatasetPair current = datasets.getDataset();
        if (missing.openOneFits() && current != null) {
            offers.add(new Notices.Action("Use " + current.name() + " instead", () -> open(lesson,
                    new DataChoice(null, true))));
        }
        return offers;
    }

    private void show(Path lesson, Loaded r) {
        Checkpoint cp = r.lesson().model().checkpoint();
        training.setNextHistory(r.history());
        datasets.show(r.pair(), r.folder(), cp, null);
        if (r.pca() != null && comparison.getModel() == null) {
            comparison.restore(r.pair(), r.pca(), r.pcaCurve());
        }
        pendingView.set(r.view());
        if (runs != null) {
            runs.restore(r.history(), r.tree());
        }
        file.set(lesson.toAbsolutePath().normalize());
        preferences.addRecentLesson(lesson);
        status.show("Opened lesson " + lesson.getFileName() + " (" + cp.architecture() + ", step "
                + String.format("%,d", cp.step()) + ")");
    }

    /**
     * Reads and checks a lesson and finds its data set (on a background thread): the folder the user located, else
     * the lesson's own folder if that is not the open one, else the open data set if the lesson's network takes its
     * images. A lesson's own folder that is gone is never silently replaced by the open data set: that takes the
     * user's choice ({@code choice.useOpen()}).
     *
     * @param message where to say what is being read
     * @throws MissingDataSetException if the lesson's data set is gone or moved
     * @throws IOException             naming the problem: an unreadable or corrupt file, a located data set whose images
     *                                 the network does not take, or a data set that is neither open nor named
     */
    static Loaded read(Path lesson, DatasetPair current, Path currentFolder, DataChoice choice,
                       Consumer<String> message) throws IOException {
        message.accept("Reading lesson " + lesson.getFileName());
        String name = lesson.getFileName().toString();
        LessonFile.Lesson l = LessonFile.load(lesson);
        ViewState view = ViewState.fromBytes(l.viewState(), name);
        int d = l.model().checkpoint().architecture().inputSize();
        boolean openFits = current != null && current.train().dimension() == d;
        Path wanted = choice.located() != null ? choice.located()
                : l.dataFolder().isEmpty() ? null : Path.of(l.dataFolder());
        if (!choice.useOpen() && wanted != null && !wanted.equals(currentFolder)) {
            if (!DatasetPair.looksLikeDataset(wanted)) {
                if (choice.located() != null) {
                    throw new IOException("no data set at " + wanted + " (a folder of the four IDX files or a CSV "
                            + "file is needed)");
                }
                throw new MissingDataSetException(made(l) + ", from " + wanted + ", which is gone or moved", wanted,
                        openFits);
            }
            message.accept("Reading data set " + wanted.getFileName());
            DatasetPair pair = ClassNames.attach(wanted, DatasetPair.open(wanted));
            if (pair.train().dimension() != d) {
                throw new IOException("the data set at " + wanted + " has images of " + pair.train().rows() + " x "
                        + pair.train().cols() + " pixels, but the lesson's network takes " + d + " inputs ("
                        + made(l) + ")");
            }
            return withPca(l, view, pair, wanted, name);
        }
        if (openFits) {
            return withPca(l, view, current, currentFolder, name);
        }
        throw new IOException(made(l) + (wanted == null ? "" : " from " + wanted)
                + ", which is not open and was not found; open that data set first");
    }

    /** "the lesson was made with data set 'tiny' (3 x 4 images)". */
    private static String made(LessonFile.Lesson l) {
        return "the lesson was made with " + (l.model().data() == null ? "another data set"
                : "data set '" + l.model().data().name() + "' (" + l.model().data().rows() + " x "
                + l.model().data().cols() + " images)");
    }

    /** The lesson with the PCA fit it caches (if any) read. */
    private static Loaded withPca(LessonFile.Lesson l, ViewState view, DatasetPair pair, Path folder, String name)
            throws IOException {
        Map<String, byte[]> sections = l.model().sections();
        Timeline history = TimelineSection.read(name, sections, l.model().checkpoint().parameters().length);
        RunsSection.Tree tree = RunsSection.read(name, sections);
        if (!sections.containsKey("pca")) {
            return new Loaded(l, view, pair, folder, null, null, history, tree);
        }
        return new Loaded(l, view, pair, folder, ModelFile.parsePca(name, sections, null),
                ModelFile.parsePcaCurve(name, sections), history, tree);
    }

    /**
     * Saves the current run and {@code view} as a lesson with everything (history and branches) in the background
     * (cancellable). The write is atomic: on failure the old file is untouched.
     */
    public void save(Path lesson, ViewState view) {
        save(lesson, view, LessonHistory.Keep.EVERYTHING, () -> { });
    }

    /** What a lesson saved now would take: with everything, and with the final weights only (FX thread). */
    LessonSaveDialog.Sizes sizes() {
        var live = training.getSnapshot();
        Timeline t = training.timelineProperty().get();
        RunsSection.Tree tree = runs == null ? null : runs.tree();
        return new LessonSaveDialog.Sizes(LessonHistory.estimate(live, t, tree, LessonHistory.Keep.EVERYTHING),
                LessonHistory.estimate(live, t, tree, LessonHistory.Keep.FINAL_WEIGHTS), LessonHistory.keptMoments(t, tree),
                tree == null ? 0 : tree.others().size());
    }

    /** What the last lesson saved kept (Save without "as" keeps the same). */
    LessonHistory.Keep lastKeep() {
        return lastKeep;
    }

    /**
     * As {@link #save(Path, ViewState)}, keeping {@code keep} of the runs, and running {@code onSaved} once the file
     * is written (not on failure). The last state and the history are taken between the same two steps.
     */
    public void save(Path lesson, ViewState view, LessonHistory.Keep keep, Runnable onSaved) {
        DatasetPair pair = datasets.getDataset();
        if (pair == null || !training.readyProperty().get()) {
            notices.report("Nothing to save yet: open a data set first");
            return;
        }
        Path folder = datasets.getFolder();
        byte[] viewBytes = view == null ? new byte[0] : view.toBytes();
        Map<String, byte[]> pcaSections = comparison.lessonSections();
        RunsSection.Tree tree = runs == null ? null : runs.tree();
        lastKeep = keep;
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() throws Exception {
                updateMessage("Saving lesson " + lesson.getFileName());
                Trainer.Kept kept = training.checkpointWithHistory();
                if (kept == null) {
                    throw new IllegalStateException("no network is training, so there is nothing to save");
                }
                Checkpoint cp = keep == LessonHistory.Keep.FINAL_WEIGHTS ? finalWeights(kept.checkpoint())
                        : kept.checkpoint();
                Map<String, byte[]> extra = new LinkedHashMap<>();
                if (pcaSections != null) {
                    extra.putAll(pcaSections);
                }
                extra.putAll(LessonHistory.sections(kept.timeline(), tree, keep));
                LessonFile.save(lesson, cp, new ModelFile.DataInfo(pair.name(), pair.train().rows(),
                        pair.train().cols(), pair.train().size()), folder == null ? "" : folder.toString(), viewBytes,
                        extra);
                return cp.step();
            }
        };
        status.start(task, true, step -> {
            file.set(lesson.toAbsolutePath().normalize());
            preferences.addRecentLesson(lesson);
            unsaved.savedAt(step);
            status.show("Saved lesson " + lesson.getFileName() + sizeOf(lesson));
            onSaved.run();
        }, error -> notices.report("Could not save " + lesson.getFileName() + ": " + Messages.describe(error)
                + " (the previous file, if any, is unchanged)"),
                () -> status.show("Saving " + lesson.getFileName() + ": cancelled, nothing was written"));
    }

    /** {@code cp} without the optimiser's state and the batch order: the weights, settings and losses. */
    private static Checkpoint finalWeights(Checkpoint cp) {
        return new Checkpoint(cp.config(), cp.architecture(), cp.parameters(), cp.optimizerName(), null, cp.step(),
                null, cp.epochs(), cp.batchLosses(), cp.klLosses());
    }

    /** The size of a saved file, as " (12.3 MB)", or "" if it cannot be read. */
    private static String sizeOf(Path file) {
        try {
            return String.format(java.util.Locale.ROOT, " (%.1f MB)", java.nio.file.Files.size(file) / 1e6);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Where a lesson's data set comes from: where the lesson says ({@link #SAVED}), a folder or CSV file the user
     * located, or the open data set (the user chose it for a lesson whose own is gone).
     */
    record DataChoice(Path located, boolean useOpen) {
        static final DataChoice SAVED = new DataChoice(null, false);
    }

    /** A lesson's data set is gone or moved: which path it named, and whether the open data set would fit. */
    static final class MissingDataSetException extends IOException {
        private final transient Path wanted;
        private final boolean openOneFits;

        MissingDataSetException(String message, Path wanted, boolean openOneFits) {
            super(message);
            this.wanted = wanted;
            this.openOneFits = openOneFits;
        }

        Path wanted() {
            return wanted;
        }

        boolean openOneFits() {
            return openOneFits;
        }
    }

    /** A lesson as read, with its data set and the PCA fit it caches (or nulls). */
    record Loaded(LessonFile.Lesson lesson, ViewState view, DatasetPair pair, Path folder, PcaModel pca,
                  ErrorCurve pcaCurve, Timeline history, RunsSection.Tree tree) {
    }
}
