package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import latentlab.data.DatasetLocator;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path mnist = DatasetLocator.bundledMnist().orElseThrow();
        Path out = dir.resolve("c.llm");
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "--add-modules=jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "latentlab.app.Launcher", "train",
                "--arch", "784-1000-500-250-30", "--epochs", "1", "--max-seconds", "3", "--data", mnist.toString(),
                "--out", out.toString()))
                .redirectErrorStream(true).start();
        // Read on another thread, so that a child that hangs cannot hold up the wait and its timeout.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p));
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String text = output.completeOnTimeout("(the child's output did not end)", 30, TimeUnit.SECONDS).join();
        assertTrue(ended, "the child JVM ended in time: " + text);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("saved"), text);
        assertTrue(out.toFile().length() > 4L * 2_800_000, "the weights were written");
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
