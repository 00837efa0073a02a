package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import latentlab.data.DatasetLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training the largest reference net (784-1000-500-250-30, 2.8 million weights, with Adam's two moment buffers)
 * on all of MNIST runs in a JVM limited to 512 MB of heap: a child JVM with {@code -Xmx512m} trains it for a few
 * seconds and saves the model.
 */
class TrainingMemoryTest {
    @TempDir
    Path dir;

    @Test
    void trainingTheLargestNetOnMnistFitsIn512MegabytesOfHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path mnist = DatasetLocator.bundledMnist().orElseThrow();
        Path out = dir.resolve("c.llm");
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "--add-modules=jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "latentlab.app.Launcher", "train",
                "--arch", "784-1000-500-250-30", "--epochs", "1", "--max-seconds", "3", "--data", mnist.toString(),
                "--out", out.toString()))
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("saved"), text);
        assertTrue(out.toFile().length() > 4L * 2_800_000, "the weights were written");
    }
}
