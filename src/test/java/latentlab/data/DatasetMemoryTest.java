package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import latentlab.testing.ChildProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * All 70,000 MNIST images load in a JVM limited to 100 MB of heap: a child JVM with {@code -Xmx100m} runs the
 * {@code inspect} command, which reads the bundled MNIST strictly. (Bytes, not floats: floats alone would be 220 MB.)
 */
@Tag("slow")
class DatasetMemoryTest {
    @Test
    void allOfMnistLoadsInUnder100MegabytesOfHeap() throws IOException, InterruptedException {
        Path mnist = DatasetLocator.bundledMnist().orElseThrow();
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(ChildProcess.java(List.of("-Xmx100m"),
                "latentlab.app.Launcher", "inspect", "--data", mnist.toString())).redirectErrorStream(true), 120);
        String out = r.out();
        assertTrue(r.ended(), "the child JVM ended in time: " + out);
        assertEquals(0, r.exitValue(), out);
        assertTrue(out.contains("train: 60,000 images of 28 x 28"), out);
        assertTrue(out.contains("test:  10,000 images"), out);
    }
}
