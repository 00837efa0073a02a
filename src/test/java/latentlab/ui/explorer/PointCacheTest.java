package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The points' positions: targets, the glide between snapshots and the screen coordinates, without a display. */
class PointCacheTest {
    private static MapPoints points(float[] x, float[] y, boolean glide) {
        return new MapPoints(x.length, 2, 0, 1, new int[x.length], x, y, new float[0][], glide);
    }

    @Test
    void newPointsJumpAndAnotherCountIsAReshape() {
        PointCache c = new PointCache();
        assertTrue(c.retarget(points(new float[] {1, 2}, new float[] {3, 4}, true), 0), "from none to two points");
        assertArrayEquals(new float[] {1, 2}, c.currentX(), "the first points are where they belong at once");
        assertFalse(c.retarget(points(new float[] {5, 6}, new float[] {7, 8}, true), 1), "same count and k");
        assertTrue(c.retarget(points(new float[] {5, 6, 7}, new float[] {7, 8, 9}, true), 2), "another count");
        assertArrayEquals(new float[] {5, 6, 7}, c.currentX(), "a reshape jumps even when asked to glide");
        assertTrue(c.retarget(new MapPoints(3, 3, 0, 1, new int[3], new float[3], new float[3], new float[0][],
                true), 3), "another k is a reshape too");
    }

    @Test
    void pointsGlideFromWhereTheyAreToTheirTargetsEasingOut() {
        PointCache c = new PointCache();
        c.retarget(points(new float[] {0, 10}, new float[] {0, 0}, false), 0);
        long start = 1_000_000_000L;
        c.retarget(points(new float[] {8, 2}, new float[] {4, 4}, true), start);
        c.advance(start);
        assertArrayEquals(new float[] {0, 10}, c.currentX(), "at the start they are where they were");
        long half = start + Tween.DURATION_NANOS / 2;
        c.advance(half);
        float e = (float) (1 - Math.pow(0.5, 3));
        assertEquals(8 * e, c.currentX()[0], 1e-5, "eased out: 7/8 of the way at half time");
        assertEquals(10 + (2 - 10) * e, c.currentX()[1], 1e-5);
        assertTrue(c.gliding(half));
        // A new snapshot mid-glide: the glide restarts from the current (not the old target) positions.
        float[] mid = c.currentX().clone();
        c.retarget(points(new float[] {0, 0}, new float[] {0, 0}, true), half);
        c.advance(half);
        assertArrayEquals(mid, c.currentX(), 1e-6f, "no jump when the targets change mid-glide");
        long end = half + Tween.DURATION_NANOS;
        c.advance(end);
        assertArrayEquals(new float[] {0, 0}, c.currentX(), "at the end they are at their targets");
        assertFalse(c.gliding(end + 100_000_000L));
    }

    @Test
    void withoutGlideTheyJumpAtOnce() {
        PointCache c = new PointCache();
        c.retarget(points(new float[] {0, 10}, new float[] {0, 0}, false), 0);
        c.retarget(points(new float[] {3, 4}, new float[] {5, 6}, false), 50);
        c.advance(50);
        assertArrayEquals(new float[] {3, 4}, c.currentX());
        assertArrayEquals(new float[] {5, 6}, c.currentY());
    }

    @Test
    void screenCoordinatesFollowTheViewportInOneLoop() {
        PointCache c = new PointCache();
        float[] x = {-1, 0, 0.25f, 1};
        float[] y = {2, -2, 0, 1.5f};
        c.retarget(points(x, y, false), 0);
        Viewport v = new Viewport();
        v.setSize(640, 480);
        v.setBounds(new double[] {-1, 1, -2, 2});
        c.project(v);
        for (int i = 0; i < x.length; i++) {
            assertEquals(v.screenX(x[i]), c.screenX()[i], 1e-3, "x of point " + i);
            assertEquals(v.screenY(y[i]), c.screenY()[i], 1e-3, "y of point " + i);
        }
        float[][] twice = c.scaledScreen(2);
        assertEquals(2 * c.screenX()[3], twice[0][3], 1e-4);
        assertEquals(2 * c.screenY()[3], twice[1][3], 1e-4);
    }

    @Test
    void thumbnailPriorityIsAFixedPermutation() {
        int[] p = PointCache.stableShuffle(1000);
        assertArrayEquals(p, PointCache.stableShuffle(1000), "the same on every run");
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertFalse(Arrays.equals(sorted, p), "shuffled");
    }
}
