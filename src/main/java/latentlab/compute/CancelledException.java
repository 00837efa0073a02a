package latentlab.compute;

/** Thrown by core work that stopped because its {@link Progress} was cancelled. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
