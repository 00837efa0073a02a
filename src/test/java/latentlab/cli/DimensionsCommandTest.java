package latentlab.cli;

import static latentlab.cli.CliTest.assertOneLineError;
import static latentlab.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.data.IdxFixtures;
import latentlab.io.export.DimensionsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dimensions} on the bundled pre-trained model: the table, the CSV files and their headers. */
class DimensionsCommandTest {
    static final String MODEL = "resources/latentlab/pretrained/mnist-784-256-64-2.llm";

    @TempDir
    Path dir;

    /** The first 400 training and 300 test images of the bundled MNIST, as a data set folder. */
    private Path smallMnist() throws Exception {
        DatasetPair mnist = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        Path folder = Files.createDirectories(dir.resolve("small"));
        write(folder, "train", mnist.train().first(400));
        write(folder, "t10k", mnist.test().first(300));
        return folder;
    }

    private static void write(Path folder, String split, Dataset d) throws Exception {
        byte[] px = new byte[d.size() * d.dimension()];
        byte[] labels = new byte[d.size()];
        for (int i = 0; i < d.size(); i++) {
            d.copyRaw(i, px, i * d.dimension());
            labels[i] = (byte) d.label(i);
        }
        IdxFixtures.write(folder, split + "-images-idx3-ubyte",
                IdxFixtures.idx(0x08, new int[] {d.size(), d.rows(), d.cols()}, px));
        IdxFixtures.write(folder, split + "-labels-idx1-ubyte", IdxFixtures.idx(0x08, new int[] {d.size()}, labels));
    }

    @Test
    void printsOneRowPerDimensionAndWritesBothFiles() throws Exception {
        Path out = dir.resolve("analysis.csv");
        Path morpho = dir.resolve("morpho.csv");
        CliTest.Run r = run("dimensions", "--model", MODEL, "--data", smallMnist().toString(), "--out",
                out.toString(), "--morpho", morpho.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model: autoencoder 784-256-64-2"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("a1 ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("a2 ")), r.out());
        assertTrue(r.out().contains("disentanglement"), r.out());
        List<String> rows = Files.readAllLines(out);
        assertEquals(DimensionsCsv.header(), rows.get(0));
        assertEquals("dim,r_ink,r_area,r_length,r_thickness,r_slant,r_width,r_height,label_mi_bits,change_ink,"
                + "change_area,change_length,change_thickness,change_slant,change_width,change_height", rows.get(0));
        assertEquals(3, rows.size(), "a header and one row per dimension");
        assertTrue(rows.get(1).startsWith("a1,"));
        List<String> images = Files.readAllLines(morpho);
        assertEquals("index,label,ink,area,length,thickness,slant,width,height", images.get(0));
        assertEquals(301, images.size());
        assertTrue(images.get(1).startsWith("0,7,"), "the first test image is a 7");
    }

    @Test
    void aMissingModelIsOneLine() {
        CliTest.Run r = run("dimensions", "--model", dir.resolve("nope.llm").toString());
        assertOneLineError(r, "nope.llm");
    }
}
