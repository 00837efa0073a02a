package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import latentlab.math.Rng;
import org.junit.jupiter.api.Test;

/** Which images get a thumbnail: no overlaps, inside the plot, in priority order; without a display. */
class ThumbnailLayoutTest {
    private static final int CELL = 30;

    private static int choose(float[] sx, float[] sy, int[] labels, int[] priority, int isolated, int[] out) {
        return ThumbnailLayout.choose(sx, sy, labels, priority, sx.length, isolated, 50, 10, 750, 550, CELL, 800,
                600, out);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    @Test
    void chosenThumbnailsNeverOverlapAndLieInThePlot() {
        int n = 5000;
        Rng r = new Rng(7);
        float[] sx = new float[n];
        float[] sy = new float[n];
        for (int i = 0; i < n; i++) {
            sx[i] = (float) (r.nextDouble() * 800);
            sy[i] = (float) (r.nextDouble() * 600);
        }
        int[] out = new int[ThumbnailLayout.LIMIT];
        int count = choose(sx, sy, new int[n], PointCache.stableShuffle(n), -1, out);
        assertTrue(count > 100, "a dense cloud still gets many thumbnails: " + count);
        for (int a = 0; a < count; a++) {
            int i = out[a];
            assertTrue(sx[i] >= 50 && sx[i] < 750 && sy[i] >= 10 && sy[i] < 550, "inside the plot");
            for (int b = a + 1; b < count; b++) {
                int j = out[b];
                assertTrue(Math.abs(sx[i] - sx[j]) >= CELL || Math.abs(sy[i] - sy[j]) >= CELL,
                        "thumbnails " + i + " and " + j + " overlap");
            }
        }
    }

    @Test
    void earlierPriorityWinsAndSpreadingOutMakesRoomForMore() {
        float[] sx = {280, 290, 320, 325};
        float[] sy = {280, 285, 320, 320};
        int[] out = new int[4];
        int count = choose(sx, sy, new int[4], new int[] {1, 0, 3, 2}, -1, out);
        assertEquals(2, count);
        assertEquals(1, out[0], "of two overlapping points the one tried first");
        assertEquals(3, out[1]);
        // Zoomed in three times about (300, 300): the first two points are far enough apart now.
        float[] zx = new float[4];
        float[] zy = new float[4];
        for (int i = 0; i < 4; i++) {
            zx[i] = (sx[i] - 300) * 3 + 300;
            zy[i] = (sy[i] - 300) * 3 + 300;
        }
        assertEquals(3, choose(zx, zy, new int[4], new int[] {1, 0, 3, 2}, -1, out), "more room after zooming in");
    }

    @Test
    void isolatingAClassLeavesOthersWithoutThumbnailsAndTheLimitHolds() {
        float[] sx = {100, 200, 300, 400};
        float[] sy = {100, 100, 100, 100};
        int[] out = new int[4];
        int count = choose(sx, sy, new int[] {0, 1, 0, 1}, identity(4), 1, out);
        assertEquals(2, count);
        assertEquals(Arrays.toString(new int[] {1, 3}), Arrays.toString(Arrays.copyOf(out, count)));
        int[] two = new int[2];
        assertEquals(2, choose(sx, sy, new int[4], identity(4), -1, two), "no more than the output holds");
    }
}
