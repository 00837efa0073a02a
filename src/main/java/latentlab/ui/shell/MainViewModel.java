package latentlab.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.io.Messages;
import latentlab.io.model.LessonFile;
import latentlab.io.model.ModelFile;
import latentlab.train.Checkpoint;
import latentlab.train.Trainer;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Theme;
import latentlab.ui.comparison.ComparisonViewModel;
import latentlab.ui.embeddings.EmbeddingsViewModel;
import latentlab.ui.embeddings.ProbeViewModel;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.FrameLoop;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;
import latentlab.ui.training.TestErrorMonitor;
import latentlab.ui.training.TrainingViewModel;

/**
 * State of the main window: the open data set, the status line and progress of background work. Views bind to
 * the read-only properties; all changes happen on the FX thread.
 */
public final class MainViewModel {
    private final ReadOnlyObjectWrapper<DatasetPair> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Starting…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final Background background = new Background("latentlab-io");
    private final ComputePool pool = new ComputePool(ComputePool.defaultThreads());
    private final JobRunner jobs = new JobRunner("latentlab-job");
    private final Notices notices = new Notices();
    private final FrameLoop frames = new FrameLoop();
    private final SelectionModel selection = new SelectionModel();
    private final LatentSpaceModel autoencoderSpace = new LatentSpaceModel("Autoencoder", selection);
    private final TrainingViewModel training = new TrainingViewModel();
    private final TestErrorMonitor testErrors = new TestErrorMonitor(this);
    private final ComparisonViewModel comparison = new ComparisonViewModel(dataset.getReadOnlyProperty(), training,
            selection, autoencoderSpace, testErrors, jobs, pool, notices, frames);
    private final EmbeddingsViewModel embeddings = new EmbeddingsViewModel(dataset.getReadOnlyProperty(),
            training.snapshotProperty(), training.runningProperty(), selection, autoencoderSpace, comparison.fit(),
            testErrors, jobs, pool, frames);
    private final ProbeViewModel probe = embeddings.probe();
    private final Appearance appearance = new Appearance();
    private final AppPreferences preferences;
    private final ReadOnlyObjectWrapper<Path> datasetFolder = new ReadOnlyObjectWrapper<>(this, "datasetFolder");
    private final ReadOnlyObjectWrapper<Path> lessonFile = new ReadOnlyObjectWrapper<>(this, "lessonFile");
    private final Exports exports = new Exports(this);
    private final javafx.beans.property.ReadOnlyObjectWrapper<Task<?>> job = new javafx.beans.property
            .ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyObjectWrapper<ViewState> pendingViewState = new ReadOnlyObjectWrapper<>(this,
            "pendingViewState");

    public MainViewModel() {
        this(AppPreferences.user());
    }

    /** The model shown at start on the bundled MNIST (made by the project's own train command). */
    public static final String PRETRAINED = "/latentlab/pretrained/mnist-784-256-64-2.llm";
    private boolean usePretrained = true;

    public MainViewModel(AppPreferences preferences) {
        this.preferences = preferences;
        appearance.themeProperty().set(Theme.byId(preferences.theme()));
        appearance.themeProperty().addListener((o, a, b) -> preferences.saveTheme(b));
        frames.setOnFailure(notices::report);
        notices.errorProperty().addListener((o, a, b) -> {
            if (b != null) {
                error.set(b);
            }
        });
    }

    /** The window's per-frame loop (the tabs register what they update every frame while shown). */
    public FrameLoop frames() {
        return frames;
    }

    /**
     * Whether opening the bundled MNIST starts from the bundled pre-trained model (default) or from random weights.
     */
    public void setUsePretrained(boolean use) {
        this.usePretrained = use;
    }

    /** The export commands. */
    public Exports exports() {
        return exports;
    }

    /** The background job running now (loading, saving, exporting), which the status bar can cancel. */
    public ReadOnlyObjectProperty<Task<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** Cancels the running background job, if any. */
    public void cancelJob() {
        Task<?> t = job.get();
        if (t != null) {
            t.cancel();
        }
    }

