package latentlab.ui.shell;

import java.util.List;

import javafx.application.Platform;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import latentlab.compute.ComputePool;
import latentlab.data.DatasetPair;
import latentlab.train.Snapshot;
import latentlab.ui.common.Appearance;
import latentlab.ui.common.Theme;
import latentlab.ui.comparison.ComparisonViewModel;
import latentlab.ui.comparison.PaperFigureViewModel;
import latentlab.ui.dimensions.DimensionAnalyzer;
import latentlab.ui.dimensions.DimensionsViewModel;
import latentlab.ui.dimensions.MorphometricsCache;
import latentlab.ui.dimensions.SliderNotes;
import latentlab.ui.embeddings.EmbeddingsViewModel;
import latentlab.ui.embeddings.ProbeViewModel;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.explorer.SliderNote;
import latentlab.ui.session.FrameLoop;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;
import latentlab.ui.training.LatentMapFeed;
import latentlab.ui.training.RunComparison;
import latentlab.ui.training.RunsViewModel;
import latentlab.ui.training.TestErrorMonitor;
import latentlab.ui.training.TimelineViewModel;
import latentlab.ui.training.TrainingViewModel;

/**
 * The composition root of the window: builds the one compute pool, the one job runner, the error notices, the
 * per-frame loop and every view-model, hands each what it uses, and shuts them down together. Nothing else builds
 * these; views get them from here through {@link MainView}.
 *
 * <pre>
 *   DatasetSession --dataset--> TrainingViewModel --snapshot--> LatentMapFeed --> autoencoderSpace --> views
 *                                      (trainer thread)          (frame loop)
 *   jobs (JobRunner): loading, lessons, exports, test errors, comparison;  pool (ComputePool): their numbers
 * </pre>
 * All state changes on the FX thread.
 */
public final class AppContext {
    private final ComputePool pool = new ComputePool(ComputePool.defaultThreads());
    private final JobRunner jobs = new JobRunner("latentlab-job");
    private final Notices notices = new Notices();
    private final FrameLoop frames = new FrameLoop();
    private final AppPreferences preferences;
    private final Appearance appearance = new Appearance();
    private final SelectionModel selection = new SelectionModel();
    private final LatentSpaceModel autoencoderSpace = new LatentSpaceModel("Autoencoder", selection);
    private final TrainingViewModel training = new TrainingViewModel(pool);
    private final ReadOnlyObjectProperty<Snapshot> snapshot = training.snapshotProperty();
    private final StatusLine status = new StatusLine(jobs, notices);
    private final UnsavedWork unsaved = new UnsavedWork(snapshot);
    private final DatasetSession datasets = new DatasetSession(status, notices, training, autoencoderSpace, selection,
            frames);
    private final ReadOnlyObjectProperty<DatasetPair> dataset = datasets.datasetProperty();
    private final TimelineViewModel timeline = new TimelineViewModel(snapshot, training.timelineProperty(), dataset,
            jobs.lane("timeline"), pool);
    private final RunsViewModel runs = new RunsViewModel(training, timeline, dataset, jobs.lane("runs"), pool);
    private final RunComparison comparedRuns = new RunComparison(runs, timeline, dataset, jobs.lane("run comparison"),
            pool);
    /** The moment the views show: live, or a kept one of the run's history (the timeline's). */
    private final ReadOnlyObjectProperty<Snapshot> shown = timeline.shownProperty();
    private final LatentMapFeed mapFeed = new LatentMapFeed(shown, autoencoderSpace);
    private final LaunchTiming launch = new LaunchTiming(autoencoderSpace, status);
    private final TestErrorMonitor testErrors = new TestErrorMonitor(snapshot, training.runningProperty(), dataset,
            autoencoderSpace, jobs.lane("test error"), pool);
    private final ComparisonViewModel comparison = new ComparisonViewModel(dataset, training, selection,
            autoencoderSpace, testErrors, jobs, pool, notices, frames);
    private final EmbeddingsViewModel embeddings = new EmbeddingsViewModel(dataset, shown,
            training.runningProperty(), selection, autoencoderSpace, comparison.fit(), testErrors, jobs, pool, frames);
    private final ProbeViewModel probe = embeddings.probe();
    private final PaperFigureViewModel paperFigure = new PaperFigureViewModel(dataset, snapshot, comparison.fit(),
            testErrors, jobs.lane("paper figure"));
    private final Exports exports = new Exports(status, snapshot, dataset, pool, jobs.lane("recording"));
    private final JobRunner.Lane dimensionsLane = jobs.lane("dimensions");
    private final MorphometricsCache morphometrics = new MorphometricsCache(dimensionsLane, pool, Platform::runLater,
            notices::report, training.runningProperty().or(launch.startingProperty()));
    private final DimensionAnalyzer autoencoderDimensions = new DimensionAnalyzer(autoencoderSpace,
            training.runningProperty(), morphometrics, dimensionsLane, pool, Platform::runLater, System::nanoTime,
            notices::report);
    private final DimensionAnalyzer pcaDimensions = new DimensionAnalyzer(comparison.space(),
            new SimpleBooleanProperty(false), morphometrics, dimensionsLane, pool, Platform::runLater,
            System::nanoTime, notices::report);
    private final DimensionsViewModel dimensions = new DimensionsViewModel(autoencoderDimensions, pcaDimensions,
            () -> comparison.fit().ensureFitted(), comparison.fit().fittingProperty(),
            morphometrics.measuringProperty());
    private final ObjectBinding<List<SliderNote>> sliderNotes = SliderNotes.follow(autoencoderDimensions, "a");
    private final Lessons lessons;

