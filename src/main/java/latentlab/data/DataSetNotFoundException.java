package latentlab.data;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A data set's folder or CSV file does not exist (any more): moved, renamed or deleted, or a symbolic link to
 * nothing. Typed, so that a caller that knows which data set it needs (a lesson) can offer to locate it;
 * {@link #path()} is where it was looked for.
 */
public final class DataSetNotFoundException extends NoSuchFileException {
    private final transient Path path;

    /**
     * @param path   the folder or file that is missing, or null if nobody knows where it was
     * @param reason why it counts as missing, e.g. "no such folder or file"
     */
    public DataSetNotFoundException(Path path, String reason) {
        super(path == null ? null : path.toString(), null, reason);
        this.path = path;
    }

    /** Where the data set was looked for, if anywhere. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }
}
