package latentlab.data;

/** An IDX file is malformed; the message names the file and the problem. */
public final class IdxFormatException extends DataFileException {
    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
