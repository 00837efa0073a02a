package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import latentlab.cli.Cli;
import latentlab.data.IdxFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code gui} command's checks and how the launcher reads a lesson given alone (no window opens here). */
class GuiCommandTest {
    @TempDir
    Path dir;

    /** Runs the command line with the gui command, as the launcher does; returns {code, stderr}. */
    private static Object[] run(String... args) {
        CommandLine cl = Cli.commandLine();
        cl.addSubcommand(new GuiCommand());
        StringWriter err = new StringWriter();
        int code = Cli.execute(cl, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                GuiCommand.withGui(args));
        return new Object[] {code, err.toString()};
    }

    private static void assertOneLineError(Object[] r, String expected) {
        String err = (String) r[1];
        assertEquals(Cli.USAGE_ERROR, r[0], err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("error: "), "lower case like every other error: " + err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void mistakesEndBeforeAWindowOpens() throws IOException {
        assertOneLineError(run("gui", dir.resolve("missing.lesson").toString()), "no such lesson: ");
        assertOneLineError(run(dir.resolve("missing.lesson").toString()), "no such lesson: ");
        assertOneLineError(run("gui", "--data", dir.resolve("nowhere").toString()), "no such folder or file");
        Files.createDirectories(dir.resolve("empty"));
        assertOneLineError(run("gui", "--data", dir.resolve("empty").toString()),
                "neither a folder with the four IDX files");
        assertOneLineError(run("gui", "--nope"), "--nope");
        assertOneLineError(run("gui", "a.lesson", "b.lesson"), "b.lesson");
    }

    @Test
    void aLessonAndADataSetThatAreThereMakeTheRequest() throws IOException {
        Path lesson = Files.writeString(dir.resolve("digits.lesson"), "not checked until the window reads it");
        Path data = IdxFixtures.datasetFolder(dir.resolve("tiny"), 20, 10, 6, 5, true);
        GuiCommand g = new GuiCommand();
        new CommandLine(g).parseArgs(lesson.toString(), "--data", data.toString());
        StartRequest r = g.check();
        assertEquals(lesson.toAbsolutePath(), r.lesson());
        assertEquals(data.toAbsolutePath(), r.data());
        GuiCommand none = new GuiCommand();
        new CommandLine(none).parseArgs();
        assertNull(none.check().lesson());
        assertNull(none.check().data());
    }

    @Test
    void aLessonGivenAloneOpensTheWindowOnIt() {
        assertArrayEquals(new String[] {"gui", "x/digits.lesson"}, GuiCommand.withGui(new String[] {"x/digits.lesson"}));
        assertArrayEquals(new String[] {"gui", "/tmp/a b.lesson", "--data", "d"},
                GuiCommand.withGui(new String[] {"file:///tmp/a%20b.lesson", "--data", "d"}), "a file: URI");
        assertArrayEquals(new String[] {"train", "--epochs", "1"},
                GuiCommand.withGui(new String[] {"train", "--epochs", "1"}), "commands stay as they are");
        assertArrayEquals(new String[] {"eval", "--model", "m.lesson"},
                GuiCommand.withGui(new String[] {"eval", "--model", "m.lesson"}));
    }
}
