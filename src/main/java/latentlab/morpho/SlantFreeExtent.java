package latentlab.morpho;

/**
 * Width and height of the ink once the slant is removed: the distance between the {@code f/2} and {@code 1 − f/2}
 * quantiles of the ink along the sheared horizontal coordinate x′ = x − s (y − ȳ), and along y. Each pixel's ink is
 * spread evenly over the unit interval around its coordinate, so a solid bar of width w measures (1 − f) w.
 */
final class SlantFreeExtent {
    private SlantFreeExtent() {
    }

    static double width(float[] image, int offset, int rows, int cols, double shear, double ybar, double f) {
        int n = 0;
        double[] pos = new double[rows * cols];
        double[] mass = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = MorphometricMeter.clamp(image[offset + r * cols + c]);
                if (v > 0) {
                    pos[n] = c - shear * (r - ybar);
                    mass[n] = v;
                    n++;
                }
            }
        }
        return quantile(pos, mass, n, 1 - f / 2) - quantile(pos, mass, n, f / 2);
    }

    static double height(float[] image, int offset, int rows, int cols, double f) {
        double[] pos = new double[rows];
        double[] mass = new double[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            double m = 0;
            for (int c = 0; c < cols; c++) {
                m += MorphometricMeter.clamp(image[offset + r * cols + c]);
            }
            if (m > 0) {
                pos[n] = r;
                mass[n] = m;
                n++;
            }
        }
        return quantile(pos, mass, n, 1 - f / 2) - quantile(pos, mass, n, f / 2);
    }

    /**
     * The q-quantile of the ink: the t at which F(t) = Σ m_i · clamp(t − p_i + ½, 0, 1) / Σ m_i reaches q, each
     * pixel's mass spread evenly over [p_i − ½, p_i + ½] (found by bisection: F is continuous and non-decreasing).
     */
    private static double quantile(double[] pos, double[] mass, int n, double q) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double total = 0;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, pos[i] - 0.5);
            hi = Math.max(hi, pos[i] + 0.5);
            total += mass[i];
        }
        double target = q * total;
        for (int iter = 0; iter < 40 && hi - lo > 1e-7; iter++) {
            double mid = 0.5 * (lo + hi);
            double below = 0;
            for (int i = 0; i < n; i++) {
                double share = mid - pos[i] + 0.5;
                below += mass[i] * (share <= 0 ? 0 : share >= 1 ? 1 : share);
            }
            if (below < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
