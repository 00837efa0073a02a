package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import latentlab.data.Dataset;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.Codec;
import org.junit.jupiter.api.Test;

/**
 * One update of a latent space decodes the sliders' image and the traversal strip once, though both its new network
 * and its new codes redraw them; a moved slider or the next update decodes again.
 */
class DecoderMemoTest {
    /** Counts the decoder's calls of a real network. */
    private static final class Counting implements Codec {
        final Autoencoder net = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 3);
        final AtomicInteger decodes = new AtomicInteger();

        @Override
        public int inputSize() {
            return net.inputSize();
        }

        @Override
        public int latentSize() {
            return net.latentSize();
        }

        @Override
        public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
            net.encode(x, xOff, n, a, aOff);
        }

        @Override
        public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
            decodes.incrementAndGet();
            net.decode(a, aOff, n, x, xOff);
        }

        @Override
        public String describe() {
            return "counting " + net.describe();
        }
    }

    @Test
    void theSameRequestWithinAnUpdateIsDecodedOnce() {
        LatentSpaceModel m = new LatentSpaceModel("Autoencoder", new SelectionModel());
        m.setDisplay(new Dataset("tiny", 4, 4, new byte[3 * 16], new byte[3]));
        Counting c = new Counting();
        float[] out = new float[16];
        // What the sliders do when the network and then the codes arrive: both redraw.
        m.codecProperty().addListener(o -> {
            m.decodePosition(out);
            m.traversal(0, -1, 1, 5);
        });
        m.codesProperty().addListener(o -> {
            m.decodePosition(out);
            m.traversal(0, -1, 1, 5);
        });
        m.update(c, new float[] {0, 1, 2, 3, 4, 5});
        assertEquals(2, c.decodes.get(), "the image and the strip, once each");
        assertArrayEquals(c.net.decode(m.position().toArray(new float[2])), out, "the network's image");
        m.setPosition(0, 0.5f);
        m.decodePosition(out);
        assertEquals(3, c.decodes.get(), "a moved slider decodes again");
        m.decodePosition(out);
        m.traversal(0, -1, 1, 5);
        assertEquals(3, c.decodes.get(), "nothing new to decode");
        m.traversal(0, -2, 1, 5);
        assertEquals(4, c.decodes.get(), "another range");
        m.update(c, new float[] {0, 1, 2, 3, 4, 5});
        assertTrue(c.decodes.get() >= 6, "the next update decodes afresh, even the same network object");
    }
}
