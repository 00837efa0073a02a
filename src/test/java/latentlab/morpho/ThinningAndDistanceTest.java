package latentlab.morpho;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The skeleton and the distance transform against their definitions. */
class ThinningAndDistanceTest {
    @Test
    void aThickBarThinsToOneLineAlongItsMiddle() {
        int h = 9;
        int w = 20;
        byte[] ink = new byte[h * w];
        for (int y = 3; y <= 5; y++) {
            for (int x = 2; x <= 17; x++) {
                ink[y * w + x] = 1;
            }
        }
        int left = ZhangSuenThinning.thin(ink, h, w);
        int onMiddleRow = 0;
        for (int x = 0; x < w; x++) {
            onMiddleRow += ink[4 * w + x];
        }
        assertEquals(left, onMiddleRow, "every skeleton pixel lies on the middle row");
        assertEquals(14, left, 1);
    }

    @Test
    void distancesEqualTheBruteForceMinimum() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int h = 1 + rnd.nextInt(12);
            int w = 1 + rnd.nextInt(12);
            byte[] ink = new byte[h * w];
            for (int i = 0; i < ink.length; i++) {
                ink[i] = (byte) (rnd.nextDouble() < 0.7 ? 1 : 0);
            }
            double[] d = DistanceTransform.of(ink, h, w);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double best = 0;
                    if (ink[y * w + x] != 0) {
                        best = Double.MAX_VALUE;
                        // Background: every pixel outside the image, and the image's zeros.
                        for (int by = -1; by <= h; by++) {
                            for (int bx = -1; bx <= w; bx++) {
                                boolean outside = by < 0 || bx < 0 || by >= h || bx >= w;
                                if (outside || ink[by * w + bx] == 0) {
                                    best = Math.min(best, Math.hypot(by - y, bx - x));
                                }
                            }
                        }
                    }
                    assertEquals(best, d[y * w + x], 1e-9, "pixel " + y + "," + x);
                }
            }
        }
    }
}
