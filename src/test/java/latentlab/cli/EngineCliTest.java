package latentlab.cli;

import static latentlab.cli.CliTest.assertOneLineError;
import static latentlab.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import latentlab.data.IdxFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, eval, encode and bench on a tiny generated data set, and their argument errors. */
class EngineCliTest {
    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void makeData() throws IOException {
        data = IdxFixtures.datasetFolder(dir.resolve("tiny"), 300, 100, 6, 5, true);
    }

    private String[] train(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--arch", "d-16-2",
                "--epochs", "2", "--batch", "32", "--threads", "2", "--out", dir.resolve("m.llm").toString()));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void trainPrintsOneLinePerEpochAndSavesAModelThatEvalAndEncodeRead() throws IOException {
        CliTest.Run t = run(train());
        assertEquals(0, t.code(), t.err());
        List<String> lines = t.out().lines().filter(l -> l.matches("\\s*\\d+\\s+.*")).toList();
        assertEquals(2, lines.size(), t.out());
        String[] cols = lines.get(1).trim().split("\\s+");
        assertEquals("2", cols[0]);
        assertEquals(5, cols.length, "epoch, train loss, test SE, seconds, samples/s: " + lines.get(1));
        assertTrue(Files.size(dir.resolve("m.llm")) > 100);

        CliTest.Run e = run("eval", "--model", dir.resolve("m.llm").toString(), "--data", data.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().matches("(?s).*test_se_per_image: \\d+\\.\\d+.*"), e.out());
        assertTrue(e.out().matches("(?s).*test_bce_per_image: \\d+\\.\\d+.*"), e.out());
        assertTrue(e.out().matches("(?s).*knn5_accuracy: [01]\\.\\d+.*"), e.out());
        // The test error printed by eval is the one train printed for the last epoch.
        String se = e.out().lines().filter(l -> l.startsWith("test_se_per_image")).findFirst().orElseThrow()
                .split(": ")[1];
        assertEquals(Double.parseDouble(cols[2]), Double.parseDouble(se), 1e-3);

        Path csv = dir.resolve("codes.csv");
        CliTest.Run c = run("encode", "--model", dir.resolve("m.llm").toString(), "--data", data.toString(), "--out",
                csv.toString());
        assertEquals(0, c.code(), c.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("index,label,a1,a2,reconstruction_error", rows.get(0));
        assertEquals(101, rows.size());
        String[] r5 = rows.get(6).split(",");
        assertEquals("5", r5[0]);
        assertEquals("5", r5[1], "label of test image 5 is 5 % 10");
        for (int i = 2; i < 5; i++) {
            Double.parseDouble(r5[i]);
        }
    }

    /** {@code encode --out X.npz}: the codes alone, keyed to the model and the images (how the bundled map is kept). */
    @Test
    void encodeToNpzKeepsCodesThatTheirModelAndImagesAccept() throws IOException {
        assertEquals(0, run(train()).code());
        Path npz = dir.resolve("codes.npz");
        Path csv = dir.resolve("codes.csv");
        String model = dir.resolve("m.llm").toString();
        assertEquals(0, run("encode", "--model", model, "--data", data.toString(), "--out", npz.toString()).code());
        assertEquals(0, run("encode", "--model", model, "--data", data.toString(), "--out", csv.toString()).code());
        latentlab.io.model.ModelFile.Contents m = latentlab.io.model.ModelFile.load(dir.resolve("m.llm"));
        latentlab.data.Dataset test = latentlab.data.DatasetPair.open(data).test();
        float[] kept;
        try (java.io.InputStream in = Files.newInputStream(npz)) {
            kept = latentlab.io.model.DisplayCodesFile.read(in, "codes.npz", m.checkpoint(), test);
        }
        List<String> rows = Files.readAllLines(csv);
        assertEquals(2 * (rows.size() - 1), kept.length);
        String[] r7 = rows.get(8).split(",");
        assertEquals(Float.parseFloat(r7[2]), kept[14], 1e-5f, "the CSV's a1 of image 7");
        assertEquals(Float.parseFloat(r7[3]), kept[15], 1e-5f, "the CSV's a2 of image 7");
        assertOneLineError(run("encode", "--model", model, "--data", data.toString(), "--step", "10", "--out",
                dir.resolve("step.npz").toString()), "leave out --step");
    }

    @Test
    void resumeContinuesTheSavedRun() {
        assertEquals(0, run(train()).code());
        CliTest.Run r = run(train("--resume", dir.resolve("m.llm").toString(), "--epochs", "1"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("3 ")), "epoch 3 follows epochs 1-2: " + r.out());
        assertTrue(r.out().contains("# trained 1 epoch ("), r.out());
        // The saved run's network and settings stay; an option that would change them is refused, not ignored.
        CliTest.Run changed = run(train("--resume", dir.resolve("m.llm").toString(), "--arch", "d-8-2", "--seed",
                "3"));
        assertOneLineError(changed, "the network (--arch and its options), --seed cannot change them");
        assertEquals("", changed.out(), "nothing trained");
    }

    @Test
    void aFolderGivenForAFileIsNamedBeforeAnyWork() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        CliTest.Run t = run(train("--out", folder.toString()));
        assertOneLineError(t, "--out " + folder + " is a folder");
        assertFalse(t.out().lines().anyMatch(l -> l.trim().startsWith("1 ")), "refused before training: " + t.out());
        assertOneLineError(run("encode", "--model", dir.resolve("m.llm").toString(), "--data", data.toString(),
                "--out", folder.toString()), "is a folder");
        assertOneLineError(run("eval", "--model", folder.toString(), "--data", data.toString()),
                folder + " is a folder");
    }

    @Test
    void badArgumentsAreOneClearLineWithExitCode2() throws IOException {
        assertOneLineError(run(train("--arch", "d-16-x")), "'x' is not a layer size");
        assertOneLineError(run(train("--arch", "d-40")), "must be smaller than the input size d = 30");
        assertOneLineError(run(train("--arch", "784-16-2")), "starts with 784 but the images have d = 30");
        assertOneLineError(run(train("--lr", "0")), "learning rate must be > 0");
        assertOneLineError(run(train("--lr", "-1")), "learning rate");
        assertOneLineError(run(train("--batch", "0")), "batch size must be between 1");
        assertOneLineError(run(train("--loss", "bce", "--output-activation", "tanh")), "cross-entropy needs a sigmoid");
        assertOneLineError(run(train("--loss", "hinge")), "unknown loss");
        assertOneLineError(run(train("--activation", "swish")), "unknown activation");
        assertOneLineError(run(train("--optimizer", "lbfgs")), "unknown optimizer");
        assertOneLineError(run(train("--epochs", "0")), "--epochs must be between");
        assertOneLineError(run(train("--lr-schedule", "wobbly")), "unknown learning-rate schedule");
        assertOneLineError(run(train("--threads", "0")), "--threads must be between");
        assertOneLineError(run(train("--out", dir.resolve("no/such/dir/m.llm").toString())), "does not exist");
        assertOneLineError(run(train("--lr", "abc")), "abc");
        assertOneLineError(run("eval", "--model", dir.resolve("absent.llm").toString(), "--data", data.toString()),
                "absent.llm");
        Path junk = dir.resolve("junk.llm");
        Files.writeString(junk, "not a model");
        assertOneLineError(run("eval", "--model", junk.toString(), "--data", data.toString()), "not a Latent Lab file");
        assertOneLineError(run("eval", "--data", data.toString()), "--model");
        assertOneLineError(run("encode", "--model", junk.toString(), "--out", "x.csv"), "junk.llm");
        assertOneLineError(run("bench", "--nets", "z"), "unknown net 'z'");
        assertOneLineError(run("bench", "--epochs", "1"), "--epochs must be at least 2");
    }

    @Test
    void aModelForOtherImagesIsRefusedByEval() throws IOException {
        assertEquals(0, run(train()).code());
        Path other = IdxFixtures.datasetFolder(dir.resolve("other"), 50, 20, 7, 7, false);
        assertOneLineError(run("eval", "--model", dir.resolve("m.llm").toString(), "--data", other.toString()),
                "takes 30 inputs but the images");
    }
}
