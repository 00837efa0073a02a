package latentlab.io.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import latentlab.compute.Progress;
import latentlab.compute.ProgressSlice;

/**
 * Writes an animation as numbered PNG files, {@code frame_0001.png}, {@code frame_0002.png}, ... (more digits past
 * 9,999 frames), the form video tools take: {@code ffmpeg -framerate 10 -i frame_%04d.png latent.mp4}.
 *
 * <p>All or nothing: the frames are written into a staging folder and moved into place only when all are done, so
 * a failure or a cancellation leaves the folder as it was. After a successful export the folder holds exactly this
 * sequence: {@code frame_N.png} files left from a longer earlier export are removed, so the numbers never mix two
 * runs.
 */
public final class PngSequenceWriter {
    private static final Pattern FRAME = Pattern.compile("frame_[0-9]+\\.png");

    private PngSequenceWriter() {
    }

    /** The name of frame {@code i} (0-based) of {@code count}: {@code frame_0001.png} for i = 0. */
    public static String frameName(int i, int count) {
        int digits = Math.max(4, Integer.toString(count).length());
        return String.format(Locale.ROOT, "frame_%0" + digits + "d.png", i + 1);
    }

    /**
     * Writes {@code frames} ({@code width x height} ARGB pixels each, row-major) into {@code folder} (created if
     * missing), reading one frame at a time.
     *
     * @return the files written, in order
     */
    public static List<Path> write(Path folder, List<int[]> frames, int width, int height, Progress progress)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        int n = frames.size();
        List<Path> written;
        try (StagedFolder staged = StagedFolder.open(folder)) {
            for (int f = 0; f < n; f++) {
                progress.checkCancelled();
                String name = frameName(f, n);
                PngWriter.write(staged.stage(name), PngWriter.image(frames.get(f), width, height),
                        new ProgressSlice(progress, f, f + 1, n));
            }
            written = staged.commit();
        }
        removeStaleFrames(written.get(0).getParent(), written);
        progress.update(n, n, "Wrote " + n + " frames");
        return written;
    }

    private static void removeStaleFrames(Path folder, List<Path> keep) throws IOException {
        Set<Path> kept = new HashSet<>(keep);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (FRAME.matcher(p.getFileName().toString()).matches() && !kept.contains(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
