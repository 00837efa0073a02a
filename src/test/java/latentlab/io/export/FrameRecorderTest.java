package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Frames of one recording have one size: a frame of another size is scaled to it, never dropped. */
class FrameRecorderTest {
    @Test
    void aFrameOfAnotherSizeIsScaledToTheRecordingsSize() {
        FrameRecorder r = new FrameRecorder(4, 2);
        int a = 0xFF0000FF;
        int b = 0xFF00FF00;
        r.add(new int[] {a, b}, 2, 1);
        r.add(new int[] {a, a, a, a, b, b, b, b}, 4, 2);
        assertEquals(2, r.size());
        assertArrayEquals(new int[] {a, a, b, b, a, a, b, b}, r.frames().get(0), "each pixel doubled across, rows repeated");
        assertArrayEquals(new int[] {a, a, a, a, b, b, b, b}, r.frames().get(1), "the recording's size: unchanged");
    }

    @Test
    void aFrameShrinksByNearestNeighbour() {
        int[] four = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        assertArrayEquals(new int[] {1, 3, 9, 11}, FrameRecorder.scaled(four, 4, 4, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> FrameRecorder.scaled(four, 3, 3, 2, 2));
    }
}
