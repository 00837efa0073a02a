package latentlab.pca;

import java.util.Random;

import latentlab.data.Dataset;

/** Small byte-image data sets with known structure for the PCA tests. */
final class Synthetic {
    private Synthetic() {
    }

    /** Row r of the 16 x 16 Sylvester Hadamard matrix: (-1)^popcount(r & p). Rows are orthogonal, |h_r|^2 = 16. */
    static int hadamard(int r, int p) {
        return Integer.bitCount(r & p) % 2 == 0 ? 1 : -1;
    }

    /** The Hadamard rows used as axes, and their amplitudes in grey levels (sum 108, so pixels stay in 20..236). */
    static final int[] AXIS_ROWS = {1, 2, 4, 8, 15};
    static final int[] AMPLITUDES = {40, 30, 20, 12, 6};
    /** Values of the four constant pixels appended after the 16 varying ones. */
    static final int[] CONSTANT_PIXELS = {0, 255, 7, 7};

    /**
     * 4 x 5 images: pixels 0..15 are 128 + sum_i e_i A_i h_{r_i}[p] over every sign pattern e in {-1, 1}^5, each
     * pattern {@code repeats} times (N = 32 repeats); pixels 16..19 are constant. The mean is exactly 128 on the
     * varying pixels, and the covariance (pixels / 255) has exactly the eigenvectors h_{r_i} / 4 (zero on the constant
     * pixels) with eigenvalues N/(N-1) * 16 A_i^2 / 255^2, and eigenvalue 0 on the rest.
     */
    static Dataset hadamardDesign(int repeats) {
        int n = 32 * repeats;
        int d = 20;
        byte[] px = new byte[n * d];
        for (int i = 0; i < n; i++) {
            int pattern = i % 32;
            for (int p = 0; p < 16; p++) {
                int v = 128;
                for (int a = 0; a < AXIS_ROWS.length; a++) {
                    int sign = (pattern >> a & 1) == 0 ? 1 : -1;
                    v += sign * AMPLITUDES[a] * hadamard(AXIS_ROWS[a], p);
                }
                px[i * d + p] = (byte) v;
            }
            for (int c = 0; c < 4; c++) {
                px[i * d + 16 + c] = (byte) CONSTANT_PIXELS[c];
            }
        }
        return new Dataset("hadamard design", 4, 5, px, new byte[n]);
    }

    /** The expected variance along axis a of {@link #hadamardDesign}. */
    static double hadamardVariance(int a, int n) {
        double amp = AMPLITUDES[a] / 255.0;
        return n / (n - 1.0) * 16 * amp * amp;
    }

    /**
     * n random images of rows x cols with correlated pixels (a few smooth random "strokes" plus noise), clipped to
     * bytes, like digits: some pixels saturate at 0, and the first column is always 0 (a constant pixel).
     */
    static Dataset correlated(long seed, int n, int rows, int cols) {
        Random r = new Random(seed);
        int d = rows * cols;
        int factors = 6;
        double[][] basis = new double[factors][d];
        for (double[] b : basis) {
            for (int p = 0; p < d; p++) {
                b[p] = r.nextGaussian();
            }
        }
        byte[] px = new byte[n * d];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[factors];
            for (int f = 0; f < factors; f++) {
                z[f] = r.nextGaussian() * (factors - f) * 12;
            }
            for (int p = 0; p < d; p++) {
                if (p % cols == 0) {
                    continue;
                }
                double v = 60 + 25 * r.nextGaussian();
                for (int f = 0; f < factors; f++) {
                    v += z[f] * basis[f][p];
                }
                px[i * d + p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
            labels[i] = (byte) (i % 10);
        }
        return new Dataset("correlated " + seed, rows, cols, px, labels);
    }

    /** Image i scaled to [0, 1] as doubles. */
    static double[] image(Dataset data, int i) {
        double[] x = new double[data.dimension()];
        for (int p = 0; p < x.length; p++) {
            x[p] = data.pixel(i, p) / 255.0;
        }
        return x;
    }
}
