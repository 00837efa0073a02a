package latentlab.io.format;

import java.io.IOException;

/** A {@code .npy} or {@code .npz} file that is malformed or uses a feature Latent Lab does not read; the message names the file and the problem. */
public final class NpyFormatException extends IOException {
    public NpyFormatException(String message) {
        super(message);
    }

    public NpyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
