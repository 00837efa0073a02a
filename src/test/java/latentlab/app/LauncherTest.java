package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import latentlab.data.DatasetLocator;
import latentlab.testing.ChildProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM that {@code java -jar} relaunches with the Vector API dies with its launcher, however the launcher ends,
 * and a command killed that way never finishes in the background to write its output later.
 */
@Tag("slow")
class LauncherTest {
    @TempDir
    Path dir;

    /** A launcher (without the Vector API, so it relaunches) training for far longer than the test waits. */
    private ChildProcess longTraining(Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ChildProcess.java(List.of("-Xmx512m"), Launcher.class.getName(),
                "train", "--epochs", "50", "--data", DatasetLocator.bundledMnist().orElseThrow().toString(),
                "--out", out.toString()));
        pb.environment().remove("LATENTLAB_NO_RELAUNCH");
        return ChildProcess.start(pb.redirectErrorStream(true));
    }

    private static ProcessHandle relaunched(Process launcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var child = launcher.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            if (!launcher.isAlive()) {
                break;
            }
            launcher.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return null;
    }

    private void assertDiesWithLauncher(boolean forcibly) throws Exception {
        Path out = dir.resolve(forcibly ? "killed.llm" : "stopped.llm");
        ChildProcess started = longTraining(out);
        Process launcher = started.process();
        ProcessHandle child = null;
        try {
            child = relaunched(launcher);
            assertNotNull(child, "the launcher started a JVM with the Vector API");
            // The child has read MNIST and trains (its table's header is out) when its launcher goes.
            assertTrue(started.awaitOutput("epoch  train_loss", 120), "the child started training: "
                    + started.outputSoFar());
            if (forcibly) {
                launcher.destroyForcibly(); // kill -9: no shutdown hook runs in the launcher
            } else {
                launcher.destroy();
            }
            assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
            try {
                child.onExit().get(15, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the relaunched JVM still runs 15 s after its launcher ended", e);
            }
            assertFalse(Files.exists(out), "nothing written after the launcher ended");
        } finally {
            started.close();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void theRelaunchedJvmDiesWhenItsLauncherIsKilled() throws Exception {
        assertDiesWithLauncher(true);
    }

    @Test
    void theRelaunchedJvmStopsWhenItsLauncherIsAskedToStop() throws Exception {
        assertDiesWithLauncher(false);
    }
}
