package latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scatter's pixel renderer and tick placement, without a display. */
class PixelCanvasTest {
    private static int channel(int argb, int shift) {
        return (argb >>> shift) & 0xFF;
    }

    @Test
    void opaqueDotsCoverTheirCentreAndLeaveTheRestAlone() {
        PixelCanvas c = new PixelCanvas();
        c.resize(20, 10);
        c.clear(0xFFFFFFFF);
        int red = PixelCanvas.premultiply(0xFF0000, 1.0);
        c.dots(new float[] {5f, 15f}, new float[] {5f, 5f}, new int[] {0}, 0, 1, new int[] {red, red},
                new PixelCanvas.Disc(2.5));
        assertEquals(0xFFFF0000, c.pixels()[5 * 20 + 5], "centre of the drawn dot");
        assertEquals(0xFFFFFFFF, c.pixels()[5 * 20 + 15], "the second point was not in the order range");
        assertEquals(0xFFFFFFFF, c.pixels()[0], "far corner untouched");
        int edge = c.pixels()[6 * 20 + 7];
        assertTrue(channel(edge, 8) > 0 && channel(edge, 8) < 255, "anti-aliased edge is a mix: " + Integer.toHexString(edge));
    }

    @Test
    void translucentBlendingIsSourceOverWithinOneLevel() {
        PixelCanvas c = new PixelCanvas();
        c.resize(3, 1);
        c.clear(0xFFFFFFFF);
        int halfBlue = PixelCanvas.premultiply(0x0000FF, 0.5);
        c.dots(new float[] {1f}, new float[] {0f}, new int[] {0}, 0, 1, new int[] {halfBlue}, new PixelCanvas.Disc(1.5));
        int p = c.pixels()[1];
        assertEquals(255, channel(p, 24), 1);
        assertEquals(255, channel(p, 0), 1, "blue");
        assertEquals(128, channel(p, 16), 2, "red halves");
    }

    @Test
    void clippingKeepsDrawingInsideThePlot() {
        PixelCanvas c = new PixelCanvas();
        c.resize(10, 10);
        c.clear(0);
        c.clip(2, 2, 8, 8);
        int black = PixelCanvas.premultiply(0x000000, 1.0);
        c.dots(new float[] {1f}, new float[] {1f}, new int[] {0}, 0, 1, new int[] {black}, new PixelCanvas.Disc(3));
        assertEquals(0, c.pixels()[0], "outside the clip");
        assertEquals(0xFF000000, c.pixels()[2 * 10 + 2], "inside the clip");
        c.hline(0, 10, 5, black);
        assertEquals(0, c.pixels()[5 * 10 + 1]);
        assertEquals(0xFF000000, c.pixels()[5 * 10 + 3]);
    }

    @Test
    void thumbnailsDrawInkAndKeepPaperTransparent() {
        PixelCanvas c = new PixelCanvas();
        c.resize(6, 6);
        c.clear(0);
        byte[] img = {0, (byte) 255, 0, 0};
        c.image(img, 0, 2, 2, 1, 1, 2, 0x336699, 1.0);
        assertEquals(0, c.pixels()[1 * 6 + 1], "paper stays transparent");
        assertEquals(0xFF336699, c.pixels()[1 * 6 + 3], "ink, enlarged 2x");
        assertEquals(0xFF336699, c.pixels()[2 * 6 + 4]);
    }

    @Test
    void niceTicksAreRoundNumbersInsideTheRange() {
        double[] t = NiceTicks.ticks(-1.37, 2.9, 5);
        assertEquals(-1.0, t[0], 1e-12);
        assertEquals(2.0, t[t.length - 1], 1e-12);
        assertEquals(4, t.length);
        assertEquals(0.5, NiceTicks.step(-1.37, 2.9, 10), 1e-12);
        assertEquals("0.5", NiceTicks.label(0.5, 0.5));
        assertEquals("20", NiceTicks.label(20, 10));
        assertTrue(NiceTicks.ticks(1, 1, 5).length <= 1, "an empty range gives at most one tick");
    }
}
