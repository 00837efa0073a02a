package latentlab.data;

import java.io.IOException;

/**
 * A data file (IDX, CSV, or the gzip data around either) is not what it should be; the message names the file and
 * the problem, and where it helps the line, the field or the byte.
 */
public class DataFileException extends IOException {
    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
