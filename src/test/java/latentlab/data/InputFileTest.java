package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import latentlab.compute.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set file that is not a readable regular file is named for what it is — a folder, a device, a pipe, a
 * loop or a dead end of symbolic links — not reported as missing, read forever or waited on; a data set that is
 * gone altogether is a typed {@link DataSetNotFoundException} that says where it was looked for.
 */
class InputFileTest {
    @TempDir
    Path dir;

    private Path folderWithTrainImagesReplacedBy(String name, PathMaker replacement) throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve(name), 5, 4, 3, 3, false);
        Path images = f.resolve("train-images-idx3-ubyte");
        Files.delete(images);
        replacement.make(images);
        return f;
    }

    @FunctionalInterface
    private interface PathMaker {
        void make(Path p) throws IOException;
    }

    private static String openFails(Path folder) {
        IOException e = assertThrows(IOException.class, () -> DatasetPair.open(folder, Progress.NONE));
        String m = e.getMessage();
        assertFalse(m.contains("missing"), m);
        return m;
    }

    @Test
    void aFolderWhereAFileShouldBeIsNamed() throws IOException {
        Path f = folderWithTrainImagesReplacedBy("folder", Files::createDirectory);
        String m = openFails(f);
        assertTrue(m.contains("train-images-idx3-ubyte") && m.contains("a folder, not a file"), m);
        assertFalse(DatasetPair.looksLikeDatasetFolder(f));
    }

    @Test
    void symbolicLinksThatLoopOrLeadNowhereAreNamed() throws IOException {
        Path loop = folderWithTrainImagesReplacedBy("loop", p -> Files.createSymbolicLink(p, p.getFileName()));
        String m = openFails(loop);
        assertTrue(m.contains("train-images-idx3-ubyte") && m.contains("loop"), m);
        Path dead = folderWithTrainImagesReplacedBy("dead", p -> Files.createSymbolicLink(p, dir.resolve("gone")));
        String d = openFails(dead);
        assertTrue(d.contains("a symbolic link to") && d.contains("which does not exist"), d);
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        String folderLoop = openFails(a);
        assertTrue(folderLoop.contains("loop"), folderLoop);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard against reading forever
    void aDeviceIsNotReadForever() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a system with /dev/zero");
        Path f = folderWithTrainImagesReplacedBy("device", p -> Files.createSymbolicLink(p, zero));
        String m = openFails(f);
        assertTrue(m.contains("not a regular file"), m);
        String direct = assertThrows(FileSystemException.class, () -> IdxReader.read(zero)).getMessage();
        assertTrue(direct.contains("not a regular file"), direct);
        String csv = assertThrows(FileSystemException.class,
                () -> CsvDatasetReader.read(zero, "z", Progress.NONE)).getMessage();
        assertTrue(csv.contains("not a regular file"), csv);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard against waiting for a writer
    void aNamedPipeIsNotWaitedOn() throws IOException, InterruptedException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("fifo"), 5, 4, 3, 3, false);
        Path images = f.resolve("train-images-idx3-ubyte");
        Files.delete(images);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", images.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(images), "mkfifo made a pipe");
        String m = openFails(f);
        assertTrue(m.contains("not a regular file"), m);
    }

    @Test
    void aDataSetThatIsGoneIsATypedErrorNamingWhereItWasLookedFor() throws IOException {
        Path gone = dir.resolve("moved-away");
        DataSetNotFoundException e = assertThrows(DataSetNotFoundException.class,
                () -> DatasetPair.open(gone, Progress.NONE));
        assertEquals(gone, e.path().orElseThrow());
        assertTrue(e.getMessage().contains("moved-away"), e.getMessage());
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, gone);
        DataSetNotFoundException viaLink = assertThrows(DataSetNotFoundException.class,
                () -> DatasetPair.open(link, Progress.NONE));
        assertTrue(viaLink.getReason().contains("symbolic link"), viaLink.getReason());
        assertThrows(DataSetNotFoundException.class, () -> DatasetPair.open(dir.resolve("x.csv"), Progress.NONE));
    }

    @Test
    void aMissingFileIsStillReportedAsMissing() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("missing"), 5, 4, 3, 3, true);
        Files.delete(f.resolve("t10k-labels-idx1-ubyte.gz"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DatasetPair.open(f, Progress.NONE));
        assertTrue(e.getReason().contains("missing t10k-labels-idx1-ubyte"), e.getReason());
        // A readable file under another accepted name wins over a broken one.
        Files.createDirectory(f.resolve("t10k-labels-idx1-ubyte"));
        Files.write(f.resolve("t10k-labels.idx1-ubyte"), IdxFixtures.labels(4, 10));
        assertEquals(4, DatasetPair.open(f, Progress.NONE).test().size());
    }
}
