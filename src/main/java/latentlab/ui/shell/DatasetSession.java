package latentlab.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import latentlab.compute.Progress;
import latentlab.data.ClassNames;
import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.io.Messages;
import latentlab.io.model.DisplayCodesFile;
import latentlab.io.model.ModelFile;
import latentlab.train.Checkpoint;
import latentlab.train.Trainer;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.FrameLoop;
import latentlab.ui.session.Notices;
import latentlab.ui.training.TrainingViewModel;

/**
 * The open data set: reads a folder of IDX files or a CSV file in the background and then shows it, with the
 * trainer and the latent map switching together. The data set that was open stays until a new one has been read;
 * a file that can't be read changes nothing and the error banner names the problem.
 *
 * <p>Showing a data set is one step on the FX thread: whatever belonged to the old one is forgotten, the network
 * that trained on it is closed, the map displays the new test images, and a network for them starts. If the
 * network settings can't train on the new images (another image size, a code size the images can't have), the
 * data set still opens, no network trains, the settings are marked invalid and the banner says why: nothing ever
 * shows the old network's codes over the new images.
 */
public final class DatasetSession {
    /** The model shown at start on the bundled MNIST (made by the project's own train command). */
    public static final String PRETRAINED = "/latentlab/pretrained/mnist-784-256-64-2.llm";
    /** Its codes of the bundled MNIST test images ({@link DisplayCodesFile}): the first map, without encoding. */
    public static final String PRETRAINED_CODES = "/latentlab/pretrained/mnist-784-256-64-2-codes.npz";

    private final ReadOnlyObjectWrapper<DatasetPair> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final StatusLine status;
    private final Notices notices;
    private final TrainingViewModel training;
    private final LatentSpaceModel space;
    private final SelectionModel selection;
    private final FrameLoop frames;
    private Runnable forgetOldData = () -> { };
    private volatile Reader reader = DatasetPair::open;
    private boolean usePretrained = true;
    private Task<Opened> loading;
    /** The message about settings that can't train the open data set, while the banner shows it. */
    private String settingsProblem;

    public DatasetSession(StatusLine status, Notices notices, TrainingViewModel training, LatentSpaceModel space,
                          SelectionModel selection, FrameLoop frames) {
        this.status = status;
        this.notices = notices;
        this.training = training;
        this.space = space;
        this.selection = selection;
        this.frames = frames;
        // Once settings that fit are applied and a network trains, the message about the ones that didn't goes.
        training.readyProperty().addListener((o, was, ready) -> {
            if (ready && settingsProblem != null && settingsProblem.equals(notices.getError())) {
                notices.dismiss();
            }
        });
    }

    /** Reads a folder of IDX files or a CSV file into a data set (on the loading task's thread). */
    @FunctionalInterface
    public interface Reader {
        DatasetPair read(Path source, Progress progress) throws IOException;
    }

    /**
     * How data sets are read: {@link DatasetPair#open(Path, Progress)} unless replaced (the window's tests share
     * one read-only MNIST between windows this way).
     */
    public void setReader(Reader reader) {
        this.reader = Objects.requireNonNull(reader);
    }

    /** What else forgets the old data set (fits, measurements, indexes) just before another one is shown. */
    public void setOnReplaced(Runnable forget) {
        this.forgetOldData = forget;
    }

    /**
     * Whether opening the bundled MNIST starts from the bundled pre-trained model (default) or from random weights.
     */
    public void setUsePretrained(boolean use) {
        this.usePretrained = use;
    }

    /** The open data set, or null. */
    public ReadOnlyObjectProperty<DatasetPair> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public DatasetPair getDataset() {
        return dataset.get();
    }

    /** The folder (or CSV file) the open data set came from, or null. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public Path getFolder() {
        return folder.get();
    }

    /** Opens the bundled MNIST, or says where it was looked for. */
    public void openBundled() {
        Optional<Path> bundled = DatasetLocator.bundledMnist();
        if (bundled.isEmpty()) {
            notices.report("The bundled MNIST was not found. Looked in: " + DatasetLocator.candidates()
                    + ". Use Open data set… to pick a folder with the four IDX files.");
            status.show("No data set");
            return;
        }
        open(bundled.get());
    }

    /** Reads a folder with the four IDX files (or a CSV file) in the background, then shows it. */
    public void open(Path source) {
        if (loading != null) {
            loading.cancel();
        }
        boolean pretrained = usePretrained && DatasetLocator.bundledMnist()
                .map(b -> b.toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())).orElse(false);
        // A trainer the task made but nobody took (the task was cancelled or failed after making it) is closed.
        Handoff<Trainer> prepared = new Handoff<>();
        Task<Opened> task = new Task<>() {
            @Override
            protected Opened call() throws Exception {
                updateMessage("Reading " + source.getFileName() + "…");
                Opened read = read(source, pretrained, prepared, this::updateMessage, new Progress() {
                    @Override
                    public void update(double done, double total, String message) {
                        updateProgress(done, total);
                        updateMessage(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return wasCancelled();
                    }
                });
                StartupClock.mark("read in the background");
                return read;
            }

            private boolean wasCancelled() {
                return isCancelled();
            }
        };
        loading = task;
        status.start(task, false, opened -> {
            loading = null;
            StartupClock.mark("data and model read");
            DatasetPair pair = opened.pair();
            Checkpoint start = opened.start();
            String problem = show(pair, source.toAbsolutePath().normalize(), start, prepared.take());
            status.show(String.format("%s: %,d + %,d images of %d × %d, read in %.1f s%s", pair.name(),
                    pair.train().size(), pair.test().size(), pair.train().rows(), pair.train().cols(),
                    opened.seconds(), problem != null ? " · no network: see the settings"
                            : start == null ? "" : String.format(" · pre-trained model (%d epochs)",
                                    start.epochs().size())));
        }, error -> {
            forget(task, prepared);
            notices.report("Could not open " + source + ": " + Messages.describe(error));
            status.show(dataset.get() == null ? "No data set" : "Kept the data set that was open");
        }, () -> {
            forget(task, prepared);
            status.show("Loading cancelled");
        });
    }

