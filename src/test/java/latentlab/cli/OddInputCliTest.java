package latentlab.cli;

import static latentlab.cli.CliTest.assertOneLineError;
import static latentlab.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import latentlab.data.IdxFixtures;
import latentlab.io.model.ModelFile;
import latentlab.io.model.ModelFileTest;
import latentlab.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands say about models and data that cannot give a meaningful result: one line starting with
 * "error:" and exit code 2 (never an internal error), or a "warning:" line where the result is still worth having.
 */
class OddInputCliTest {
    @TempDir
    Path dir;

    /** A folder of 3 x 4 images, the size of {@link ModelFileTest#checkpoint()}'s network (12 inputs). */
    private Path data() throws IOException {
        return IdxFixtures.datasetFolder(dir.resolve("data"), 40, 20, 3, 4, false);
    }

    /** The network of {@link ModelFileTest#checkpoint()} with the first {@code count} parameters set to {@code value}. */
    private Path model(String name, int count, float value) throws IOException {
        Checkpoint cp = ModelFileTest.checkpoint();
        float[] p = cp.parameters().clone();
        java.util.Arrays.fill(p, 0, count, value);
        Path f = dir.resolve(name);
        ModelFile.save(f, new Checkpoint(cp.config(), cp.architecture(), p, null, null, cp.step(), null, cp.epochs(),
                cp.batchLosses(), cp.klLosses()), new ModelFile.DataInfo("data", 3, 4, 40), null);
        return f;
    }

    @Test
    void aModelWithNanWeightsIsRefusedByEveryCommand() throws IOException {
        String data = data().toString();
        String nan = model("nan.llm", 1, Float.NaN).toString();
        assertOneLineError(run("eval", "--model", nan, "--data", data), "encoder layer 1 (12 -> 6) has 1 NaN");
        assertOneLineError(run("encode", "--model", nan, "--data", data, "--out", dir.resolve("c.csv").toString()),
                "has 1 NaN");
        assertOneLineError(run("probe", "--model", nan, "--data", data, "--labels", "10"), "has 1 NaN");
    }

    @Test
    void codesThatOverflowAreNeverWritten() throws IOException {
        String data = data().toString();
        // Finite weights, but the first layer's sums overflow to infinity, and the next layer makes NaN of them.
        String huge = model("huge.llm", 12 * 6, 3e38f).toString();
        Path out = dir.resolve("codes.csv");
        assertOneLineError(run("encode", "--model", huge, "--data", data, "--out", out.toString()),
                "NaN or infinite");
        assertFalse(Files.exists(out), "nothing written");
        assertOneLineError(run("eval", "--model", huge, "--data", data), "NaN or infinite");
        assertOneLineError(run("probe", "--model", huge, "--data", data, "--labels", "10"), "NaN or infinite");
    }

    @Test
    void divergenceIsReportedInCommandLineTerms() throws IOException {
        Path out = dir.resolve("m.llm");
        CliTest.Run r = run("train", "--epochs", "5", "--lr", "10", "--optimizer", "sgd", "--data", data().toString(),
                "--out", out.toString());
        assertOneLineError(r, "training diverged");
        assertTrue(r.err().contains("--lr") && !r.err().contains("press Play"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void testLabelsThatTrainingNeverHasAreWarnedAbout() throws IOException {
        Path f = data();
        byte[] labels = IdxFixtures.labels(20, 10);
        labels[8 + 3] = (byte) 200; // the 4th test image
        labels[8 + 7] = 57;
        labels[8 + 9] = (byte) 200;
        Files.write(f.resolve("t10k-labels-idx1-ubyte"), labels);
        CliTest.Run r = run("inspect", "--data", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("warning: data: 3 test images have labels that no training image has: 57 (1 image), "
                + "200 (2 images)", r.err().strip());
    }

    @Test
    void imagesTooLargeForPcaAreOneLine() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("large"), 3, 2, 216, 216, false);
        assertOneLineError(run("pca", "--k", "1", "--data", f.toString()), "46,340 pixels");
    }

    @Test
    void aNetworkTheHeapCannotHoldIsRefusedSayingHowMuchItNeeds() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("mnist-size"), 10, 5, 28, 28, false);
        Path out = dir.resolve("huge.llm");
        // 39 million parameters (under the 50 million limit), a gradient for each of 64 threads: about 10 GB.
        CliTest.Run r = run("train", "--epochs", "1", "--arch", "d-25000-2", "--threads", "64", "--data",
                f.toString(), "--out", out.toString());
        assertOneLineError(r, "not enough memory for training 784-25000-2");
        assertTrue(r.err().contains("a larger -Xmx"), r.err());
        assertFalse(Files.exists(out));
    }
}
