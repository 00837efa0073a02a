package latentlab.train;

import java.util.Locale;

/**
 * The learning rate for each step of a run, given the base rate and the number of epochs. Most schedules change the
 * rate once per epoch ({@link #rate}); {@link OneCycleSchedule} changes it at every step ({@link #rateAtStep}).
 */
public interface LearningRateSchedule {
    /** Learning rate for 0-based epoch {@code epoch} of {@code epochs}. */
    double rate(double base, int epoch, int epochs);

    /**
     * Learning rate for 0-based step {@code step} of a run of {@code epochs} epochs of {@code stepsPerEpoch} steps:
     * by default the rate of the epoch the step is in (steps past the end keep the last epoch's rate).
     */
    default double rateAtStep(double base, long step, int stepsPerEpoch, int epochs) {
        long epoch = Math.min(step / Math.max(1, stepsPerEpoch), Math.max(1, epochs) - 1);
        return rate(base, (int) epoch, epochs);
    }

    /** How it was written ("constant", "cosine", "exp:0.9"). */
    String spec();

    /** The same rate throughout. */
    LearningRateSchedule CONSTANT = new LearningRateSchedule() {
        @Override
        public double rate(double base, int epoch, int epochs) {
            return base;
        }

        @Override
        public String spec() {
            return "constant";
        }
    };

    /**
     * Cosine annealing without restarts (Loshchilov and Hutter, "SGDR", ICLR 2017):
     * lr_e = lr_min + (lr - lr_min) (1 + cos(pi e / E)) / 2, with lr_min = lr / 100.
     */
    LearningRateSchedule COSINE = new LearningRateSchedule() {
        @Override
        public double rate(double base, int epoch, int epochs) {
            double min = base / 100;
            return min + (base - min) * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs))) / 2;
        }

        @Override
        public String spec() {
            return "cosine";
        }
    };

    /** lr_e = lr gamma^e. */
    static LearningRateSchedule exponential(double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("exponential decay factor must be in (0, 1], got " + gamma);
        }
        return new LearningRateSchedule() {
            @Override
            public double rate(double base, int epoch, int epochs) {
                return base * Math.pow(gamma, epoch);
            }

            @Override
            public String spec() {
                return "exp:" + gamma;
            }
        };
    }

    /** Parses "constant", "cosine", "exp:GAMMA", "onecycle" or "onecycle:WARMUP". */
    static LearningRateSchedule parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("constant")) {
            return CONSTANT;
        }
        if (s.equals("cosine")) {
            return COSINE;
        }
        if (s.equals("onecycle")) {
            return new OneCycleSchedule(OneCycleSchedule.DEFAULT_WARMUP);
        }
        if (s.startsWith("onecycle:")) {
            try {
                return new OneCycleSchedule(Double.parseDouble(s.substring(9)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed schedule '" + spec + "': write onecycle:0.3");
            }
        }
        if (s.startsWith("exp:")) {
            try {
                return exponential(Double.parseDouble(s.substring(4)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed schedule '" + spec + "': write exp:0.9");
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + spec
                + "' (constant, cosine, exp:GAMMA, onecycle, onecycle:WARMUP)");
    }
}
