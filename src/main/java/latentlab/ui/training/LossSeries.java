package latentlab.ui.training;

import java.util.List;

import latentlab.train.EpochRecord;
import latentlab.train.LossTrace;
import latentlab.train.Snapshot;

/**
 * What the loss chart draws, for a plot {@code columns} pixels wide: the minibatch losses averaged per pixel column,
 * a smoothed line over those means — their centred Gaussian-weighted average, s_c = sum w_j m_j / sum w_j over the
 * existing m_j with |j - c| &lt;= h_c and w_j = exp(-(j - c)^2 / 32) (sigma = 4 columns), h_c = 12 or less near
 * either end so that the window stays centred, which, unlike an exponential average, does not lag behind a loss
 * that falls steeply, as in the first epoch — the test loss after each epoch, the VAE's KL term per column, and the ranges of both axes. Columns
 * without a batch hold NaN.
 *
 * @param xMin      epochs at column 0
 * @param xMax      epochs at the last column
 * @param low       bottom of the loss axis (padded by 8% of the range)
 * @param high      top of the loss axis; the first steep twentieth is left out so later progress stays visible
 * @param batchMean mean batch loss per column
 * @param smoothed  the smoothed line per column
 * @param epochAt   epochs (x) of each finite test loss
 * @param testLoss  the test losses, per image
 * @param klMean    mean KL term per column, or null for a plain autoencoder
 * @param klHigh    top of the KL axis (its bottom is 0)
 * @param other     another run's smoothed line per column, or null (see {@link LossOverlay})
 */
public record LossSeries(double xMin, double xMax, double low, double high, double[] batchMean, double[] smoothed,
                         double[] epochAt, double[] testLoss, double[] klMean, double klHigh, double[] other) {
    /** Columns on each side that the smoothed line averages over, and the weights' standard deviation. */
    static final int SMOOTHING_HALF_WIDTH = 12;
    static final double SMOOTHING_SIGMA = 4;

    /** The series of {@code s} over {@code columns} columns, or null when it has no batch losses yet. */
    public static LossSeries of(Snapshot s, int columns) {
        return of(s, columns, null);
    }

    /**
     * As {@link #of(Snapshot, int)}, with another run's losses over the same axes (null: none): the x axis spans
     * both runs, in epochs of each run's own batches; the loss axis takes in the other's line too.
     */
    public static LossSeries of(Snapshot s, int columns, LossOverlay overlay) {
        if (s == null || s.batchLosses().length() == 0) {
            return null;
        }
        int cols = Math.max(1, columns);
        LossTrace.View v = s.batchLosses();
        double perEpoch = Math.max(1, s.batchesPerEpoch());
        double xMax = Math.max(s.step() / perEpoch, v.step(v.length() - 1) / perEpoch);
        double xMin = Math.max(0, (v.step(0) - 1) / perEpoch);
        LossTrace.View ov = overlay == null ? LossTrace.View.empty() : overlay.losses();
        double otherPerEpoch = overlay == null ? 1 : Math.max(1, overlay.batchesPerEpoch());
        if (ov.length() > 0) {
            xMax = Math.max(xMax, ov.step(ov.length() - 1) / otherPerEpoch);
            xMin = Math.min(xMin, Math.max(0, (ov.step(0) - 1) / otherPerEpoch));
        }
        if (xMax - xMin < 1e-9) {
            xMax = xMin + 1 / perEpoch;
        }
        double[] mean = columnMeans(v, perEpoch, xMin, xMax, cols);
        // Range: ignore the first steep drop so later progress stays visible.
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int skip = cols / 20;
        for (int c = 0; c < cols; c++) {
            if (!Double.isNaN(mean[c])) {
                lo = Math.min(lo, mean[c]);
                if (c >= skip) {
                    hi = Math.max(hi, mean[c]);
                }
            }
        }
        double[] other = null;
        if (ov.length() > 0) {
            other = smoothed(columnMeans(ov, otherPerEpoch, xMin, xMax, cols));
            for (int c = skip; c < cols; c++) {
                if (!Double.isNaN(other[c])) {
                    lo = Math.min(lo, other[c]);
                    hi = Math.max(hi, other[c]);
                }
            }
        }
        List<EpochRecord> epochs = s.epochs();
        int finite = (int) epochs.stream().filter(e -> Double.isFinite(e.testLoss())).count();
        double[] at = new double[finite];
        double[] test = new double[finite];
        int i = 0;
        for (EpochRecord e : epochs) {
            if (Double.isFinite(e.testLoss())) {
                lo = Math.min(lo, e.testLoss());
                hi = Math.max(hi, e.testLoss());
                at[i] = e.step() / perEpoch;
                test[i++] = e.testLoss();
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.08;
        double[] smooth = smoothed(mean);
        double[] kl = null;
        double klHigh = 1;
        if (s.klLosses() != null && s.klLosses().length() > 0) {
            kl = columnMeans(s.klLosses(), perEpoch, xMin, xMax, cols);
            double top = 0;
            for (int c = cols / 20; c < cols; c++) {
                if (!Double.isNaN(kl[c])) {
                    top = Math.max(top, kl[c]);
                }
            }
            klHigh = (top > 0 ? top : 1) * 1.1;
        }
        return new LossSeries(xMin, xMax, lo - pad, hi + pad, mean, smooth, at, test, kl, klHigh, other);
    }

    /** The centred weighted average of the finite column means (see the class comment); NaN where a mean is. */
    static double[] smoothed(double[] mean) {
        int cols = mean.length;
        double[] smooth = new double[cols];
        for (int c = 0; c < cols; c++) {
            if (Double.isNaN(mean[c])) {
                smooth[c] = Double.NaN;
                continue;
            }
            double sum = 0;
            double weights = 0;
            int h = Math.min(SMOOTHING_HALF_WIDTH, Math.min(c, cols - 1 - c));
            for (int j = c - h; j <= c + h; j++) {
                if (!Double.isNaN(mean[j])) {
                    double w = Math.exp(-(j - c) * (j - c) / (2 * SMOOTHING_SIGMA * SMOOTHING_SIGMA));
                    sum += w * mean[j];
                    weights += w;
                }
            }
            smooth[c] = sum / weights;
        }
        return smooth;
    }

    /** Mean of the finite values of {@code v} whose steps fall in each column; NaN where none does. */
    private static double[] columnMeans(LossTrace.View v, double perEpoch, double xMin, double xMax, int cols) {
        double[] sum = new double[cols];
        int[] count = new int[cols];
        for (int i = 0; i < v.length(); i++) {
            int c = (int) ((v.step(i) / perEpoch - xMin) / (xMax - xMin) * (cols - 1));
            if (c >= 0 && c < cols && Float.isFinite(v.value(i))) {
                sum[c] += v.value(i);
                count[c]++;
            }
        }
        double[] mean = new double[cols];
        for (int c = 0; c < cols; c++) {
            mean[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
        }
        return mean;
    }

    /** Columns of the plot. */
    public int columns() {
        return batchMean.length;
    }

    /** Whether the KL term has its own axis (a VAE). */
    public boolean hasKl() {
        return klMean != null;
    }
}
