package latentlab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's losses, kept by the training thread: every minibatch's loss (and a VAE's KL term), their exponential moving
 * averages r <- r + 0.05 (x - r), and the finished epochs, with the sums that make the current epoch's record.
 */
final class LossHistory {
    /** Weight of the newest batch in the moving averages. */
    static final double SMOOTHING = 0.05;

    private final LossTrace batchLosses = new LossTrace();
    private final LossTrace klLosses = new LossTrace();
    private final List<EpochRecord> epochs = new ArrayList<>();
    private double runningLoss = Double.NaN;
    private double lastBatchLoss = Double.NaN;
    private double runningKl = Double.NaN;
    private double epochLossSum;
    private int epochSamples;
    private long epochNanos;

    /** Forgets everything (a new run). */
    void clear() {
        batchLosses.clear();
        klLosses.clear();
        epochs.clear();
        runningLoss = Double.NaN;
        lastBatchLoss = Double.NaN;
        runningKl = Double.NaN;
        epochLossSum = 0;
        epochSamples = 0;
        epochNanos = 0;
    }

    /** Takes over a saved run's history; the averages are replayed over it, as the window showed them when saved. */
    void restore(Checkpoint cp) {
        epochs.addAll(cp.epochs());
        LossTrace.View v = cp.batchLosses();
        for (int i = 0; i < v.length(); i++) {
            batchLosses.add(v.step(i), v.value(i));
            runningLoss = smooth(runningLoss, v.value(i));
        }
        if (v.length() > 0) {
            lastBatchLoss = v.value(v.length() - 1);
        }
        LossTrace.View kv = cp.klLosses();
        for (int i = 0; i < kv.length(); i++) {
            klLosses.add(kv.step(i), kv.value(i));
        }
        if (kv.length() > 0) {
            runningKl = kv.value(kv.length() - 1);
        }
    }

    private static double smooth(double running, double x) {
        return Double.isNaN(running) ? x : running + SMOOTHING * (x - running);
    }

    /** Training time spent on the current epoch (including a step that diverged). */
    void addTrainingTime(long nanos) {
        epochNanos += nanos;
    }

    /**
     * Step {@code step} trained on {@code rows} images with per-image objective {@code loss}; for a VAE {@code kl}
     * is its KL term per image.
     */
    void record(long step, double loss, double kl, boolean vae, int rows) {
        lastBatchLoss = loss;
        runningLoss = smooth(runningLoss, loss);
        batchLosses.add(step, loss);
        if (vae) {
            klLosses.add(step, kl);
            runningKl = smooth(runningKl, kl);
        }
        epochLossSum += loss * rows;
        epochSamples += rows;
    }

    /** Closes the current epoch with its test figures (NaN when not evaluated) and starts the next. */
    EpochRecord finishEpoch(int epoch, long step, double testLoss, double testSquaredError, double testKl) {
        double seconds = epochNanos / 1e9;
        EpochRecord rec = new EpochRecord(epoch, step, epochLossSum / Math.max(1, epochSamples), testLoss,
                testSquaredError, seconds, epochSamples / Math.max(1e-9, seconds), testKl);
        epochs.add(rec);
        epochLossSum = 0;
        epochSamples = 0;
        epochNanos = 0;
        return rec;
    }

    double runningLoss() {
        return runningLoss;
    }

    double lastBatchLoss() {
        return lastBatchLoss;
    }

    double runningKl() {
        return runningKl;
    }

    LossTrace.View batchLosses() {
        return batchLosses.view();
    }

    LossTrace.View klLosses() {
        return klLosses.view();
    }

    /** The finished epochs (a copy). */
    List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }
}
