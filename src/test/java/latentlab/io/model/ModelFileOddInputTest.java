package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import latentlab.io.Messages;
import latentlab.io.format.LabFileException;
import latentlab.nn.Autoencoder;
import latentlab.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files that would make every command compute nonsense, or that are not files at all, are refused with a
 * message naming the problem: NaN or infinite weights (naming the layer), a folder, a device that never ends, a
 * pipe that would block.
 */
class ModelFileOddInputTest {
    @TempDir
    Path dir;

    /** The checkpoint of {@link ModelFileTest} with parameter {@code index} set to {@code value}. */
    private Path savedWith(int index, float value) throws IOException {
        Checkpoint cp = ModelFileTest.checkpoint();
        float[] p = cp.parameters().clone();
        p[index] = value;
        Checkpoint bad = new Checkpoint(cp.config(), cp.architecture(), p, cp.optimizerName(), cp.optimizerState(),
                cp.step(), cp.sampler(), cp.epochs(), cp.batchLosses(), cp.klLosses());
        Path f = dir.resolve("w" + index + ".llm");
        ModelFile.save(f, bad, null, null);
        return f;
    }

    @Test
    void nanOrInfiniteWeightsAreRefusedNamingTheLayer() throws IOException {
        Autoencoder ae = Autoencoder.withParameters(ModelFileTest.checkpoint().architecture(),
                ModelFileTest.checkpoint().parameters());
        // 12-6-2 / 2-5-12: the first encoder layer, then the last decoder layer's bias.
        String nan = assertThrows(LabFileException.class, () -> ModelFile.load(savedWith(3, Float.NaN))).getMessage();
        assertTrue(nan.startsWith("w3.llm: encoder layer 1 (12 -> 6) has 1 NaN parameter"), nan);
        int lastBias = ae.parameterCount() - 1;
        String inf = assertThrows(LabFileException.class,
                () -> ModelFile.load(savedWith(lastBias, Float.NEGATIVE_INFINITY))).getMessage();
        assertTrue(inf.contains("decoder layer 2 (5 -> 12) has 1 infinite parameter"), inf);
        Path lesson = dir.resolve("nan.lesson");
        Checkpoint cp = ModelFileTest.checkpoint();
        float[] p = cp.parameters().clone();
        java.util.Arrays.fill(p, Float.NaN);
        LessonFile.save(lesson, new Checkpoint(cp.config(), cp.architecture(), p, null, null, cp.step(), null,
                cp.epochs(), cp.batchLosses(), cp.klLosses()), null, "", null, null);
        String all = assertThrows(LabFileException.class, () -> LessonFile.load(lesson)).getMessage();
        assertTrue(all.contains("encoder layer 1 (12 -> 6) has 78 NaN parameters"), all);
        float[] finite = ModelFile.load(savedWith(3, 3e38f)).autoencoder().parameters();
        assertArrayEquals(new float[] {3e38f}, new float[] {finite[3]}, "large but finite weights load");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard against reading or waiting forever
    void aFolderADeviceOrAPipeIsNotAModelFile() throws IOException, InterruptedException {
        assertTrue(assertThrows(LabFileException.class, () -> ModelFile.load(dir)).getMessage().contains("is a folder"));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a system with /dev/zero");
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(zero));
        assertTrue(Messages.describe(e).contains("not a regular file"), Messages.describe(e));
        Path fifo = dir.resolve("pipe.llm");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo made a pipe");
        IOException p = assertThrows(IOException.class, () -> ModelFile.load(fifo));
        assertTrue(Messages.describe(p).contains("not a regular file"), Messages.describe(p));
    }
}
