package latentlab.compute;

/**
 * Where long-running core work reports how far it got and learns whether it should stop.
 * Core packages use this instead of JavaFX tasks so that the command line and the GUI share them.
 */
public interface Progress {
    /** Does nothing and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(double done, double total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports progress; may be called from any thread, often.
     *
     * @param done    work done so far
     * @param total   all the work (same unit as {@code done})
     * @param message what is being done, for a status line
     */
    void update(double done, double total, String message);

    /** Whether the user asked to stop; long loops check it and throw {@link CancelledException}. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
