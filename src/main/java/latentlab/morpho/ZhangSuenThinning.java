package latentlab.morpho;

/**
 * Thins a binary image to a one-pixel-wide skeleton by the parallel algorithm of T. Y. Zhang and C. Y. Suen, "A fast
 * parallel algorithm for thinning digital patterns", Communications of the ACM 27(3):236–239, 1984.
 *
 * <p>With the 8 neighbours of a pixel P1 named P2 (north) to P9 clockwise, B(P1) their number of ink pixels and A(P1)
 * the number of background→ink transitions in the cycle P2, P3, …, P9, P2, each iteration has two sub-iterations that
 * delete, all at once, every ink pixel with 2 ≤ B ≤ 6 and A = 1 and, in the first, P2·P4·P6 = 0 and P4·P6·P8 = 0
 * (south-east boundary and north-west corner), in the second, P2·P4·P8 = 0 and P2·P6·P8 = 0. It stops when an
 * iteration deletes nothing.
 */
final class ZhangSuenThinning {
    private ZhangSuenThinning() {
    }

    /**
     * Thins {@code ink} (1 = ink, 0 = background; row-major, {@code height × width}) in place. The outermost rows and
     * columns must be background (callers pad the image by one pixel).
     *
     * @return the number of skeleton pixels left
     */
    static int thin(byte[] ink, int height, int width) {
        int n = 0;
        int[] live = new int[height * width];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                if (ink[y * width + x] != 0) {
                    live[n++] = y * width + x;
                }
            }
        }
        int[] delete = new int[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pass = 0; pass < 2; pass++) {
                int d = 0;
                for (int i = 0; i < n; i++) {
                    int p = live[i];
                    if (deletable(ink, p, width, pass)) {
                        delete[d++] = p;
                    }
                }
                if (d > 0) {
                    changed = true;
                    for (int i = 0; i < d; i++) {
                        ink[delete[i]] = 0;
                    }
                    int kept = 0;
                    for (int i = 0; i < n; i++) {
                        if (ink[live[i]] != 0) {
                            live[kept++] = live[i];
                        }
                    }
                    n = kept;
                }
            }
        }
        return n;
    }

    private static boolean deletable(byte[] ink, int p, int w, int pass) {
        int p2 = ink[p - w];
        int p3 = ink[p - w + 1];
        int p4 = ink[p + 1];
        int p5 = ink[p + w + 1];
        int p6 = ink[p + w];
        int p7 = ink[p + w - 1];
        int p8 = ink[p - 1];
        int p9 = ink[p - w - 1];
        int b = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
        if (b < 2 || b > 6) {
            return false;
        }
        int a = rise(p2, p3) + rise(p3, p4) + rise(p4, p5) + rise(p5, p6) + rise(p6, p7) + rise(p7, p8) + rise(p8, p9)
                + rise(p9, p2);
        if (a != 1) {
            return false;
        }
        if (pass == 0) {
            return p2 * p4 * p6 == 0 && p4 * p6 * p8 == 0;
        }
        return p2 * p4 * p8 == 0 && p2 * p6 * p8 == 0;
    }

    private static int rise(int from, int to) {
        return from == 0 && to != 0 ? 1 : 0;
    }
}
