package latentlab.embed;

/**
 * The standardisation of {@link LogisticRegression}'s features: each feature is shifted and scaled to mean 0 and
 * variance 1 with the mean and (population) standard deviation of the <em>training</em> features only, as
 * scikit-learn's StandardScaler does; features that are constant in the training set (MNIST's border pixels, or most
 * pixels among 10 images) get scale 0.
 */
final class Standardisation {
    private Standardisation() {
    }

    /** Mean and 1/std of every feature over all rows, in double (two passes: mean first, then squared deviations). */
    static void fit(FeatureMatrix f, float[] mean, float[] invStd) {
        int n = f.rows();
        int d = f.columns();
        float[] buf = new float[LogisticRegression.CHUNK * d];
        double[] sum = new double[d];
        for (int r0 = 0; r0 < n; r0 += LogisticRegression.CHUNK) {
            int rows = Math.min(LogisticRegression.CHUNK, n - r0);
            f.copyRows(r0, r0 + rows, buf, 0);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    sum[j] += buf[r * d + j];
                }
            }
        }
        double[] mu = new double[d];
        for (int j = 0; j < d; j++) {
            mu[j] = sum[j] / n;
        }
        double[] ss = new double[d];
        for (int r0 = 0; r0 < n; r0 += LogisticRegression.CHUNK) {
            int rows = Math.min(LogisticRegression.CHUNK, n - r0);
            f.copyRows(r0, r0 + rows, buf, 0);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    double dev = buf[r * d + j] - mu[j];
                    ss[j] += dev * dev;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = (float) mu[j];
            double sd = Math.sqrt(ss[j] / n);
            // Constant up to rounding: no information, and 1/sd would blow rounding noise up to unit variance.
            invStd[j] = sd > 1e-6 * Math.max(1, Math.abs(mu[j])) ? (float) (1 / sd) : 0f;
        }
    }
}
