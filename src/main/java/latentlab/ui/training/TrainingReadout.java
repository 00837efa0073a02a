package latentlab.ui.training;

import java.util.Locale;

import latentlab.train.EpochRecord;
import latentlab.train.Snapshot;
import latentlab.train.TrainingState;

/**
 * What the training card says about a snapshot: the state, the counters (architecture, epoch, step, throughput),
 * the progress through the epoch and the losses (the running training loss, a VAE's KL term, the last epoch's test
 * figures with the ELBO, -(loss + KL)).
 *
 * @param state         "● Running", "Ready", "Paused", "Diverged" or "Stopped"
 * @param running       whether it trains now
 * @param diverged      whether training stopped on a non-finite loss
 * @param counters      one line of counters
 * @param epochFraction progress through the current epoch, in [0, 1)
 * @param losses        one to three lines of losses
 */
public record TrainingReadout(String state, boolean running, boolean diverged, String counters, double epochFraction,
                              String losses) {
    /** Before any data set is open. */
    public static final TrainingReadout NONE = new TrainingReadout("", false, false, "Open a data set to start", 0, "");

    /** The readout of {@code s}, or {@link #NONE} for null. */
    public static TrainingReadout of(Snapshot s) {
        if (s == null) {
            return NONE;
        }
        String state = switch (s.state()) {
            case RUNNING -> "● Running";
            case PAUSED -> s.step() == 0 ? "Ready" : "Paused";
            case DIVERGED -> "Diverged";
            case CLOSED -> "Stopped";
        };
        boolean running = s.state() == TrainingState.RUNNING;
        String counters = String.format("%s  ·  epoch %.2f  ·  step %,d  ·  %s", s.config().architecture(),
                s.epochProgress(), s.step(), running && s.samplesPerSecond() > 0
                        ? String.format("%,.0f images/s", s.samplesPerSecond()) : "idle");
        String lossName = s.config().loss().name().equals("bce") ? "cross-entropy" : "squared error";
        StringBuilder l = new StringBuilder();
        if (Double.isFinite(s.runningLoss())) {
            l.append(String.format("Training loss %.2f (%s per image)", s.runningLoss(), lossName));
        } else {
            l.append("Training loss: not yet measured (").append(lossName).append(" per image)");
        }
        if (Double.isFinite(s.runningKl())) {
            l.append(String.format("%nKL term %.2f per image (β = %s)", s.runningKl(), plain(s.config().beta())));
        }
        if (!s.epochs().isEmpty()) {
            EpochRecord e = s.epochs().get(s.epochs().size() - 1);
            l.append(String.format("%nTest after epoch %d: loss %.2f, squared error %.2f", e.epoch(), e.testLoss(),
                    e.testSquaredError()));
            if (Double.isFinite(e.testKl())) {
                l.append(String.format(", KL %.2f, ELBO %.1f", e.testKl(), -(e.testLoss() + e.testKl())));
            }
        }
        return new TrainingReadout(state, running, s.state() == TrainingState.DIVERGED, counters, s.epochFraction(),
                l.toString());
    }

    /** A number without trailing zeros: 1.0, 0.25, 0.001. */
    static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
