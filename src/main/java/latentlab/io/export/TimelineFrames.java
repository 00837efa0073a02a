package latentlab.io.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.io.format.GifWriter;
import latentlab.io.format.PngSequenceWriter;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.train.Moment;
import latentlab.train.Timeline;

/**
 * An animation of a run's kept history rendered after the fact: for each kept moment in a range of steps, oldest
 * first, the codes of the images under that moment's weights, drawn into a frame by a {@link Painter} (the window
 * draws the map as it shows it), kept compressed in a {@link FrameRecorder}, then written as an animated GIF or as PNG
 * frames (both atomically). Runs on the caller's thread (a background job), cancellable between frames.
 */
public final class TimelineFrames {
    private TimelineFrames() {
    }

    /** Draws one frame of {@code width x height} ARGB pixels. */
    @FunctionalInterface
    public interface Painter {
        /**
         * @param moment the kept moment
         * @param codes  the codes of the images under its weights ({@code n x k}, row-major)
         */
        int[] paint(Moment moment, float[] codes) throws Exception;
    }

    /**
     * Renders the kept moments of {@code timeline} with {@code from <= step <= to}.
     *
     * @param images what is encoded (the images the map shows)
     * @return the frames, one per moment, in the order of their steps
     * @throws IllegalArgumentException if no kept moment lies in the range
     */
    public static FrameRecorder render(Timeline timeline, long from, long to, Architecture architecture,
                                       Dataset images, ComputePool pool, int width, int height, Painter painter,
                                       Progress progress) throws Exception {
        List<Moment> moments = timeline.between(from, to);
        if (moments.isEmpty()) {
            throw new IllegalArgumentException("the history keeps no moment between step " + from + " and step " + to);
        }
        FrameRecorder frames = new FrameRecorder(width, height);
        int n = moments.size();
        for (int i = 0; i < n; i++) {
            progress.checkCancelled();
            Moment m = moments.get(i);
            progress.update(i, n, "Drawing the map at step " + m.step() + " (" + (i + 1) + " of " + n + ")");
            Autoencoder net = m.network(architecture);
            frames.add(painter.paint(m, Encoding.encode(net, images, pool)));
        }
        progress.update(n, n, "Drew " + n + " frames");
        return frames;
    }

    /** Writes {@code frames} as an animated GIF ({@code gif}) or as numbered PNG files in the folder {@code target}. */
    public static void write(FrameRecorder frames, Path target, boolean gif, int delayMillis, Progress progress)
            throws IOException {
        if (gif) {
            GifWriter.write(target, frames.frames(), frames.width(), frames.height(), delayMillis, 2000, progress);
        } else {
            PngSequenceWriter.write(target, frames.frames(), frames.width(), frames.height(), progress);
        }
    }
}
