package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.compute.TestPool;
import latentlab.data.BatchSampler;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.math.Rng;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.train.HistoryBudget;
import latentlab.train.Moment;
import latentlab.train.Timeline;
import latentlab.testing.Cancelled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timeline range rendered after the fact: one frame per kept moment in the range, in order, from its weights. */
class TimelineFramesTest {
    private static final int W = 20;
    private static final int H = 10;
    private static final long[] STEPS = {0, 1, 2, 3, 5, 8, 13, 21, 34};
    private final Architecture arch = Architecture.mirrored(16, 6, 2);
    private final Dataset images = ExportFixtures.dataset(40, 4, 4);
    private final ComputePool pool = TestPool.get();

    /** A history whose moment at step s has its own random weights. */
    private Timeline timeline() {
        int p = (int) arch.parameterCount();
        List<Moment> moments = new ArrayList<>();
        BatchSampler.State st = new BatchSampler.State(1, 0, 0, new int[] {0, 1, 2});
        for (long s : STEPS) {
            Rng rng = new Rng(100 + s);
            float[] w = new float[p];
            for (int i = 0; i < p; i++) {
                w[i] = (float) (rng.nextDouble() - 0.5);
            }
            moments.add(new Moment(s, 0, 0, w, st, null));
        }
        return new Timeline(moments, List.of(), new HistoryBudget(1L << 30, 100), null);
    }

    /** A frame whose first pixel is the step, the rest the colour of the first code's sign. */
    private static int[] frame(Moment m, float[] codes) {
        int[] argb = new int[W * H];
        java.util.Arrays.fill(argb, codes[0] > 0 ? 0xFFFF0000 : 0xFF0000FF);
        argb[0] = 0xFF000000 | (int) m.step();
        return argb;
    }

    @Test
    void framesComeFromTheKeptMomentsInTheRangeInOrder() throws Exception {
        Timeline t = timeline();
        List<Long> painted = new ArrayList<>();
        List<float[]> codes = new ArrayList<>();
        FrameRecorder frames = TimelineFrames.render(t, 2, 21, arch, images, pool, W, H, (m, c) -> {
            painted.add(m.step());
            codes.add(c);
            return frame(m, c);
        }, Progress.NONE);
        assertEquals(List.of(2L, 3L, 5L, 8L, 13L, 21L), painted);
        assertEquals(6, frames.size());
        List<int[]> decoded = frames.frames();
        for (int i = 0; i < painted.size(); i++) {
            assertEquals(painted.get(i), decoded.get(i)[0] & 0xFFFFFF, "frame " + i + " is the moment's");
            Moment m = t.moments().get(t.indexOf(painted.get(i)));
            float[] expected = Encoding.encode(Autoencoder.withParameters(arch, m.weights()), images, pool);
            assertArrayEquals(expected, codes.get(i), "codes of the moment's own weights at step " + m.step());
        }
    }

    @Test
    void theWholeHistoryByDefaultAndARangeBetweenMomentsIsRefused() throws Exception {
        Timeline t = timeline();
        List<Long> painted = new ArrayList<>();
        TimelineFrames.render(t, 0, Long.MAX_VALUE, arch, images, pool, W, H, (m, c) -> {
            painted.add(m.step());
            return frame(m, c);
        }, Progress.NONE);
        assertEquals(STEPS.length, painted.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimelineFrames.render(t, 22,
                33, arch, images, pool, W, H, TimelineFramesTest::frame, Progress.NONE));
        assertTrue(e.getMessage().contains("between step 22 and step 33"), e.getMessage());
    }

    @Test
    void cancellingStopsBetweenFrames() {
        Progress cancelled = Cancelled.PROGRESS;
        assertThrows(CancelledException.class, () -> TimelineFrames.render(timeline(), 0, 100, arch, images, pool, W,
                H, TimelineFramesTest::frame, cancelled));
    }

    @Test
    void writesAGifAndPngFramesAtomically(@TempDir Path dir) throws Exception {
        FrameRecorder frames = TimelineFrames.render(timeline(), 0, 8, arch, images, pool, W, H,
                TimelineFramesTest::frame, Progress.NONE);
        Path gif = dir.resolve("range.gif");
        TimelineFrames.write(frames, gif, true, 100, Progress.NONE);
        assertTrue(Files.size(gif) > 0);
        Path folder = dir.resolve("frames");
        TimelineFrames.write(frames, folder, false, 100, Progress.NONE);
        try (var files = Files.list(folder)) {
            assertEquals(6, files.count());
        }
        ExportFixtures.assertNoTemporaryFiles(dir);
    }
}