    private void forget(Task<Opened> task, Handoff<Trainer> prepared) {
        prepared.cancel();
        if (loading == task) {
            loading = null;
        }
    }

    /** The loading task's work (on a background thread). */
    private Opened read(Path source, boolean pretrained, Handoff<Trainer> prepared, Consumer<String> message,
                               Progress progress) throws IOException {
        long t0 = System.nanoTime();
        DatasetPair pair = reader.read(source, progress);
        Checkpoint start = null;
        if (pretrained && pair.train().dimension() == 784) {
            message.accept("Reading the pre-trained model");
            try {
                start = ModelFile.loadResource(PRETRAINED).checkpoint();
            } catch (IOException e) {
                // A build without the model starts from random weights; nothing to tell the user.
                start = null;
            }
        }
        if (pretrained) {
            // The bundled folder is called "mnist"; show the data set's proper name.
            pair = new DatasetPair("MNIST", pair.train(), pair.test());
        }
        pair = ClassNames.attach(source, pair);
        if (start != null) {
            // With the model's codes of these test images, the first map needs no encoding; without them, the
            // trainer's thread encodes the images now, while the window may still be being built (start-up).
            prepared.offer(training.prepare(pair, start, keptCodes(start, pair.test())));
        }
        return new Opened(pair, start, (System.nanoTime() - t0) / 1e9);
    }

    /** The bundled model's codes of {@code test} if they are kept with it for exactly these images, else null. */
    private static float[] keptCodes(Checkpoint start, Dataset test) {
        try (InputStream in = DatasetSession.class.getResourceAsStream(PRETRAINED_CODES)) {
            return in == null ? null : DisplayCodesFile.read(in, PRETRAINED_CODES, start, test);
        } catch (IOException e) {
            // Only a head start: the images are encoded as usual (DisplayCodesFileTest fails on a broken file).
            return null;
        }
    }

    /**
     * Shows {@code pair} (read from {@code from}) with a network continuing {@code start}, or a fresh one from the
     * panel's settings when {@code start} is null; {@code prepared} is a trainer made for them in the background, or
     * null. Everything switches in this one step; see the class comment.
     *
     * @return null, or why no network trains on {@code pair} (already in the error banner)
     */
    String show(DatasetPair pair, Path from, Checkpoint start, Trainer prepared) {
        // The old network goes before anything shows the new images, so no view sees one with the other.
        training.detach();
        if (pair != dataset.get()) {
            forgetOldData.run();
        }
        selection.clear();
        space.setDisplay(pair.test());
        dataset.set(pair);
        folder.set(from);
        String problem = start == null ? training.attach(pair) : training.resume(pair, start, prepared);
        // The state that stopped a failing per-frame update is gone: let them all run again.
        frames.resetFailures();
        settingsProblem = problem == null ? null : String.format("Opened %s (%d × %d images), but the network settings"
                + " can't train on it: %s. Change the settings in the training panel and press Apply.", pair.name(),
                pair.train().rows(), pair.train().cols(), problem);
        if (settingsProblem != null) {
            notices.report(settingsProblem);
        } else {
            String unseen = testOnlyLabels(pair);
            if (unseen != null) {
                notices.report(unseen);
            }
        }
        return problem;
    }

    /**
     * The labels some test images carry but no training image does ({@link DatasetPair#testOnlyLabels()}, the check
     * behind the command line's warning), in one sentence with the classes' names, or null: the network never
     * trains on such a class, and the legend would otherwise grow it silently.
     */
    static String testOnlyLabels(DatasetPair pair) {
        java.util.SortedMap<Integer, Integer> only = pair.testOnlyLabels();
        if (only.isEmpty()) {
            return null;
        }
        StringBuilder which = new StringBuilder();
        int images = 0;
        int labels = 0;
        for (var e : only.entrySet()) {
            int c = e.getKey();
            int count = e.getValue();
            images += count;
            if (labels++ < 10) {
                String name = pair.test().classNames().name(c);
                which.append(which.length() == 0 ? "" : ", ").append(c)
                        .append(name.equals(Integer.toString(c)) ? "" : " \"" + name + "\"")
                        .append(String.format(" (%,d image%s)", count, count == 1 ? "" : "s"));
            } else if (labels == 11) {
                which.append(", ...");
            }
        }
        return String.format("%s: %,d test image%s %s label%s that no training image has: %s. The network never "
                + "trains on %s; the map shows %s in %s colour.", pair.name(), images, images == 1 ? "" : "s",
                images == 1 ? "has a" : "have", labels == 1 ? "" : "s", which, labels == 1 ? "it" : "them",
                images == 1 ? "that image" : "those images", labels == 1 ? "its own" : "their own");
    }

    /** Stops reading (the window is closing). */
    public void shutdown() {
        if (loading != null) {
            loading.cancel();
        }
    }

    /** What a load produced, and how long reading it took (not counting the wait for the FX thread). */
    private record Opened(DatasetPair pair, Checkpoint start, double seconds) {
    }
}
