package latentlab.cli;

import static latentlab.cli.CliTest.assertOneLineError;
import static latentlab.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import latentlab.data.IdxFixtures;
import latentlab.train.TrainingPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --preset}: what the README says it stands for, and explicit options overriding it. */
class PresetTest {
    @TempDir
    Path dir;

    /** The options the README spells out for a preset: the line after "--preset ID` stands for these options". */
    static List<String> readmeOptions(String id) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("`--preset " + id + "` stands for these options")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    if (!lines.get(j).isBlank()) {
                        return Arrays.asList(lines.get(j).strip().split("\\s+"));
                    }
                }
            }
        }
        throw new AssertionError("README.md does not spell out --preset " + id);
    }

    @Test
    void theHinton2006PresetIsWhatTheReadmeSays() throws IOException {
        TrainingPreset p = TrainingPreset.byId("hinton2006");
        assertEquals(readmeOptions("hinton2006"), p.options());
        // And the options stand for the net (c) of the paper.
        assertEquals("784-1000-500-250-30", p.architecture());
        assertEquals(784, p.network(784).inputSize());
        assertEquals(30, p.network(784).latentSize());
    }

    @Test
    void helpListsThePresetsWithTheirOptions() {
        CliTest.Run r = run("train", "--help");
        assertEquals(0, r.code(), r.err());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("hinton2006 (Hinton & Salakhutdinov 2006: " + String.join(" ",
                TrainingPreset.HINTON_2006.options()) + ")"), r.out());
        assertTrue(flat.contains("any option given explicitly overrides the preset's value"), r.out());
    }

    @Test
    void explicitOptionsOverrideThePresetAndTheRestComeFromIt() throws IOException {
        Path data = IdxFixtures.datasetFolder(dir.resolve("tiny"), 300, 100, 6, 5, true);
        CliTest.Run r = run("train", "--preset", "hinton2006", "--data", data.toString(), "--arch", "d-16-2",
                "--epochs", "1", "--threads", "2", "--out", dir.resolve("m.llm").toString());
        assertEquals(0, r.code(), r.err());
        String header = r.out().lines().findFirst().orElseThrow();
        assertTrue(header.contains("30-16-2 hidden elu, code identity, output sigmoid, loss bce, adam lr 0.001, "
                + "batch 128"), header);
        assertTrue(header.contains("weight decay 0.002, lr schedule cosine over 1 epochs"), header);
        CliTest.Run lower = run("train", "--preset", "HINTON2006", "--data", data.toString(), "--arch", "d-16-2",
                "--epochs", "1", "--lr", "0.002", "--batch", "64", "--lr-schedule", "onecycle", "--threads", "2",
                "--out", dir.resolve("m2.llm").toString());
        assertEquals(0, lower.code(), lower.err());
        assertTrue(lower.out().contains("adam lr 0.002, batch 64"), lower.out());
        assertTrue(lower.out().contains("lr schedule onecycle over 1 epochs"), lower.out());
    }

    @Test
    void testEveryEvaluatesEveryNthEpochAndAlwaysTheLast() throws IOException {
        Path data = IdxFixtures.datasetFolder(dir.resolve("tiny"), 300, 100, 6, 5, true);
        CliTest.Run r = run("train", "--data", data.toString(), "--arch", "d-8-2", "--epochs", "5", "--test-every", "2",
                "--threads", "2", "--out", dir.resolve("m.llm").toString());
        assertEquals(0, r.code(), r.err());
        List<String> tested = r.out().lines().filter(l -> l.matches("\\s+\\d+\\s.*"))
                .map(l -> l.trim().split("\\s+")[2]).toList();
        assertEquals(5, tested.size(), r.out());
        for (int e = 1; e <= 5; e++) {
            assertEquals(e % 2 == 0 || e == 5, !tested.get(e - 1).equals("-"), "epoch " + e + ": " + r.out());
        }
        // The preset's 0: only after the last epoch.
        CliTest.Run last = run("train", "--preset", "hinton2006", "--data", data.toString(), "--arch", "d-8-2",
                "--epochs", "3", "--threads", "2", "--out", dir.resolve("m2.llm").toString());
        assertEquals(0, last.code(), last.err());
        assertEquals(List.of("-", "-"), last.out().lines().filter(l -> l.matches("\\s+[12]\\s.*"))
                .map(l -> l.trim().split("\\s+")[2]).toList(), last.out());
        assertTrue(last.out().lines().anyMatch(l -> l.matches("\\s+3\\s+[0-9.]+\\s+[0-9.]+\\s.*")), last.out());
        assertOneLineError(run("train", "--data", data.toString(), "--test-every", "-1"),
                "--test-every must be 0 (only after the last epoch) or more, got -1");
    }

    @Test
    void anUnknownPresetOrOneWithResumeIsOneClearLine() {
        assertOneLineError(run("train", "--preset", "hinton2007"), "unknown preset 'hinton2007' (known: hinton2006)");
        assertOneLineError(run("train", "--preset", "hinton2006", "--resume", dir.resolve("x.llm").toString()),
                "--preset starts a new run");
    }
}
