package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The point under the cursor, without a display. */
class PointPickerTest {
    private static final float[] SX = {10, 20, 23, 100};
    private static final float[] SY = {10, 10, 10, 100};
    private static final int[] LABELS = {0, 1, 2, 1};

    @Test
    void theNearestPointWithinTheRadiusWins() {
        assertEquals(1, PointPicker.nearest(SX, SY, LABELS, 4, -1, 21, 11, 7));
        assertEquals(2, PointPicker.nearest(SX, SY, LABELS, 4, -1, 22, 10, 7));
        assertEquals(3, PointPicker.nearest(SX, SY, LABELS, 4, -1, 104, 103, 7), "5 px away");
    }

    @Test
    void nothingIsPickedBeyondTheRadius() {
        assertEquals(-1, PointPicker.nearest(SX, SY, LABELS, 4, -1, 60, 60, 7));
        assertEquals(-1, PointPicker.nearest(SX, SY, LABELS, 4, -1, 100, 107.5, 7));
        assertEquals(3, PointPicker.nearest(SX, SY, LABELS, 4, -1, 100, 107, 7), "exactly at the radius");
    }

    @Test
    void whileAClassIsIsolatedOnlyItsPointsArePicked() {
        assertEquals(2, PointPicker.nearest(SX, SY, LABELS, 4, 2, 20, 10, 7), "the grey point under it is passed");
        assertEquals(-1, PointPicker.nearest(SX, SY, LABELS, 4, 0, 20, 10, 7));
    }

    @Test
    void onlyTheFirstNPointsCount() {
        assertEquals(-1, PointPicker.nearest(SX, SY, LABELS, 3, -1, 100, 100, 7));
    }
}