    /** The window of a user: remembers the theme, the window and recent lessons in the user's preferences. */
    public AppContext() {
        this(AppPreferences.user());
    }

    public AppContext(AppPreferences preferences) {
        this.preferences = preferences;
        this.lessons = new Lessons(status, notices, datasets, training, comparison, preferences, unsaved);
        lessons.setRuns(runs);
        appearance.themeProperty().set(Theme.byId(preferences.theme()));
        appearance.themeProperty().addListener((o, was, now) -> preferences.saveTheme(now));
        frames.setOnFailure(notices::report);
        frames.add("training", training::poll);
        frames.add("the test error", testErrors::poll);
        frames.add("the latent map", mapFeed::update);
        frames.add("what the dimensions mean", autoencoderDimensions::poll);
        frames.add("what PCA's dimensions mean", pcaDimensions::poll);
        morphometrics.serve(autoencoderSpace);
        morphometrics.serve(comparison.space());
        datasets.setOnReplaced(() -> {
            comparison.clear();
            testErrors.clear();
            embeddings.clear();
            morphometrics.clear();
            autoencoderDimensions.clear();
            pcaDimensions.clear();
        });
    }

    /** The one pool for data-parallel work, sized to the cores. */
    public ComputePool pool() {
        return pool;
    }

    /** The one runner of the window's background work. */
    public JobRunner jobs() {
        return jobs;
    }

    /** The error banner's state. */
    public Notices notices() {
        return notices;
    }

    /** The per-frame loop (the main view attaches it to its root). */
    public FrameLoop frames() {
        return frames;
    }

    /** What is remembered between runs. */
    public AppPreferences preferences() {
        return preferences;
    }

    /** Theme, text scale and presenter mode. */
    public Appearance appearance() {
        return appearance;
    }

    /** Which test image is selected and which class is isolated (shared by all latent views). */
    public SelectionModel selection() {
        return selection;
    }

    /** The autoencoder's latent space: its latest model and the codes of the test images. */
    public LatentSpaceModel autoencoderSpace() {
        return autoencoderSpace;
    }

    /** Training state and commands. */
    public TrainingViewModel training() {
        return training;
    }

    /** The timeline under the map: the moment shown, scrubbing, live. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    /** The session's runs: branches from kept moments. */
    public RunsViewModel runs() {
        return runs;
    }

    /** Two runs of the tree compared: loss curves overlaid, maps side by side. */
    public RunComparison comparedRuns() {
        return comparedRuns;
    }

    /** The latest training snapshot, or null. */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** The status bar: its line, the running job's progress. */
    public StatusLine status() {
        return status;
    }

    /** The open data set, and opening others. */
    public DatasetSession datasets() {
        return datasets;
    }

    /** The open data set, or null. */
    public ReadOnlyObjectProperty<DatasetPair> datasetProperty() {
        return dataset;
    }

    public DatasetPair getDataset() {
        return dataset.get();
    }

    /** Opening and saving lessons. */
    public Lessons lessons() {
        return lessons;
    }

    /** Whether there is training that no lesson holds. */
    public UnsavedWork unsaved() {
        return unsaved;
    }

    /** The main window's title: the lesson (or data set) and the unsaved mark. */
    public javafx.beans.binding.StringBinding title() {
        return WindowTitle.of(lessons.fileProperty(), dataset, unsaved.unsavedProperty());
    }

    /** When the first map was shown after launch. */
    public LaunchTiming launch() {
        return launch;
    }

    /** The current autoencoder's test error, measured while some view wants it. */
    public TestErrorMonitor testErrors() {
        return testErrors;
    }

    /** The PCA comparison (fitted on demand, once per data set). */
    public ComparisonViewModel comparison() {
        return comparison;
    }

    /** The embeddings toolkit: neighbours, interpolation, arithmetic, drawing. */
    public EmbeddingsViewModel embeddings() {
        return embeddings;
    }

    /** Codes as features: a classifier on the codes of a few labelled images. */
    public ProbeViewModel probe() {
        return probe;
    }

    /** Hinton & Salakhutdinov's Fig. 2A for the network being trained. */
    public PaperFigureViewModel paperFigure() {
        return paperFigure;
    }

    /** The export commands. */
    public Exports exports() {
        return exports;
    }

    /** The morphometrics of the test images, measured once per data set. */
    public MorphometricsCache morphometrics() {
        return morphometrics;
    }

    /** What each dimension of the autoencoder means, kept current while a view wants it. */
    public DimensionAnalyzer autoencoderDimensions() {
        return autoencoderDimensions;
    }

    /** The Dimensions view's state. */
    public DimensionsViewModel dimensions() {
        return dimensions;
    }

    /** What each latent slider's dimension tracks, for the notes beside the sliders. */
    public ObjectBinding<List<SliderNote>> sliderNotes() {
        return sliderNotes;
    }

    /** Stops all background work and ends the threads (the window is closing). */
    public void shutdown() {
        morphometrics.clear();
        datasets.shutdown();
        training.shutdown();
        comparison.shutdown();
        embeddings.shutdown();
        probe.shutdown();
        exports.shutdown();
        jobs.shutdown();
        pool.close();
    }
}
