package latentlab.cli;

/** Something the user can fix; its message is printed as it is, on one line. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
