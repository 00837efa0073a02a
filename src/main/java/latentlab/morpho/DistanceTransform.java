package latentlab.morpho;

/**
 * The exact Euclidean distance transform: for every ink pixel, the distance from its centre to the centre of the
 * nearest background pixel (0 on background). Computed as two passes of the one-dimensional squared distance transform
 * by the lower envelope of parabolas: P. F. Felzenszwalb and D. P. Huttenlocher, "Distance Transforms of Sampled
 * Functions", Theory of Computing 8:415–428, 2012 — linear in the number of pixels.
 */
final class DistanceTransform {
    private static final double FAR = 1e20;

    private DistanceTransform() {
    }

    /**
     * Distances for {@code ink} (non-zero = ink; row-major {@code height × width}); pixels outside the image count as
     * background, so the outermost ink pixels are at distance 1 at most.
     */
    static double[] of(byte[] ink, int height, int width) {
        // Pad by one background pixel all round, so that the image's edge bounds the distances.
        int h = height + 2;
        int w = width + 2;
        double[] f = new double[h * w];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                f[(y + 1) * w + x + 1] = ink[y * width + x] != 0 ? FAR : 0;
            }
        }
        int m = Math.max(h, w);
        double[] line = new double[m];
        double[] out = new double[m];
        int[] v = new int[m];
        double[] z = new double[m + 1];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = f[y * w + x];
            }
            squared1d(line, h, out, v, z);
            for (int y = 0; y < h; y++) {
                f[y * w + x] = out[y];
            }
        }
        double[] d = new double[height * width];
        for (int y = 0; y < h; y++) {
            System.arraycopy(f, y * w, line, 0, w);
            squared1d(line, w, out, v, z);
            if (y >= 1 && y <= height) {
                for (int x = 1; x <= width; x++) {
                    d[(y - 1) * width + x - 1] = Math.sqrt(out[x]);
                }
            }
        }
        return d;
    }

    /** d(q) = min over p of (q − p)² + f(p), for q in [0, n). */
    private static void squared1d(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }

    /** Where the parabolas rooted at q and p intersect. */
    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