    /**
     * Runs {@code work} in the background with progress in the status bar and a cancel button; on success shows
     * {@code done}, on failure an error banner that names the problem, on cancellation a note. Nothing is left
     * half-written: the writers are atomic.
     */
    public <T> void runJob(String title, String done, Exports.Job<T> work) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title + "…");
                return work.run(new Progress() {
                    @Override
                    public void update(double d, double total, String message) {
                        updateProgress(d, total);
                        if (message != null) {
                            updateMessage(message);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return wasCancelled();
                    }
                });
            }

            private boolean wasCancelled() {
                return isCancelled();
            }
        };
        task.setOnSucceeded(e -> {
            finish(task);
            status.set(done);
        });
        task.setOnFailed(e -> {
            finish(task);
            Throwable t = task.getException();
            error.set(title + " failed: " + Messages.describe(t));
            status.set(title + " failed");
        });
        task.setOnCancelled(e -> {
            finish(task);
            status.set(title + ": cancelled, nothing was written");
        });
        start(task);
        progress.bind(task.progressProperty());
    }

    /** The current autoencoder's test error, measured while some view wants it. */
    public TestErrorMonitor testErrors() {
        return testErrors;
    }

    /** The embeddings toolkit: neighbours, interpolation, arithmetic, drawing. */
    public EmbeddingsViewModel embeddings() {
        return embeddings;
    }

    /** Codes as features: a classifier on the codes of a few labelled images. */
    public ProbeViewModel probe() {
        return probe;
    }

    /** The PCA comparison (fitted on demand, once per data set). */
    public ComparisonViewModel comparison() {
        return comparison;
    }

    /** What is remembered between runs. */
    public AppPreferences preferences() {
        return preferences;
    }

    /** The folder the open data set came from. */
    public ReadOnlyObjectProperty<Path> datasetFolderProperty() {
        return datasetFolder.getReadOnlyProperty();
    }

    /** The lesson file last opened or saved (Save writes here), or null. */
    public ReadOnlyObjectProperty<Path> lessonFileProperty() {
        return lessonFile.getReadOnlyProperty();
    }

    /**
     * A view state from an opened lesson that the window should apply once the lesson's codes are shown; the
     * window clears it with {@link #viewStateApplied()}.
     */
    public ReadOnlyObjectProperty<ViewState> pendingViewStateProperty() {
        return pendingViewState.getReadOnlyProperty();
    }

    /** The window applied the pending view state. */
    public void viewStateApplied() {
        pendingViewState.set(null);
    }
    private Task<?> loading;

    /** Which test image is selected, hovered, and which digit is isolated (shared by all latent views). */
    public SelectionModel selection() {
        return selection;
    }

    /** The autoencoder's latent space: its latest snapshot and the codes of the test images. */
    public LatentSpaceModel autoencoderSpace() {
        return autoencoderSpace;
    }

    /** Theme, text scale and presenter mode. */
    public Appearance appearance() {
        return appearance;
    }

    /** Training state and commands. */
    public TrainingViewModel training() {
        return training;
    }

    /** Reset: back to the initial weights of the seed; the status bar stops mentioning a pre-trained model. */
    public void resetTraining() {
        training.reset();
        updateStatusNow("Reset to the initial random weights: press Play to train from scratch");
    }

    /**
     * Called once per frame on the FX thread: picks up the newest training snapshot (never waiting for the
     * training thread) and hands its model and codes to the latent views.
     */
    public void tick() {
        training.poll();
        testErrors.poll();
        var s = training.getSnapshot();
        if (s != null && s.displayCodes() != null && autoencoderSpace.getDisplay() != null
                && (s.displayCodes() != autoencoderSpace.getCodes() || s.model() != autoencoderSpace.getCodec())) {
            boolean first = autoencoderSpace.getCodes() == null && readyAfterLaunch.get() < 0;
            // Fewer steps than the last map's: the run started again (reset, new settings, linear autoencoder).
            boolean restarted = lastMapStep >= 0 && s.step() < lastMapStep;
            lastMapStep = s.step();
            autoencoderSpace.update(s.model(), s.displayCodes());
            if (restarted) {
                autoencoderSpace.recentreOutsideRange();
            }
            comparison.followAutoencoder();
            comparison.recordAngles(s);
            if (first) {
                double seconds = latentlab.ui.shell.StartupClock.sinceLaunch();
                if (!status.isBound()) {
                    status.set(status.get() + String.format(" · ready %.1f s after launch", seconds));
                }
                readyAfterLaunch.set(seconds);
            }
        }
    }

    private long lastMapStep = -1;

    private final ReadOnlyDoubleWrapper readyAfterLaunch = new ReadOnlyDoubleWrapper(this, "readyAfterLaunch", -1);

    /**
     * Seconds from launching the program (the first JVM, when {@code java -jar} relaunches itself) to the frame that
     * hands the first latent map to the views, or -1 before it.
     */
    public ReadOnlyDoubleProperty readyAfterLaunchProperty() {
        return readyAfterLaunch.getReadOnlyProperty();
    }

    public double readyAfterLaunch() {
        return readyAfterLaunch.get();
    }

    public ReadOnlyObjectProperty<DatasetPair> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public DatasetPair getDataset() {
        return dataset.get();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Progress of the current background job in [0, 1], or -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last error, shown until the next successful action; null when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Loads the bundled MNIST in the background, or reports where it was looked for. */
    public void loadBundledDataset() {
        Optional<Path> folder = DatasetLocator.bundledMnist();
        if (folder.isEmpty()) {
            error.set("The bundled MNIST was not found. Looked in: " + DatasetLocator.candidates()
                    + ". Use Open data set… to pick a folder with the four IDX files.");
            status.set("No data set");
            return;
        }
        loadDataset(folder.get());
    }

    /** Loads a folder with the four IDX files in the background; the current data set stays until it succeeds. */
    public void loadDataset(Path folder) {
        if (loading != null) {
            loading.cancel();
        }
        boolean pretrained = usePretrained && DatasetLocator.bundledMnist()
                .map(b -> b.toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())).orElse(false);
        // A trainer the task made but nobody took (the task was cancelled or failed after making it) is closed.
        Handoff<Trainer> prepared = new Handoff<>();
        Task<Opened> task = new Task<>() {
            @Override
            protected Opened call() throws Exception {
                long t0 = System.nanoTime();
                DatasetPair pair = DatasetPair.open(folder, new Progress() {
                    @Override
                    public void update(double done, double total, String message) {
                        updateProgress(done, total);
                        updateMessage(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelled0();
                    }
                });
                Checkpoint start = null;
                if (pretrained && pair.train().dimension() == 784) {
                    updateMessage("Reading the pre-trained model");
                    try {
                        start = ModelFile.loadResource(PRETRAINED).checkpoint();
                    } catch (java.io.IOException e) {
                        // A build without the model starts from random weights; nothing to tell the user.
                        start = null;
                    }
                }
                if (pretrained) {
                    // The bundled folder is called "mnist"; show the data set's proper name.
                    pair = new DatasetPair("MNIST", pair.train(), pair.test());
                }
                if (start != null) {
                    // Its thread encodes the test images now, while the window may still be being built (start-up).
                    Trainer trainer = TrainingViewModel.prepare(pair, start);
                    prepared.offer(trainer);
                }
                return new Opened(pair, start, (System.nanoTime() - t0) / 1e9);
            }

            private boolean isCancelled0() {
                return isCancelled();
            }
        };

        loading = task;
        busy.set(true);
        error.set(null);
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            latentlab.ui.shell.StartupClock.mark("data and model read");
            finish(task);
            DatasetPair pair = task.getValue().pair();
            Checkpoint start = task.getValue().start();
            comparison.clear();
            testErrors.clear();
            embeddings.clear();
            dataset.set(pair);
            datasetFolder.set(folder.toAbsolutePath().normalize());
            lessonFile.set(null);
            selection.clear();
            autoencoderSpace.setDisplay(pair.test());
            if (start != null) {
                training.resume(pair, start, prepared.take());
            } else {
                training.attach(pair);
            }
            status.set(String.format("%s: %,d + %,d images of %d × %d, read in %.1f s%s", pair.name(),
                    pair.train().size(), pair.test().size(), pair.train().rows(), pair.train().cols(),
                    task.getValue().seconds(), start == null ? ""
                            : String.format(" · pre-trained model (%d epochs)", start.epochs().size())));
            tick();
        });
        task.setOnFailed(e -> {
            prepared.cancel();
            finish(task);
            error.set("Could not open " + folder + ": " + Messages.describe(task.getException()));
            status.set(dataset.get() == null ? "No data set" : "Kept the data set that was open");
        });
        task.setOnCancelled(e -> {
            prepared.cancel();
            finish(task);
            status.set("Loading cancelled");
        });
        updateStatusNow("Reading " + folder.getFileName() + "…");
        background.submit(task);
    }

    private void updateStatusNow(String s) {
        if (!status.isBound()) {
            status.set(s);
        }
    }

    private void finish(Task<?> task) {
        progress.unbind();
        status.unbind();
        progress.set(0);
        busy.set(false);
        if (job.get() == task) {
            job.set(null);
        }
        if (loading == task) {
            loading = null;
        }
    }

    /** What a load produced, and how long reading it took (not counting the wait for the FX thread). */
    private record Opened(DatasetPair pair, Checkpoint start, double seconds) {
    }

    private record LoadedLesson(LessonFile.Lesson lesson, ViewState view, DatasetPair pair, Path folder,
                                latentlab.pca.PcaModel pca, latentlab.pca.ErrorCurve pcaCurve) {
        LoadedLesson(LessonFile.Lesson lesson, ViewState view, DatasetPair pair, Path folder) {
            this(lesson, view, pair, folder, null, null);
        }

        /** The same, with the PCA fit the lesson caches (if any) read. */
        LoadedLesson withPca(String name) throws java.io.IOException {
            var sections = lesson.model().sections();
            if (!sections.containsKey("pca")) {
                return this;
            }
            return new LoadedLesson(lesson, view, pair, folder, ModelFile.parsePca(name, sections, null),
                    ModelFile.parsePcaCurve(name, sections));
        }
    }

    /**
     * Opens a lesson in the background: reads and checks the file, opens its data set if it is not the one open,
     * then continues its training run and restores the view. On any problem the error names it and nothing
     * changes.
     */
    public void openLesson(Path file) {
        DatasetPair current = dataset.get();
        Path currentFolder = datasetFolder.get();
        Task<LoadedLesson> task = new Task<>() {
            @Override
            protected LoadedLesson call() throws Exception {
                updateMessage("Reading lesson " + file.getFileName());
                LessonFile.Lesson l = LessonFile.load(file);
                ViewState vs = ViewState.fromBytes(l.viewState(), file.getFileName().toString());
                var cp = l.model().checkpoint();
                int d = cp.architecture().inputSize();
                Path wanted = l.dataFolder().isEmpty() ? null : Path.of(l.dataFolder());
                if (wanted != null && !wanted.equals(currentFolder) && DatasetPair.looksLikeDataset(wanted)) {
                    updateMessage("Reading data set " + wanted.getFileName());
                    return new LoadedLesson(l, vs, DatasetPair.open(wanted), wanted).withPca(file.getFileName().toString());
                }
                if (current != null && current.train().dimension() == d) {
                    return new LoadedLesson(l, vs, current, currentFolder).withPca(file.getFileName().toString());
                }
                String made = l.model().data() == null ? "another data set" : "data set '" + l.model().data().name()
                        + "' (" + l.model().data().rows() + " x " + l.model().data().cols() + " images)";
                throw new java.io.IOException("the lesson was made with " + made
                        + (wanted == null ? "" : " from " + wanted) + ", which is not open and was not found; "
                        + "open that data set first");
            }
        };
        task.setOnSucceeded(e -> {
            finish(task);
            LoadedLesson r = task.getValue();
            if (r.pair() != dataset.get()) {
                comparison.clear();
                testErrors.clear();
                embeddings.clear();
                dataset.set(r.pair());
                datasetFolder.set(r.folder());
            }
            selection.clear();
            autoencoderSpace.setDisplay(r.pair().test());
            training.resume(r.pair(), r.lesson().model().checkpoint());
            tick();
            if (r.pca() != null && comparison.getModel() == null) {
                comparison.restore(r.pair(), r.pca(), r.pcaCurve());
            }
            pendingViewState.set(r.view());
            lessonFile.set(file.toAbsolutePath().normalize());
            preferences.addRecentLesson(file);
            status.set("Opened lesson " + file.getFileName() + " (" + r.lesson().model().checkpoint().architecture()
                    + ", step " + String.format("%,d", r.lesson().model().checkpoint().step()) + ")");
        });
        task.setOnFailed(e -> {
            finish(task);
            error.set("Could not open " + file.getFileName() + ": " + Messages.describe(task.getException()));
            status.set("Nothing changed");
        });
        start(task);
    }

    /**
     * Saves the current run and the given view state as a lesson, in the background (the training thread is
     * asked for a checkpoint between two steps). The write is atomic: on failure the old file is untouched.
     */
    public void saveLesson(Path file, ViewState view) {
        DatasetPair pair = dataset.get();
        if (pair == null || !training.readyProperty().get()) {
            error.set("Nothing to save yet: open a data set first");
            return;
        }
        Path folder = datasetFolder.get();
        byte[] viewBytes = view == null ? new byte[0] : view.toBytes();
        var pcaSections = comparison.lessonSections();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                updateMessage("Saving lesson " + file.getFileName());
                var cp = training.checkpoint();
                LessonFile.save(file, cp, new ModelFile.DataInfo(pair.name(), pair.train().rows(), pair.train().cols(),
                        pair.train().size()), folder == null ? "" : folder.toString(), viewBytes, pcaSections);
                return null;
            }
        };
        task.setOnSucceeded(e -> {
            finish(task);
            lessonFile.set(file.toAbsolutePath().normalize());
            preferences.addRecentLesson(file);
            status.set("Saved lesson " + file.getFileName());
        });
        task.setOnFailed(e -> {
            finish(task);
            error.set("Could not save " + file.getFileName() + ": " + Messages.describe(task.getException())
                    + " (the previous file, if any, is unchanged)");
        });
        start(task);
    }

    private void start(Task<?> task) {
        busy.set(true);
        error.set(null);
        progress.set(-1);
        status.bind(task.messageProperty());
        job.set(task);
        background.submit(task);
    }

    /** Clears the shown error. */
    public void dismissError() {
        error.set(null);
    }

    /** Stops all background work (window closing). */
    public void shutdown() {
        if (loading != null) {
            loading.cancel();
        }
        training.shutdown();
        comparison.shutdown();
        testErrors.shutdown();
        embeddings.shutdown();
        probe.shutdown();
        exports.shutdown();
        background.shutdown();
        jobs.shutdown();
        pool.close();
    }
}
