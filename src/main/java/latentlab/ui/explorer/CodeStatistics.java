package latentlab.ui.explorer;

import java.util.Arrays;

/**
 * Per latent dimension j of a set of codes: the slider's range [low(j), high(j)], the 1st to 99th percentile
 * widened by 10% of its width on each side (at least 0.001), and a histogram of the codes in
 * {@link #BINS} equal bins over that range (codes outside it are not counted). The percentiles come from at most
 * 4096 evenly spaced codes, cheap enough for every training snapshot and stable enough to read.
 *
 * <p>Plain Java; immutable (the accessors hand out the arrays, which nobody writes).
 */
final class CodeStatistics {
    /** Bins of the histograms. */
    static final int BINS = 40;

    private final double[] low;
    private final double[] high;
    private final int[][] histograms;

    private CodeStatistics(double[] low, double[] high, int[][] histograms) {
        this.low = low;
        this.high = high;
        this.histograms = histograms;
    }

    /** Statistics of {@code codes} ({@code n x k}, row-major); with no codes every range is [-1, 1]. */
    static CodeStatistics of(float[] codes, int k) {
        double[] low = new double[k];
        double[] high = new double[k];
        int[][] histograms = new int[k][BINS];
        if (codes == null || codes.length == 0) {
            Arrays.fill(low, -1);
            Arrays.fill(high, 1);
            return new CodeStatistics(low, high, histograms);
        }
        int n = codes.length / k;
        int stride = Math.max(1, n / 4096);
        int m = (n + stride - 1) / stride;
        float[] sample = new float[m];
        for (int j = 0; j < k; j++) {
            for (int s = 0; s < m; s++) {
                sample[s] = codes[Math.min(n - 1, s * stride) * k + j];
            }
            Arrays.sort(sample);
            double p1 = sample[(int) (0.01 * (m - 1))];
            double p99 = sample[(int) Math.ceil(0.99 * (m - 1))];
            double margin = Math.max(1e-3, (p99 - p1) * 0.1);
            low[j] = p1 - margin;
            high[j] = p99 + margin;
            double width = high[j] - low[j];
            for (int i = 0; i < n; i++) {
                int b = (int) ((codes[i * k + j] - low[j]) / width * BINS);
                if (b >= 0 && b < BINS) {
                    histograms[j][b]++;
                }
            }
        }
        return new CodeStatistics(low, high, histograms);
    }

    /** Number of dimensions. */
    int dimensions() {
        return low.length;
    }

    /** Lower end of dimension j's range; -1 past the last dimension. */
    double low(int j) {
        return j < low.length ? low[j] : -1;
    }

    /** Upper end of dimension j's range; 1 past the last dimension. */
    double high(int j) {
        return j < high.length ? high[j] : 1;
    }

    /** The middle of every dimension's range. */
    float[] middle() {
        float[] mid = new float[low.length];
        for (int j = 0; j < mid.length; j++) {
            mid[j] = (float) ((low[j] + high[j]) / 2);
        }
        return mid;
    }

    /** Counts of dimension j in {@link #BINS} bins over [low(j), high(j)]; all zero past the last dimension. */
    int[] histogram(int j) {
        return j < histograms.length ? histograms[j] : new int[BINS];
    }
}
