package latentlab.train;

import java.util.Locale;

/**
 * The one-cycle learning-rate policy (Smith and Topin, "Super-convergence: very fast training of neural networks
 * using large learning rates", 2018; in the cosine form of fastai and PyTorch's {@code OneCycleLR}), applied at every
 * step. Over the first fraction {@code w} of the run the rate rises from lr / 25 to the peak lr, then falls to
 * lr / 250000: with progress t = step / total steps in [0, 1),
 * <pre>
 * t &lt; w:   rate = lr/25 + (lr - lr/25) (1 - cos(pi t / w)) / 2
 * t &gt;= w:  rate = lr_end + (lr - lr_end) (1 + cos(pi (t - w) / (1 - w))) / 2,   lr_end = lr / 250000
 * </pre>
 * The warm-up lets a larger peak rate be used without diverging while Adam's moment estimates settle; the long
 * anneal to almost nothing is what removes the minibatch noise from the final weights.
 */
public final class OneCycleSchedule implements LearningRateSchedule {
    /** The rate starts at the peak divided by this (PyTorch's {@code div_factor}). */
    static final double START_DIVISOR = 25;
    /** The rate ends at the start rate divided by this (PyTorch's {@code final_div_factor}). */
    static final double END_DIVISOR = 1e4;
    /** The default fraction of the run spent warming up (PyTorch's {@code pct_start}). */
    public static final double DEFAULT_WARMUP = 0.3;

    private final double warmup;

    /** @param warmup fraction of the run spent rising to the peak, in (0, 1) */
    public OneCycleSchedule(double warmup) {
        if (!(warmup > 0 && warmup < 1)) {
            throw new IllegalArgumentException("one-cycle warm-up fraction must be between 0 and 1, got " + warmup);
        }
        this.warmup = warmup;
    }

    public double warmup() {
        return warmup;
    }

    /** The rate at progress {@code t} in [0, 1] of a run whose peak rate is {@code peak}. */
    public double rateAt(double peak, double t) {
        double start = peak / START_DIVISOR;
        double end = start / END_DIVISOR;
        if (t < warmup) {
            return start + (peak - start) * (1 - Math.cos(Math.PI * t / warmup)) / 2;
        }
        double u = Math.min(1, (t - warmup) / (1 - warmup));
        return end + (peak - end) * (1 + Math.cos(Math.PI * u)) / 2;
    }

    @Override
    public double rate(double base, int epoch, int epochs) {
        return rateAt(base, epoch / (double) Math.max(1, epochs));
    }

    @Override
    public double rateAtStep(double base, long step, int stepsPerEpoch, int epochs) {
        return rateAt(base, step / ((double) stepsPerEpoch * Math.max(1, epochs)));
    }

    @Override
    public String spec() {
        return warmup == DEFAULT_WARMUP ? "onecycle" : "onecycle:" + String.format(Locale.ROOT, "%s", warmup);
    }
}
