package latentlab.eval;

import java.util.Arrays;

/**
 * Spearman's rank correlation ρ: Pearson's correlation of the ranks, ties given the mean of the ranks they span
 * (C. Spearman, "The proof and measurement of association between two things", Am. J. Psychol. 15(1), 1904). It
 * measures how monotonically one quantity follows another, whatever the scale: a code dimension that grows with the
 * slant has ρ near 1 even if the relation is curved.
 */
public final class SpearmanCorrelation {
    private SpearmanCorrelation() {
    }

    /**
     * The ranks 1..n of {@code values}, ties sharing the mean of their ranks. NaN is not allowed (callers drop such
     * rows first).
     */
    public static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("value " + i + " is NaN: drop such rows before ranking");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                ranks[order[t]] = mean;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** ρ of two equally long series of values (no NaN). */
    public static double of(double[] x, double[] y) {
        return ofRanks(ranks(x), ranks(y));
    }

    /**
     * Pearson's correlation of two rank vectors: Σ (rx − r̄)(ry − r̄) / √(Σ (rx − r̄)² Σ (ry − r̄)²); 0 when either
     * is constant (a dimension that never changes tracks nothing).
     */
    public static double ofRanks(double[] rx, double[] ry) {
        if (rx.length != ry.length) {
            throw new IllegalArgumentException("series of " + rx.length + " and " + ry.length + " values");
        }
        int n = rx.length;
        if (n < 2) {
            return 0;
        }
        double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
