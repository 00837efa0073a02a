package latentlab.io.format;

import java.io.IOException;

/** A model or lesson file is not what it should be; the message names the file and the problem. */
public final class LabFileException extends IOException {
    public LabFileException(String message) {
        super(message);
    }

    public LabFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
