package latentlab.ui.shell;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.io.export.CodeTable;
import latentlab.io.export.CodesCsv;
import latentlab.io.export.FrameRecorder;
import latentlab.io.export.ModelExport;
import latentlab.io.export.ProjectorExport;
import latentlab.io.format.GifWriter;
import latentlab.io.format.PngSequenceWriter;
import latentlab.io.format.PngWriter;
import latentlab.nn.Autoencoder;
import latentlab.train.Snapshot;

/**
 * The File &gt; Export commands: images, codes (CSV), the model and codes for NumPy, Embedding Projector files, and
 * a recording of the latent map while it trains (GIF or PNG frames). Each runs as a background job with progress
 * and cancellation through {@link MainViewModel#runJob}; files are written atomically.
 */
public final class Exports {
    private final MainViewModel main;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyIntegerWrapper recordedFrames = new ReadOnlyIntegerWrapper(this, "recordedFrames");
    private FrameRecorder recorder;
    private ExecutorService compressor;

    Exports(MainViewModel main) {
        this.main = main;
    }

    /** Writes an image already captured on the FX thread (ARGB, w x h). */
    public void png(Path file, int[] argb, int w, int h) {
        main.runJob("Saving " + file.getFileName(), "Saved " + file.getFileName(), p -> {
            p.update(0, 1, "Writing " + file.getFileName());
            PngWriter.write(file, argb, w, h);
            return null;
        });
    }

    private Snapshot snapshot() {
        Snapshot s = main.training().getSnapshot();
        if (s == null || main.getDataset() == null) {
            throw new IllegalStateException("no model yet: open a data set first");
        }
        return s;
    }

    /** index, label, a1..ak, reconstruction error of every test image. */
    public void codesCsv(Path file) {
        Snapshot s = snapshot();
        Dataset test = main.getDataset().test();
        main.runJob("Exporting codes", "Saved the codes of " + test.size() + " test images to " + file.getFileName(),
                p -> {
                    try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                        CodesCsv.write(file, CodeTable.compute(s.model(), test, pool, p), p);
                    }
                    return null;
                });
    }

    /** The model's weights per layer and the test codes, as a NumPy .npz archive. */
    public void numpy(Path file) {
        Snapshot s = snapshot();
        Dataset test = main.getDataset().test();
        Autoencoder ae = s.model();
        main.runJob("Exporting for NumPy", "Saved the model and codes to " + file.getFileName(), p -> {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                CodeTable table = CodeTable.compute(ae, test, pool, p);
                ModelExport.writeNpz(file, ae, s.config().loss(), table, p);
            }
            return null;
        });
    }

    /** vectors.tsv, metadata.tsv, sprite.png and projector_config.pbtxt of the test images into {@code folder}. */
    public void projector(Path folder) {
        Snapshot s = snapshot();
        Dataset test = main.getDataset().test();
        main.runJob("Exporting for the Embedding Projector", "Saved Embedding Projector files in " + folder, p -> {
            try (ComputePool pool = new ComputePool(ComputePool.defaultThreads())) {
                CodeTable table = CodeTable.compute(s.model(), test, pool, p);
                ProjectorExport.write(folder, table, ProjectorExport.Options.defaults(), p);
            }
            return null;
        });
    }

    /** Whether the latent map is being recorded. */
    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Frames recorded so far. */
    public ReadOnlyIntegerProperty recordedFramesProperty() {
        return recordedFrames.getReadOnlyProperty();
    }

    /** Starts recording frames of w x h (the view adds one per code update with {@link #addFrame}). */
    public void startRecording(int w, int h) {
        stopCompressor();
        recorder = new FrameRecorder(w, h);
        compressor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "latentlab-recorder");
            t.setDaemon(true);
            return t;
        });
        recordedFrames.set(0);
        recording.set(true);
    }

    /** Adds a frame (captured on the FX thread) unless its size differs from the recording's. */
    public void addFrame(int[] argb, int w, int h) {
        FrameRecorder r = recorder;
        if (!recording.get() || r == null || w != r.width() || h != r.height()) {
            return;
        }
        // Compressing a frame takes ~20 ms: off the FX thread.
        compressor.execute(() -> r.add(argb));
        recordedFrames.set(recordedFrames.get() + 1);
    }

    /** Stops recording and writes an animated GIF (or, for a folder, PNG frames). */
    public void finishRecording(Path target, boolean gif, int delayMillis) {
        FrameRecorder r = recorder;
        recording.set(false);
        if (r == null) {
            return;
        }
        ExecutorService c = compressor;
        main.runJob("Saving the recording", "Saved the recording (" + recordedFrames.get() + " frames) to "
                + target.getFileName(), p -> {
            c.shutdown();
            c.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            if (r.size() == 0) {
                throw new IllegalStateException("nothing was recorded: train while recording so the map moves");
            }
            if (gif) {
                GifWriter.write(target, r.frames(), r.width(), r.height(), delayMillis, p);
            } else {
                PngSequenceWriter.write(target, r.frames(), r.width(), r.height(), p);
            }
            return null;
        });
    }

    /** Drops the recording. */
    public void cancelRecording() {
        recording.set(false);
        stopCompressor();
        recorder = null;
    }

    private void stopCompressor() {
        if (compressor != null) {
            compressor.shutdownNow();
            compressor = null;
        }
    }

    /** Ends background work (window closing). */
    void shutdown() {
        cancelRecording();
    }

    /** A job's body: gets a progress sink that also reports cancellation. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }
}
