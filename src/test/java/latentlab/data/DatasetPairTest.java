package latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import latentlab.compute.CancelledException;
import latentlab.compute.Progress;
import latentlab.testing.Cancelled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPairTest {
    @TempDir
    Path dir;

    @Test
    void opensPlainAndGzippedFoldersOfAnyImageSize() throws IOException {
        DatasetPair gz = DatasetPair.open(IdxFixtures.datasetFolder(dir.resolve("a"), 30, 12, 9, 11, true));
        assertEquals(30, gz.train().size());
        assertEquals(12, gz.test().size());
        assertEquals(9, gz.train().rows());
        assertEquals(11, gz.test().cols());
        assertEquals("a", gz.name());
        DatasetPair plain = DatasetPair.open(IdxFixtures.datasetFolder(dir.resolve("b"), 5, 4, 28, 28, false));
        assertEquals(784, plain.train().dimension());
        assertTrue(DatasetPair.looksLikeDatasetFolder(dir.resolve("b")));
    }

    @Test
    void acceptsTheDottedFileNames() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("c"), 5, 4, 3, 3, false);
        Files.move(f.resolve("train-images-idx3-ubyte"), f.resolve("train-images.idx3-ubyte"));
        assertEquals(5, DatasetPair.open(f).train().size());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("d"), 5, 4, 3, 3, true);
        Files.delete(f.resolve("t10k-labels-idx1-ubyte.gz"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> DatasetPair.open(f));
        assertTrue(e.getReason().contains("t10k-labels-idx1-ubyte"), e.getReason());
        assertFalse(DatasetPair.looksLikeDatasetFolder(f));
        assertThrows(NoSuchFileException.class, () -> DatasetPair.open(dir.resolve("nothing-here")));
    }

    @Test
    void trainAndTestImageSizesMustAgree() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("e"), 5, 4, 3, 3, false);
        Files.write(f.resolve("t10k-images-idx3-ubyte"), IdxFixtures.images(4, 4, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetPair.open(f));
        assertTrue(e.getMessage().contains("3 x 3") && e.getMessage().contains("4 x 4"), e.getMessage());
    }

    @Test
    void corruptFileIsNamed() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("g"), 5, 4, 3, 3, false);
        Files.write(f.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 9, 1});
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> DatasetPair.open(f));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte: truncated"), e.getMessage());
    }

    @Test
    void progressRisesToTheTotalAndCancellationStops() throws IOException {
        Path f = IdxFixtures.datasetFolder(dir.resolve("h"), 50, 20, 28, 28, true);
        List<double[]> seen = new ArrayList<>();
        DatasetPair.open(f, new Progress() {
            @Override
            public void update(double done, double total, String message) {
                seen.add(new double[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        double[] last = seen.get(seen.size() - 1);
        assertEquals(last[1], last[0], 1e-9);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i)[0] >= seen.get(i - 1)[0]);
        }
        assertThrows(CancelledException.class, () -> DatasetPair.open(f, Cancelled.PROGRESS));
    }
}
