package latentlab.pca;

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

/**
 * The PCA fit on all of MNIST, with the test-error curve, runs in a JVM limited to 300 MB of heap: a child JVM
 * with {@code -Xmx300m} runs the {@code pca} command. (The data take 55 MB as bytes; the fit adds about 20 MB:
 * one chunk of floats, the 717 x 717 covariance and the solver's copies, the 784 x 784 axes.)
 */
@Tag("slow")
class PcaMemoryTest {
    @Test
    void fittingMnistFitsIn300MegabytesOfHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path mnist = DatasetLocator.bundledMnist().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "-Xmx300m", "--add-modules=jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"),
                "latentlab.app.Launcher", "pca", "--k", "30", "--data", mnist.toString()))
                .redirectErrorStream(true).start();
        // Read on another thread, so that a child that hangs cannot hold up the wait and its timeout.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p));
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = output.completeOnTimeout("(the child's output did not end)", 30, TimeUnit.SECONDS).join();
        assertTrue(ended, "the child JVM ended in time: " + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("k=30 test_se_per_image: 13.866"), out);
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
