package latentlab.ui;

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
import latentlab.util.Messages;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.util.Progress;

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
    private final SelectionModel selection = new SelectionModel();
    private final LatentSpaceModel autoencoderSpace = new LatentSpaceModel("Autoencoder", selection);
    private final TrainingViewModel training = new TrainingViewModel();
    private Task<DatasetPair> loading;

    /** Which test image is selected, hovered, and which digit is isolated (shared by all latent views). */
    public SelectionModel selection() {
        return selection;
    }

    /** The autoencoder's latent space: its latest snapshot and the codes of the test images. */
    public LatentSpaceModel autoencoderSpace() {
        return autoencoderSpace;
    }

    /** Training state and commands. */
    public TrainingViewModel training() {
        return training;
    }

    /**
     * Called once per frame on the FX thread: picks up the newest training snapshot (never waiting for the
     * training thread) and hands its model and codes to the latent views.
     */
    public void tick() {
        training.poll();
        var s = training.getSnapshot();
        if (s != null && s.displayCodes() != null && autoencoderSpace.getDisplay() != null
                && (s.displayCodes() != autoencoderSpace.getCodes() || s.model() != autoencoderSpace.getCodec())) {
            autoencoderSpace.update(s.model(), s.displayCodes());
        }
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
        Task<DatasetPair> task = new Task<>() {
            @Override
            protected DatasetPair call() throws Exception {
                return DatasetPair.open(folder, new Progress() {
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
        long t0 = System.nanoTime();
        task.setOnSucceeded(e -> {
            finish(task);
            DatasetPair pair = task.getValue();
            dataset.set(pair);
            selection.clear();
            autoencoderSpace.setDisplay(pair.test());
            training.attach(pair);
            tick();
            status.set(String.format("Loaded %s: %,d training and %,d test images of %d x %d in %.1f s",
                    pair.name(), pair.train().size(), pair.test().size(), pair.train().rows(), pair.train().cols(),
                    (System.nanoTime() - t0) / 1e9));
        });
        task.setOnFailed(e -> {
            finish(task);
            error.set("Could not open " + folder + ": " + Messages.describe(task.getException()));
            status.set(dataset.get() == null ? "No data set" : "Kept the data set that was open");
        });
        task.setOnCancelled(e -> {
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
        if (loading == task) {
            loading = null;
        }
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
        background.shutdown();
    }
}
