package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import latentlab.data.DatasetLocator;
import latentlab.testing.ChildProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training the largest reference net (784-1000-500-250-30, 2.8 million weights, with Adam's two moment buffers)
 * on all of MNIST runs in a JVM limited to 512 MB of heap: a child JVM with {@code -Xmx512m} trains it for a few
 * seconds and saves the model.
 */
@Tag("slow")
class TrainingMemoryTest {
    @TempDir
    Path dir;

    @Test
    void trainingTheLargestNetOnMnistFitsIn512MegabytesOfHeap() throws IOException, InterruptedException {
        Path mnist = DatasetLocator.bundledMnist().orElseThrow();
        Path out = dir.resolve("c.llm");
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(ChildProcess.java(
                List.of("-Xmx512m", "--add-modules=jdk.incubator.vector"), "latentlab.app.Launcher", "train",
                "--arch", "784-1000-500-250-30", "--epochs", "1", "--max-seconds", "3", "--data", mnist.toString(),
                "--out", out.toString())).redirectErrorStream(true), 180);
        String text = r.out();
        assertTrue(r.ended(), "the child JVM ended in time: " + text);
        assertEquals(0, r.exitValue(), text);
        assertTrue(text.contains("saved"), text);
        assertTrue(out.toFile().length() > 4L * 2_800_000, "the weights were written");
    }
}
