package latentlab.ui.shell;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
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
import latentlab.ui.session.JobRunner;

/**
 * The File &gt; Export commands: images, codes (CSV), the model and codes for NumPy, Embedding Projector files, and
 * a recording of the latent map while it trains (GIF or PNG frames). Each runs as a background job with progress
 * and cancellation through the {@link StatusLine}; files are written atomically. The recording compresses its
 * frames one at a time on a lane of the job runner as they come.
 */
public final class Exports {
    private final StatusLine status;
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ReadOnlyObjectProperty<DatasetPair> dataset;
    private final ComputePool pool;
    private final JobRunner.Lane compressor;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyIntegerWrapper recordedFrames = new ReadOnlyIntegerWrapper(this, "recordedFrames");
    private volatile FrameRecorder recorder;

    /**
     * @param status     runs the exports as jobs
     * @param snapshot   the network to export
     * @param dataset    the open data set, whose test images are encoded
     * @param pool       the window's compute pool
     * @param compressor where a recording's frames are compressed, in order
     */
    public Exports(StatusLine status, ReadOnlyObjectProperty<Snapshot> snapshot,
                   ReadOnlyObjectProperty<DatasetPair> dataset, ComputePool pool, JobRunner.Lane compressor) {
        this.status = status;
        this.snapshot = snapshot;
        this.dataset = dataset;
        this.pool = pool;
        this.compressor = compressor;
    }

    /** Writes an image already captured on the FX thread (ARGB, w x h). */
    public void png(Path file, int[] argb, int w, int h) {
        status.run("Saving " + file.getFileName(), "Saved " + file.getFileName(), p -> {
            p.update(0, 1, "Writing " + file.getFileName());
            PngWriter.write(file, argb, w, h);
            return null;
        });
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot.get();
        if (s == null || dataset.get() == null) {
            throw new IllegalStateException("no model yet: open a data set first");
        }
        return s;
    }

    /** index, label, a1..ak, reconstruction error of every test image. */
    public void codesCsv(Path file) {
        Snapshot s = snapshot();
        Dataset test = dataset.get().test();
        status.run("Exporting codes", "Saved the codes of " + test.size() + " test images to " + file.getFileName(),
                p -> {
                    CodesCsv.write(file, CodeTable.compute(s.model(), test, pool, p), p);
                    return null;
                });
    }

    /** The model's weights per layer and the test codes, as a NumPy .npz archive. */
    public void numpy(Path file) {
        Snapshot s = snapshot();
        Dataset test = dataset.get().test();
        Autoencoder ae = s.model();
        status.run("Exporting for NumPy", "Saved the model and codes to " + file.getFileName(), p -> {
            CodeTable table = CodeTable.compute(ae, test, pool, p);
            ModelExport.writeNpz(file, ae, s.config().loss(), table, p);
            return null;
        });
    }

    /** vectors.tsv, metadata.tsv, sprite.png and projector_config.pbtxt of the test images into {@code folder}. */
    public void projector(Path folder) {
        Snapshot s = snapshot();
        Dataset test = dataset.get().test();
        status.run("Exporting for the Embedding Projector", "Saved Embedding Projector files in " + folder, p -> {
            CodeTable table = CodeTable.compute(s.model(), test, pool, p);
            ProjectorExport.write(folder, table, ProjectorExport.Options.defaults(), p);
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
        recorder = new FrameRecorder(w, h);
        recordedFrames.set(0);
        recording.set(true);
    }

    /**
     * Adds a frame (captured on the FX thread); one of another size than the recording's (the map was resized while
     * recording) is scaled to it.
     */
    public void addFrame(int[] argb, int w, int h) {
        FrameRecorder r = recorder;
        if (!recording.get() || r == null) {
            return;
        }
        // Compressing a frame takes longer than a frame: off the FX thread.
        compressor.execute(() -> {
            if (recorder == r) {
                r.add(argb, w, h);
            }
        });
        recordedFrames.set(recordedFrames.get() + 1);
    }

    /** Stops recording and writes an animated GIF (or, for a folder, PNG frames). */
    public void finishRecording(Path target, boolean gif, int delayMillis) {
        FrameRecorder r = recorder;
        recording.set(false);
        if (r == null) {
            return;
        }
        // The frames still being compressed are queued on the lane before this marker.
        CountDownLatch compressed = new CountDownLatch(1);
        compressor.execute(compressed::countDown);
        status.run("Saving the recording", "Saved the recording (" + recordedFrames.get() + " frames) to "
                + target.getFileName(), p -> {
            if (!compressed.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the recorded frames were not compressed within a minute");
            }
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

    /** Drops the recording (frames still queued for compression are skipped). */
    public void cancelRecording() {
        recording.set(false);
        recorder = null;
    }

    /** Ends background work (window closing). */
    public void shutdown() {
        cancelRecording();
    }
}
