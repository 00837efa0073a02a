package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * All 70,000 MNIST images load in a JVM limited to 100 MB of heap: a child JVM with {@code -Xmx100m} runs the
 * {@code inspect} command, which reads the bundled MNIST strictly. (Bytes, not floats: floats alone would be 220 MB.)
 */
class DatasetMemoryTest {
    @Test
    void allOfMnistLoadsInUnder100MegabytesOfHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path mnist = DatasetLocator.bundledMnist().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "-Xmx100m", "-cp", System.getProperty("java.class.path"),
                "latentlab.app.Launcher", "inspect", "--data", mnist.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("train: 60,000 images of 28 x 28"), out);
        assertTrue(out.contains("test:  10,000 images"), out);
    }
}
