package latentlab.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Looks at a path before it is opened for reading and names what is wrong with it in the user's terms: missing, a
 * symbolic link to nothing, a loop of symbolic links, a folder, a device or pipe (which would be read forever or
 * block), or a file the user may not read. Opening a pipe blocks and reading {@code /dev/zero} never ends, so
 * readers ask here first and only open regular files.
 */
public final class InputFile {
    private InputFile() {
    }

    /**
     * The attributes of {@code path} (following symbolic links).
     *
     * @throws NoSuchFileException  if nothing is there, or a symbolic link leads nowhere (the reason says which)
     * @throws FileSystemException  for a loop of symbolic links; {@link AccessDeniedException} where a folder on the
     *                              way may not be searched
     */
    public static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(path)) {
                throw new NoSuchFileException(path.toString(), null, "a symbolic link to "
                        + Files.readSymbolicLink(path) + ", which does not exist");
            }
            throw e;
        } catch (AccessDeniedException e) {
            throw e;
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(path) || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                // ELOOP: the JDK reports it as a generic FileSystemException whose reason is the system's text.
                throw new FileSystemException(path.toString(), null, "a symbolic link that leads round in a loop "
                        + "(or through too many links) and never reaches a file");
            }
            throw e;
        }
    }

    /**
     * The size of {@code file}, a regular file.
     *
     * @throws FileSystemException naming the file and why it cannot be read as one (see {@link #attributes})
     */
    public static long size(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = attributes(file);
        } catch (NoSuchFileException e) {
            throw e.getReason() != null ? e : new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (a.isDirectory()) {
            throw new FileSystemException(file.toString(), null, "a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new FileSystemException(file.toString(), null, "not a regular file but a device, pipe or socket, "
                    + "which cannot be read as a file");
        }
        return a.size();
    }
}
