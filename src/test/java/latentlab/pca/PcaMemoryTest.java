package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import latentlab.data.DatasetLocator;
import latentlab.testing.ChildProcess;
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
        Path mnist = DatasetLocator.bundledMnist().orElseThrow();
        ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(ChildProcess.java(
                List.of("-Xmx300m", "--add-modules=jdk.incubator.vector"), "latentlab.app.Launcher",
                "pca", "--k", "30", "--data", mnist.toString())).redirectErrorStream(true), 120);
        String out = r.out();
        assertTrue(r.ended(), "the child JVM ended in time: " + out);
        assertEquals(0, r.exitValue(), out);
        assertTrue(out.contains("k=30 test_se_per_image: 13.866"), out);
    }
}
