package latentlab.train;

import java.util.Locale;

/** The learning rate for each epoch of a run, given the base rate and the number of epochs. */
public interface LearningRateSchedule {
    /** Learning rate for 0-based epoch {@code epoch} of {@code epochs}. */
    double rate(double base, int epoch, int epochs);

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

    /** Parses "constant", "cosine" or "exp:GAMMA". */
    static LearningRateSchedule parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("constant")) {
            return CONSTANT;
        }
        if (s.equals("cosine")) {
            return COSINE;
        }
        if (s.startsWith("exp:")) {
            try {
                return exponential(Double.parseDouble(s.substring(4)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed schedule '" + spec + "': write exp:0.9");
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + spec + "' (constant, cosine, exp:GAMMA)");
    }
}
