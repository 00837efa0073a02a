package latentlab.cli;

import static latentlab.cli.CliTest.assertOneLineError;
import static latentlab.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.data.IdxFixtures;
import latentlab.io.model.ModelFile;
import latentlab.io.model.TimelineSection;
import latentlab.train.Checkpoint;
import latentlab.train.Moment;
import latentlab.train.Timeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --history}, {@code eval/encode/dimensions --step} and {@code train --resume --from-step} on 1,000
 * MNIST training and 300 test images: 3 epochs of 20 steps.
 */
class TimelineCliTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainWithHistory() throws Exception {
        DatasetPair mnist = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        data = Files.createDirectories(dir.resolve("small"));
        write(data, "train", mnist.train().first(1000));
        write(data, "t10k", mnist.test().first(300));
        model = dir.resolve("m.llm");
        CliTest.Run r = run("train", "--data", data.toString(), "--arch", "d-32-2", "--epochs", "3", "--batch", "50",
                "--threads", "2", "--history", "20", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# history: 20 moments"), r.out());
    }

    private static void write(Path folder, String split, Dataset d) throws Exception {
        byte[] px = new byte[d.size() * d.dimension()];
        byte[] labels = new byte[d.size()];
        for (int i = 0; i < d.size(); i++) {
            d.copyRaw(i, px, i * d.dimension());
            labels[i] = (byte) d.label(i);
        }
        IdxFixtures.write(folder, split + "-images-idx3-ubyte",
                IdxFixtures.idx(0x08, new int[] {d.size(), d.rows(), d.cols()}, px));
        IdxFixtures.write(folder, split + "-labels-idx1-ubyte", IdxFixtures.idx(0x08, new int[] {d.size()}, labels));
    }

    private static double testError(CliTest.Run r) {
        assertEquals(0, r.code(), r.err());
        return Double.parseDouble(r.out().lines().filter(l -> l.startsWith("test_se_per_image: ")).findFirst()
                .orElseThrow().substring("test_se_per_image: ".length()));
    }

    private static Timeline timeline(Path file) throws Exception {
        ModelFile.Contents c = ModelFile.load(file);
        return TimelineSection.read(file.getFileName().toString(), c.sections(), c.checkpoint().parameters().length);
    }

    @Test
    void evalAtTheFirstAMiddleAndTheLastMomentGivesAFallingErrorThatEndsAtPlainEval() throws Exception {
        Timeline t = timeline(model);
        assertEquals(20, t.moments().size());
        assertEquals(0, t.moments().get(0).step());
        assertEquals(60, t.moments().get(19).step());
        String[] eval = {"eval", "--model", model.toString(), "--data", data.toString(), "--threads", "2"};
        CliTest.Run first = run(concat(eval, "--step", "0"));
        assertTrue(first.out().contains("moment: step 0 (epoch 0.00), the kept moment nearest to step 0"),
                first.out());
        long middle = t.nearest(25).step();
        CliTest.Run mid = run(concat(eval, "--step", "25"));
        assertTrue(mid.out().contains("moment: step " + middle + " "), mid.out());
        CliTest.Run last = run(concat(eval, "--step", "60"));
        CliTest.Run plain = run(eval);
        double e0 = testError(first);
        double em = testError(mid);
        double el = testError(last);
        assertTrue(e0 > em && em > el, "test error falls: " + e0 + ", " + em + ", " + el);
        assertEquals(plain.out(), last.out().lines().skip(1).map(l -> l + System.lineSeparator())
                .reduce("", String::concat), "the last moment is the saved model");
        assertFalse(first.out().contains("approximation") || last.out().contains("approximation"),
                "the first and the newest moments are exact");
    }

    @Test
    void evalAtACompactMomentSaysItsWeightsAreTheKeptApproximation() throws Exception {
        Timeline t = timeline(model);
        Moment compact = t.moments().stream().filter(m -> !m.exact()).findFirst().orElseThrow();
        CliTest.Run r = run("eval", "--model", model.toString(), "--data", data.toString(), "--threads", "2",
                "--step", Long.toString(compact.step()));
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().findFirst().orElseThrow();
        assertTrue(line.startsWith("moment: step " + compact.step() + " ") && line.contains(
                "its weights are the kept 8-bit approximation, within "), line);
        CliTest.Run exact = run("eval", "--model", model.toString(), "--data", data.toString(), "--threads", "2",
                "--step", Long.toString(compact.step()), "--exact");
        assertEquals(0, exact.code(), exact.err());
        List<String> lines = exact.out().lines().toList();
        assertFalse(lines.get(0).contains("approximation"), lines.get(0));
        assertTrue(lines.get(1).startsWith("weights: exact, replayed "), lines.get(1));
        double approx = testError(r);
        double error = testError(exact);
        assertTrue(approx != error && Math.abs(approx - error) < 0.01 * error, approx + " and exactly " + error);
    }

    @Test
    void encodeAndDimensionsNameTheMoment() {
        CliTest.Run e = run("encode", "--model", model.toString(), "--data", data.toString(), "--step", "7",
                "--out", dir.resolve("codes.csv").toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("moment: step 7 "), e.out());
        CliTest.Run d = run("dimensions", "--model", model.toString(), "--data", data.toString(), "--step", "1000");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("moment: step 60 (epoch 3.00), the kept moment nearest to step 1000"), d.out());
    }

    @Test
    void aBranchWithUnchangedSettingsEndsBitIdenticalAndNamesItsParent() throws Exception {
        Path branch = dir.resolve("branch.llm");
        CliTest.Run r = run("train", "--resume", model.toString(), "--from-step", "25", "--data", data.toString(),
                "--epochs", "2", "--threads", "2", "--out", branch.toString());
        assertEquals(0, r.code(), r.err());
        long at = timeline(model).nearest(25).step();
        assertTrue(r.out().contains("# branch of m.llm at step " + at), r.out());
        Checkpoint original = ModelFile.load(model).checkpoint();
        Checkpoint branched = ModelFile.load(branch).checkpoint();
        assertEquals(original.step(), branched.step());
        assertArrayEquals(original.parameters(), branched.parameters());
        Timeline bt = timeline(branch);
        assertEquals("m.llm", bt.parent().parent());
        assertEquals(at, bt.parent().step());
        assertEquals(at, bt.moments().get(0).step(), "the branch's history starts where it branched");
    }

    @Test
    void aBranchWithAnotherLearningRateDiffersAndOldFilesSayTheyHaveNoHistory() throws Exception {
        Path branch = dir.resolve("fast.llm");
        CliTest.Run r = run("train", "--resume", model.toString(), "--from-step", "0", "--lr", "0.01", "--data",
                data.toString(), "--epochs", "1", "--threads", "2", "--out", branch.toString());
        assertEquals(0, r.code(), r.err());
        Checkpoint b = ModelFile.load(branch).checkpoint();
        assertEquals(20, b.step());
        assertEquals(0.01, b.config().learningRate());
        assertEquals(0, timeline(branch).parent().step());
        assertOneLineError(run("eval", "--model", DimensionsCommandTest.MODEL, "--data", data.toString(), "--step",
                "5"), "keeps no history");
        assertOneLineError(run("train", "--resume", model.toString(), "--from-step", "3", "--seed", "9", "--data",
                data.toString(), "--out", dir.resolve("x.llm").toString()), "--seed cannot change them");
        assertOneLineError(run("train", "--from-step", "3", "--data", data.toString()), "--resume");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
