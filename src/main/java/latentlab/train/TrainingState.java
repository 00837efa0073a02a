package latentlab.train;

/** What the training thread is doing. */
public enum TrainingState {
    /** Waiting for play or a step. */
    PAUSED,
    /** Training continuously. */
    RUNNING,
    /** Stopped because the loss or the weights became NaN or infinite; the last good model is kept. */
    DIVERGED,
    /** Closed; the thread has ended. */
    CLOSED
}
