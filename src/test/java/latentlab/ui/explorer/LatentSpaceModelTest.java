package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.data.Dataset;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import org.junit.jupiter.api.Test;

/** The shared latent-space model on its own (no display, no JavaFX toolkit). */
class LatentSpaceModelTest {
    static Dataset images(int n) {
        byte[] px = new byte[n * 16];
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            lab[i] = (byte) (i % 3);
            for (int j = 0; j < 16; j++) {
                px[i * 16 + j] = (byte) ((i * 7 + j * 13) % 256);
            }
        }
        return new Dataset("tiny", 4, 4, px, lab);
    }

    static float[] codes(int n, int k) {
        float[] c = new float[n * k];
        for (int i = 0; i < c.length; i++) {
            c[i] = (i * 37 % 101) / 10f - 5;
        }
        return c;
    }

    @Test
    void codesOfAnotherDataSetAreRefusedWithBothSizesAndTheModelIsLeftAsItWas() {
        LatentSpaceModel m = new LatentSpaceModel("Autoencoder", new SelectionModel());
        Autoencoder ae = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1);
        m.setDisplay(images(50));
        float[] good = codes(50, 2);
        m.update(ae, good);
        m.setPosition(0, 1.25f);
        int version = m.versionProperty().get();
        double low = m.low(0);
        int[] histogram = m.histogram(1).clone();
        // The issue-14 case: the display set changed size and the snapshot still holds the old set's codes.
        Autoencoder other = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.update(other, codes(80, 2)));
        assertTrue(e.getMessage().contains("codes of 80 images (k = 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("the 50 images on show"), e.getMessage());
        assertTrue(e.getMessage().contains("Train a model for this data set"), "says what to do: " + e.getMessage());
        assertSame(ae, m.getCodec(), "the model is unchanged");
        assertSame(good, m.getCodes());
        assertEquals(2, m.getLatentSize());
        assertEquals(version, m.versionProperty().get());
        assertEquals(1.25f, m.position().get(0));
        assertEquals(low, m.low(0));
        assertArrayEquals(histogram, m.histogram(1));
    }

    @Test
    void codesThatAreNotWholeCodesAreRefusedEvenWithoutImages() {
        LatentSpaceModel m = new LatentSpaceModel("Autoencoder", new SelectionModel());
        Autoencoder ae = Autoencoder.initialized(Architecture.mirrored(16, 6, 3), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.update(ae, new float[10]));
        assertTrue(e.getMessage().contains("10 code values") && e.getMessage().contains("k = 3"), e.getMessage());
        assertEquals(0, m.getLatentSize());
        assertNull(m.getCodec());
    }

    @Test
    void aModelWithoutLatentDimensionsIsRefused() {
        LatentSpaceModel m = new LatentSpaceModel("PCA", new SelectionModel());
        Codec none = new Codec() {
            @Override
            public int inputSize() {
                return 16;
            }

            @Override
            public int latentSize() {
                return 0;
            }

            @Override
            public String describe() {
                return "an empty model";
            }

            @Override
            public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
            }

            @Override
            public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.update(none, null));
        assertTrue(e.getMessage().contains("an empty model has no latent dimensions"), e.getMessage());
        assertEquals(0, m.getLatentSize());
    }

    @Test
    void rangesAreTheCentralPercentilesWidenedAndTheHistogramsCountTheCodes() {
        int n = 1000;
        float[] c = new float[2 * n];
        for (int i = 0; i < n; i++) {
            c[2 * i] = i / 10f;  // 0 .. 99.9
            c[2 * i + 1] = 3;    // constant
        }
        CodeStatistics s = CodeStatistics.of(c, 2);
        assertEquals(2, s.dimensions());
        double p1 = 0.9;   // order statistic floor(0.01 (m - 1)) of m = 1000
        double p99 = 99.0; // order statistic ceil(0.99 (m - 1))
        double margin = (p99 - p1) * 0.1;
        assertEquals(p1 - margin, s.low(0), 1e-5);
        assertEquals(p99 + margin, s.high(0), 1e-5);
        assertEquals(3 - 1e-3, s.low(1), 1e-6, "a constant dimension gets the smallest range");
        int inRange = 0;
        for (int b : s.histogram(0)) {
            inRange += b;
        }
        assertEquals(n, inRange, "every code lies within the widened range");
        assertEquals(n, s.histogram(1)[CodeStatistics.BINS / 2], "the constant in the middle bin");
        assertEquals(-1, s.low(5), "past the last dimension");
        assertEquals(CodeStatistics.BINS, s.histogram(5).length);
        CodeStatistics none = CodeStatistics.of(null, 3);
        assertArrayEquals(new float[] {0, 0, 0}, none.middle(), "without codes every range is [-1, 1]");
    }

    @Test
    void aVariationalModelGivesTheSelectedImagesCodeAsADistribution() {
        LatentSpaceModel m = new LatentSpaceModel("VAE", new SelectionModel());
        m.setDisplay(images(10));
        Autoencoder plain = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1);
        m.update(plain, codes(10, 2));
        assertNull(m.distributionOf(3), "a plain autoencoder's code is a point");
        Autoencoder vae = Autoencoder.initialized(Architecture.mirrored(16, 6, 2).withVariational(true), 1);
        m.update(vae, codes(10, 2));
        CodeDistribution q = m.distributionOf(3);
        assertNotNull(q);
        float[] mu = new float[2];
        float[] logVar = new float[2];
        vae.encodeDistribution(images(10).image(3), 0, 1, mu, logVar);
        assertArrayEquals(mu, q.mean());
        assertEquals(Math.exp(0.5 * logVar[1]), q.sigma(1), 1e-12);
        assertSame(q, m.distributionOf(3), "kept while the model and the image stay");
        assertNull(m.distributionOf(10), "past the last image");
    }

    @Test
    void reconstructionsTraversalsAndTheCentreComeFromTheModel() {
        LatentSpaceModel m = new LatentSpaceModel("Autoencoder", new SelectionModel());
        assertNull(m.reconstructionOf(0), "no model yet");
        Dataset d = images(12);
        m.setDisplay(d);
        Autoencoder ae = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 3);
        m.update(ae, codes(12, 2));
        Reconstruction r = m.reconstructionOf(5);
        assertEquals(5, r.image());
        assertEquals(d.label(5), r.label());
        assertArrayEquals(d.image(5), r.original());
        float[] expected = new float[16];
        ae.reconstruct(d.image(5), 0, 1, expected, 0);
        assertArrayEquals(expected, r.reconstruction());
        double se = 0;
        for (int j = 0; j < 16; j++) {
            se += Math.pow(r.original()[j] - expected[j], 2);
        }
        assertEquals(se, r.squaredError(), 1e-9);
        assertNull(m.reconstructionOf(12), "past the last image");

        m.position().setAll(0.5f, -1.5f);
        float[] strip = m.traversal(1, -2, 2, 5);
        assertEquals(5 * 16, strip.length);
        float[] third = new float[16];
        ae.decode(new float[] {0.5f, 0}, 0, 1, third, 0);
        assertArrayEquals(third, java.util.Arrays.copyOfRange(strip, 2 * 16, 3 * 16), 1e-6f,
                "the middle step: a2 halfway, a1 at the slider");
        assertNull(m.traversal(2, -2, 2, 5), "no third dimension");

        m.centre();
        assertEquals((m.low(0) + m.high(0)) / 2, m.position().get(0), 1e-6);
        assertEquals((m.low(1) + m.high(1)) / 2, m.position().get(1), 1e-6);
    }
}
