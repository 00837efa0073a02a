package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    @Test
    void onlyASingleJarGetsAnArchive() {
        assertNull(ClassArchive.jar("target/classes"));
        assertNull(ClassArchive.jar("a.jar" + File.pathSeparator + "b.jar"));
        assertNull(ClassArchive.jar(""));
        Path jar = ClassArchive.jar("target/latent-lab.jar");
        assertEquals(Path.of("target/latent-lab.jar").toAbsolutePath().normalize(), jar);
    }

    @Test
    void theArchiveLivesBesideTheJarNamedForThisJvm(@TempDir Path dir) {
        Path archive = ClassArchive.archive(dir.resolve("latent-lab.jar"));
        assertEquals(dir, archive.getParent());
        String name = archive.getFileName().toString();
        assertTrue(name.startsWith("latent-lab-") && name.endsWith(".jsa"), name);
        String vm = System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+-]", "_");
        assertTrue(name.contains(vm), name + " names " + vm);
    }

    @Test
    void theChildMapsTheArchiveOnlyWhenThereIsOne(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("latent-lab.jar");
        assertEquals(List.of(), ClassArchive.useOptions(jar));
        assertEquals(List.of(), ClassArchive.useOptions(null));
        Files.write(ClassArchive.archive(jar), new byte[] {1});
        assertEquals(List.of("-XX:SharedArchiveFile=" + ClassArchive.archive(jar), "-Xshare:auto"),
                ClassArchive.useOptions(jar));
    }

    @Test
    void theChildGetsAnAbsoluteClassPathSoTheArchiveMatchesFromAnyFolder() {
        String cp = Launcher.absoluteClassPath("target/latent-lab.jar" + File.pathSeparator + "lib/x.jar");
        assertEquals(Path.of("target/latent-lab.jar").toAbsolutePath() + File.pathSeparator
                + Path.of("lib/x.jar").toAbsolutePath(), cp);
        List<String> cmd = Launcher.childCommand(new String[] {"pca"});
        String given = cmd.get(cmd.indexOf("-cp") + 1);
        for (String entry : given.split(File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), entry);
        }
    }

    @Test
    void theArchiveIsWrittenWithTheChildsModulesAndClassPath() {
        List<String> child = Launcher.childCommand(new String[0]);
        List<String> dump = Launcher.archiveCommand();
        // Class-data sharing maps the archive only when the class path and module path are the ones it was written
        // with: everything after -cp's value and the module options must be the same in both.
        assertEquals(child.get(child.indexOf("-cp") + 1), dump.get(dump.indexOf("-cp") + 1));
        assertEquals(child.subList(0, 2), dump.subList(0, 2));
        assertEquals(dump.get(dump.size() - 2), "-cp");
    }

    @Test
    void theJarCarriesAClassListOfTheWindowAndTheCommands() throws Exception {
        try (InputStream in = ClassArchive.class.getResourceAsStream(ClassArchive.CLASS_LIST)) {
            assertTrue(in != null, ClassArchive.CLASS_LIST);
            List<String> lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            for (String c : List.of("latentlab/app/LatentLabApp", "latentlab/ui/shell/MainView",
                    "latentlab/cli/PcaCommand", "latentlab/cli/TrainCommand", "latentlab/cli/EvalCommand")) {
                assertTrue(lines.contains(c), c + " in the class list");
            }
        }
    }
}
