package latentlab.train;

/**
 * Receives events from the training thread. Called on that thread: keep it short and never block (the window
 * does not use these; it polls {@link Trainer#latest()} once per frame).
 */
public interface TrainingListener {
    /** An epoch ended and was evaluated on the test set. */
    default void epochFinished(EpochRecord record) {
    }

    /** The state changed (with a message for the user, or null). */
    default void stateChanged(TrainingState state, String message) {
    }
}
