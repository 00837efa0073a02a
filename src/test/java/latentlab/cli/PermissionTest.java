package latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import latentlab.app.Launcher;
import latentlab.data.IdxFixtures;
import latentlab.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder or file the user may not read is reported as "permission denied", not as a missing file. Root may read
 * anything, so when the tests run as root the command runs in a JVM without root's file-access capabilities
 * ({@code setpriv --bounding-set=-all}), where permissions apply to root as to anyone.
 */
@Tag("slow")
class PermissionTest {
    @TempDir
    Path dir;
    private final List<Path> locked = new ArrayList<>();

    @AfterEach
    void unlock() throws IOException {
        for (Path p : locked) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private void lock(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        locked.add(p);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs the command line as a user without the right to read what is locked. */
    private static CliTest.Run run(String... args) throws IOException, InterruptedException {
        if (!root()) {
            return CliTest.run(args);
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) drops root's capabilities");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LATENTLAB_NO_RELAUNCH", "1");
        ChildProcess.Result r = ChildProcess.run(pb, 120);
        assertTrue(r.ended(), "the child JVM ended in time: " + r.both());
        return new CliTest.Run(r.exitValue(), r.out(), r.err());
    }

    @Test
    void anUnreadableFolderIsPermissionDeniedNotMissing() throws Exception {
        Path f = IdxFixtures.datasetFolder(dir.resolve("locked-folder"), 5, 4, 3, 3, false);
        lock(f);
        CliTest.Run r = run("inspect", "--data", f.toString());
        assertEquals(Cli.USAGE_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("error: permission denied: " + f), r.err());
        assertFalse(r.err().contains("missing"), r.err());
    }

    @Test
    void anUnreadableFileIsPermissionDenied() throws Exception {
        Path f = IdxFixtures.datasetFolder(dir.resolve("locked-file"), 5, 4, 3, 3, false);
        lock(f.resolve("train-images-idx3-ubyte"));
        CliTest.Run r = run("inspect", "--data", f.toString());
        assertEquals(Cli.USAGE_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("error: permission denied: " + f.resolve("train-images-idx3-ubyte")), r.err());
    }
}
