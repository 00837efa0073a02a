package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import latentlab.compute.ComputePool;
import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.eval.Encoding;
import latentlab.io.format.NpyArray;
import latentlab.io.format.NpyFormatException;
import latentlab.io.format.NpzWriter;
import latentlab.nn.Autoencoder;
import latentlab.testing.SharedMnist;
import latentlab.train.Checkpoint;
import latentlab.ui.shell.DatasetSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codes kept beside a network: used only for the network and images their key names. */
class DisplayCodesFileTest {
    @TempDir
    Path dir;

    private static Dataset images(long seed, int n) {
        Random r = new Random(seed);
        byte[] pixels = new byte[n * 12];
        r.nextBytes(pixels);
        return new Dataset("tiny", 3, 4, pixels, new byte[n]);
    }

    private static float[] codes(int n) {
        float[] c = new float[n * 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = i * 0.25f - 3;
        }
        return c;
    }

    private static float[] read(Path file, Checkpoint cp, Dataset d) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DisplayCodesFile.read(in, file.getFileName().toString(), cp, d);
        }
    }

    private final Checkpoint cp = ModelFileTest.checkpoint();
    private final Dataset d = images(1, 5);

    /** The codes of {@link #d} under {@link #cp}, written. */
    private Path written() throws IOException {
        Path f = dir.resolve("codes.npz");
        DisplayCodesFile.write(f, cp, d, codes(5));
        return f;
    }

    @Test
    void codesComeBackForTheirNetworkAndImages() throws IOException {
        assertArrayEquals(codes(5), read(written(), cp, d));
    }

    @Test
    void codesOfAnotherNetworkOrOtherImagesAreNotUsed() throws IOException {
        Path f = written();
        float[] other = cp.parameters().clone();
        other[3] += 1e-3f;
        Checkpoint changed = new Checkpoint(cp.config(), cp.architecture(), other, cp.optimizerName(),
                cp.optimizerState(), cp.step(), cp.sampler(), cp.epochs(), cp.batchLosses(), cp.klLosses());
        Checkpoint later = new Checkpoint(cp.config(), cp.architecture(), cp.parameters(), cp.optimizerName(),
                cp.optimizerState(), cp.step() + 1, cp.sampler(), cp.epochs(), cp.batchLosses(), cp.klLosses());
        assertNull(read(f, changed, d), "one weight differs");
        assertNull(read(f, later, d), "another step");
        assertNull(read(f, cp, images(2, 5)), "other pixels");
        assertNull(read(f, cp, images(1, 4)), "fewer images");
    }

    @Test
    void aFileThatIsNotSuchAnArchiveIsRefused() throws IOException {
        Path noKey = dir.resolve("no-key.npz");
        new NpzWriter().add("codes", NpyArray.floats(codes(5), 5, 2)).write(noKey);
        assertTrue(assertThrows(NpyFormatException.class, () -> read(noKey, cp, d)).getMessage().contains("'key'"));
        Path wrongShape = dir.resolve("wrong-shape.npz");
        new NpzWriter().add("codes", NpyArray.floats(codes(5), 2, 5))
                .add("key", NpyArray.string(DisplayCodesFile.key(cp, d))).write(wrongShape);
        assertThrows(NpyFormatException.class, () -> read(wrongShape, cp, d));
        assertThrows(NpyFormatException.class, () -> DisplayCodesFile.read(
                new ByteArrayInputStream("not a zip".getBytes()), "text.npz", cp, d));
        assertThrows(IllegalArgumentException.class,
                () -> DisplayCodesFile.write(dir.resolve("short.npz"), cp, d, new float[9]));
    }

    /**
     * The bundled model's kept codes are its codes of the bundled test images (the window's first map): they match a
     * fresh encoding, and their key matches, so the window uses them. Fails when the model or the data change and
     * the file was not made again (resources/latentlab/pretrained/README.md says how).
     */
    @Test
    @Tag("slow")
    void theBundledModelsKeptCodesAreItsCodesOfTheBundledTestImages() throws IOException {
        Checkpoint bundled = ModelFile.loadResource(DatasetSession.PRETRAINED).checkpoint();
        DatasetPair mnist = SharedMnist.pair();
        float[] kept;
        try (InputStream in = DisplayCodesFile.class.getResourceAsStream(DatasetSession.PRETRAINED_CODES)) {
            assertNotNull(in, DatasetSession.PRETRAINED_CODES + " is in the build");
            kept = DisplayCodesFile.read(in, DatasetSession.PRETRAINED_CODES, bundled, mnist.test());
        }
        assertNotNull(kept, "the key names the bundled model and test images");
        Autoencoder net = Autoencoder.withParameters(bundled.architecture(), bundled.parameters());
        float[] fresh;
        try (ComputePool pool = new ComputePool(2)) {
            fresh = Encoding.encode(net, mnist.test(), pool);
        }
        assertEquals(fresh.length, kept.length);
        for (int i = 0; i < fresh.length; i++) {
            // Other vector widths sum in another order: equal to float rounding, not bit for bit, on another CPU.
            assertEquals(fresh[i], kept[i], 1e-4 * (1 + Math.abs(fresh[i])), "value " + i);
        }
    }
}
