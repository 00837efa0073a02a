package latentlab.cli;

import static latentlab.cli.CliTest.assertOneLineError;
import static latentlab.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import latentlab.data.IdxFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** probe on a tiny generated data set with a model trained by the command line, and its argument errors. */
class ProbeCommandTest {
    @TempDir
    Path dir;
    Path data;
    Path model;

    @BeforeEach
    void trainATinyModel() throws IOException {
        data = IdxFixtures.datasetFolder(dir.resolve("tiny"), 300, 100, 6, 5, true);
        model = dir.resolve("m.llm");
        CliTest.Run t = run("train", "--data", data.toString(), "--arch", "d-16-2", "--epochs", "1", "--batch", "32",
                "--threads", "1", "--out", model.toString());
        assertEquals(0, t.code(), t.err());
    }

    private CliTest.Run probe(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("probe", "--model", model.toString(), "--data",
                data.toString(), "--threads", "2"));
        a.addAll(List.of(extra));
        return run(a.toArray(new String[0]));
    }

    @Test
    void printsOneLinePerNumberOfLabelsWithCommentsForTheDetails() {
        CliTest.Run r = probe("--labels", "10,all", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        List<String> results = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(2, results.size(), r.out());
        String number = "[01]\\.\\d{4}";
        assertTrue(results.get(0).matches("labels=10 codes_accuracy: " + number + " pixels_accuracy: " + number
                + " pca_accuracy: " + number), results.get(0));
        assertTrue(results.get(1).startsWith("labels=all codes_accuracy: "), results.get(1));
        assertTrue(r.out().contains("# model: autoencoder"), r.out());
        assertTrue(r.out().contains("k = 2"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("# labels=all (300 images, seed 3)")), r.out());
        assertTrue(run("--help").out().contains("probe"), "listed by --help");

        // The same seed gives the same numbers, whatever the thread count.
        CliTest.Run again = run("probe", "--model", model.toString(), "--data", data.toString(), "--threads", "1",
                "--labels", "10", "--seed", "3");
        assertEquals(results.get(0), again.out().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());
    }

    @Test
    void badArgumentsAreOneClearLineWithExitCode2() {
        assertOneLineError(probe("--labels", "0"), "must be at least 1");
        assertOneLineError(probe("--labels", "-5"), "must be at least 1");
        assertOneLineError(probe("--labels", "301"), "the training set has only 300 images");
        assertOneLineError(probe("--labels", "10,,100"), "empty entry");
        assertOneLineError(probe("--labels", "10;100"), "'10;100' is not a whole number or 'all'");
        assertOneLineError(probe("--labels", "some"), "'some' is not a whole number");
        assertOneLineError(probe("--labels", "99999999999"), "far more than any training set");
        assertOneLineError(probe("--threads", "0"), "--threads must be between");
        assertOneLineError(probe("--seed", "x"), "x");
        assertOneLineError(run("probe", "--data", data.toString()), "--model");
        assertOneLineError(run("probe", "--model", dir.resolve("absent.llm").toString(), "--data", data.toString()),
                "absent.llm");
    }

    @Test
    void aModelForOtherImagesIsRefused() throws IOException {
        Path other = IdxFixtures.datasetFolder(dir.resolve("other"), 50, 20, 7, 7, false);
        assertOneLineError(run("probe", "--model", model.toString(), "--data", other.toString()),
                "takes 30 inputs but the images");
    }
}
