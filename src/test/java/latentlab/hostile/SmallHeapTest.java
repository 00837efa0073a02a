package latentlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.GZIPOutputStream;

import latentlab.cli.Cli;
import latentlab.compute.NotEnoughMemoryException;
import latentlab.compute.Progress;
import latentlab.data.CsvDatasetReader;
import latentlab.data.IdxFixtures;
import latentlab.data.IdxReader;
import latentlab.io.model.ModelFile;
import latentlab.io.model.ModelFileTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that ask for more than the heap, run where the heap is small (the small-heap Surefire execution,
 * {@code -Xmx256m}): each is refused with a message saying how much it needs — none ends in an OutOfMemoryError.
 */
class SmallHeapTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void runsInASmallHeap() {
        assertTrue(Runtime.getRuntime().maxMemory() <= 300L << 20,
                "run by the small-heap execution (-Xmx256m), not with " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB");
    }

    private static void zeros(OutputStream out, long n) throws IOException {
        byte[] chunk = new byte[1 << 20];
        for (long left = n; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
    }

    /** 400 MB of zeros behind a header that says so (a 400 KB file): more than the heap, found before it is full. */
    @Test
    void aGzipBombIsRefusedBeforeItFillsTheHeap() throws IOException {
        Path p = dir.resolve("bomb-idx3-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16)) {
            out.write(IdxFixtures.idx(0x08, new int[] {510_000, 28, 28}, new byte[0]));
            zeros(out, 510_000L * 784);
        }
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class, () -> IdxReader.read(p));
        assertTrue(e.getMessage().startsWith("not enough memory for reading bomb-idx3-ubyte.gz"), e.getMessage());
    }

    /** 200,000 blank 28 x 28 images as CSV text (310 MB, gzipped to a few hundred KB). */
    @Test
    void aCsvGzipBombIsRefusedBeforeItFillsTheHeap() throws IOException {
        Path p = dir.resolve("bomb.csv.gz");
        byte[] line = ("7" + ",0".repeat(784) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16)) {
            for (int i = 0; i < 200_000; i++) {
                out.write(line);
            }
        }
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> CsvDatasetReader.read(p, "bomb", Progress.NONE));
        assertTrue(e.getMessage().startsWith("not enough memory for reading bomb.csv.gz"), e.getMessage());
    }

    /**
     * A valid model file of a 784-16000-2 autoencoder: 25 million parameters, 100 MB, which the heap cannot hold
     * with its sections and the network. (Written section by section: the test itself could not hold it either.)
     */
    @Test
    void aModelFileLargerThanTheHeapCanHoldIsRefused() throws IOException {
        Path p = dir.resolve("big.llm");
        Map<String, byte[]> small = ModelFile.sections(ModelFileTest.checkpoint(), null, null);
        int params = (784 * 16_000 + 16_000) + (16_000 * 2 + 2) + (2 * 16_000 + 16_000) + (16_000 * 784 + 784);
        CRC32 crc = new CRC32();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(file, crc));
            out.write("LLAB".getBytes(StandardCharsets.US_ASCII));
            out.writeShort(1);
            out.writeShort(3);
            for (String name : new String[] {"kind", "training"}) {
                out.writeShort(name.length());
                out.write(name.getBytes(StandardCharsets.US_ASCII));
                out.writeInt(small.get(name).length);
                out.write(small.get(name));
            }
            String[] strings = {"784-16000-2", "2-16000-784", "relu", "identity", "sigmoid"};
            int length = 4;
            for (String s : strings) {
                length += 4 + s.length();
            }
            out.writeShort("network".length());
            out.write("network".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(length + 4 * params);
            for (String s : strings) {
                out.writeInt(s.length());
                out.write(s.getBytes(StandardCharsets.US_ASCII));
            }
            out.writeInt(params);
            zeros(out, 4L * params);
            out.flush();
            new DataOutputStream(file).writeInt((int) crc.getValue());
        }
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class, () -> ModelFile.load(p));
        assertTrue(e.getMessage().startsWith("not enough memory for "), e.getMessage());
    }

    @Test
    void aNetworkLargerThanTheHeapIsRefusedByTrain() throws IOException {
        Path data = IdxFixtures.datasetFolder(dir.resolve("data"), 10, 5, 28, 28, false);
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "train", "--epochs",
                "1", "--arch", "d-30000-2", "--data", data.toString(), "--out", dir.resolve("m.llm").toString());
        assertEquals(Cli.USAGE_ERROR, code, err.toString());
        assertTrue(err.toString().startsWith("error: not enough memory for training 784-30000-2"), err.toString());
    }

    @Test
    void aPcaOfImagesTooLargeForTheHeapIsRefused() throws IOException {
        Path data = IdxFixtures.datasetFolder(dir.resolve("large"), 4, 2, 60, 60, false);
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "pca", "--k", "2",
                "--data", data.toString());
        assertEquals(Cli.USAGE_ERROR, code, err.toString());
        assertTrue(err.toString().startsWith("error: not enough memory for PCA of 60 x 60 images"), err.toString());
    }
}
