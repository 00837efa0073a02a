package latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import latentlab.data.IdxFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static void assertOneLineError(Run r, String expected) {
        assertEquals(Cli.USAGE_ERROR, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("inspect"), r.out());
    }

    @Test
    void unknownCommandOrOptionIsOneLine() {
        assertOneLineError(run("frobnicate"), "frobnicate");
        assertOneLineError(run("inspect", "--nope"), "--nope");
    }

    @Test
    void inspectPrintsTheSummary() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("tiny"), 20, 10, 6, 5, true);
        Run r = run("inspect", "--data", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("train: 20 images of 6 x 5"), r.out());
        assertTrue(r.out().contains("load_seconds:"), r.out());
    }

    @Test
    void missingOrCorruptDataIsOneClearLine() throws IOException {
        assertOneLineError(run("inspect", "--data", dir.resolve("absent").toString()), "absent");
        Path f = IdxFixtures.datasetFolder(dir.resolve("bad"), 20, 10, 6, 5, false);
        Files.write(f.resolve("t10k-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 6, 0, 0, 0, 5, 1});
        assertOneLineError(run("inspect", "--data", f.toString()), "t10k-images-idx3-ubyte: truncated");
    }
}
