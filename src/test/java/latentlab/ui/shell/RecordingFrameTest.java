package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** A frame of another size than the recording's is cut or padded to it, top-left kept (no toolkit). */
class RecordingFrameTest {
    @Test
    void aSmallerFrameIsPaddedWithTheBackgroundAndALargerOneCut() {
        int[] two = {9, 1, 2, 3}; // 2 x 2, background 9
        assertArrayEquals(new int[] {9, 1, 9, 2, 3, 9, 9, 9, 9}, Exports.fitted(two, 2, 2, 3, 3));
        int[] three = {1, 2, 3, 4, 5, 6, 7, 8, 9}; // 3 x 3
        assertArrayEquals(new int[] {1, 2, 4, 5}, Exports.fitted(three, 3, 3, 2, 2));
        assertArrayEquals(new int[] {1, 2, 3}, Exports.fitted(three, 3, 3, 3, 1));
    }
}
