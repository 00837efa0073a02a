package latentlab.ui.training;

/**
 * The speed slider's scale: a position in [0, 1] and the minibatches per second it means, exponential so that the
 * slow end (to talk over) and the fast end both get room, with full speed at 1.
 */
public final class TrainingPace {
    /** Slowest speed of the slider, in minibatches per second. */
    public static final double SLOWEST = 1;
    /** Speed slider position of full speed. */
    public static final double FULL_SPEED = 1.0;
    /**
     * The lecture pace, in minibatches per second: slow enough to talk over, fast enough that the MNIST map forms
     * from random weights in about half a minute (about one epoch of 469 minibatches of 128; the 5-NN accuracy of
     * the 2-D codes then passes 0.55, on its way to the trained model's 0.76).
     */
    public static final double LECTURE_PACE = 15;

    private TrainingPace() {
    }

    /** The slider position of {@code stepsPerSecond} minibatches per second (the inverse of stepsPerSecond). */
    public static double positionFor(double stepsPerSecond) {
        if (Double.isInfinite(stepsPerSecond)) {
            return FULL_SPEED;
        }
        return Math.max(0, Math.min(0.99, 0.99 * Math.log(stepsPerSecond / SLOWEST) / Math.log(300)));
    }

    /**
     * Minibatches per second for a speed slider position in [0, 1]: 1 at 0, rising exponentially to 300 at 0.99,
     * unlimited at 1.
     */
    public static double stepsPerSecond(double position) {
        if (position >= FULL_SPEED - 1e-9) {
            return Double.POSITIVE_INFINITY;
        }
        return SLOWEST * Math.pow(300, Math.max(0, position) / 0.99);
    }
}
