package latentlab.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into one readable line for the user. */
public final class Messages {
    private Messages() {
    }

    /** One line that names the problem (and the file, where there is one). */
    public static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            String reason = e.getReason() != null ? e.getReason() : "file not found";
            return e.getFile() == null ? reason : reason + ": " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof FileSystemException e) {
            return e.getMessage();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }
}
