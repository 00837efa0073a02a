package latentlab.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both implementations of the PCA's byte scan against its formula (the other byte loops: PixelNeighbourIndexTest). */
class ByteKernelsTest {
    static Stream<ByteKernels> kernels() {
        return Stream.of(ByteKernels.get(), ByteKernels.scalar());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void scanImageMarksChangedPixelsAndCountsInk(ByteKernels kern) {
        Random r = new Random(13);
        for (int len : new int[] {1, 63, 64, 65, 784}) {
            byte[] reference = new byte[len];
            byte[] changed = new byte[len];
            byte[] inked = new byte[len];
            int[] expectedInk = new int[len];
            byte[] expectedChanged = new byte[len];
            r.nextBytes(reference);
            for (int image = 0; image < 200; image++) {
                byte[] x = new byte[len + 4];
                for (int j = 0; j < len; j++) {
                    // black, the extremes (-128 and -1 as signed bytes: 128 and 255) and the reference value
                    int pick = r.nextInt(6);
                    x[2 + j] = pick == 0 ? 0 : pick == 1 ? (byte) 128 : pick == 2 ? (byte) 255
                            : pick == 3 ? reference[j] : (byte) r.nextInt(256);
                    expectedChanged[j] |= (byte) (x[2 + j] ^ reference[j]);
                    expectedInk[j] += x[2 + j] == 0 ? 0 : 1;
                }
                kern.scanImage(x, 2, reference, changed, inked, len);
            }
            assertArrayEquals(expectedChanged, changed, "len " + len);
            for (int j = 0; j < len; j++) {
                assertEquals(expectedInk[j], inked[j] & 0xFF, "ink of pixel " + j);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rangesOutsideTheArraysAreRefused(ByteKernels kern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kern.dots(new byte[20], 3, 7, new float[7], new float[3]));
        assertTrue(e.getMessage().contains("3 rows of 7 bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kern.dots(new byte[21], 3, 7, new float[6], new float[3]));
        assertThrows(IllegalArgumentException.class,
                () -> kern.standardise(new byte[8], 2, 7, new float[7], new float[7], new float[7], 0));
        assertThrows(IllegalArgumentException.class,
                () -> kern.scanImage(new byte[8], 0, new byte[8], new byte[7], new byte[8], 8));
    }
}
