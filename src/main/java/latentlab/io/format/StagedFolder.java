package latentlab.io.format;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a set of files into a folder all or nothing: the files are written (each atomically) into a hidden staging
 * folder inside the target, and only when all of them are complete are they renamed into place, each rename
 * replacing an older file of the same name atomically. A failure or a cancellation before {@link #commit()} leaves
 * the target folder as it was (the staging folder is removed by {@link #close()}).
 */
public final class StagedFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final boolean createdTarget;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private StagedFolder(Path target, Path staging, boolean createdTarget) {
        this.target = target;
        this.staging = staging;
        this.createdTarget = createdTarget;
    }

    /** Stages files for {@code target}, which is created if it does not exist but its parent does. */
    public static StagedFolder open(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        boolean created = false;
        if (!Files.isDirectory(abs)) {
            if (Files.exists(abs)) {
                throw new IOException(target + " is a file, not a folder");
            }
            Path parent = abs.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new NoSuchFileException(String.valueOf(parent), null, "folder does not exist");
            }
            Files.createDirectory(abs);
            created = true;
        }
        Leftovers.clean(abs);
        try {
            return new StagedFolder(abs, Files.createTempDirectory(abs, ".export-"), created);
        } catch (IOException e) {
            if (created) {
                Files.deleteIfExists(abs);
            }
            throw e;
        }
    }

    /** The target folder. */
    Path target() {
        return target;
    }

    /** Where to write the file that will become {@code name} in the target folder. */
    public Path stage(String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
        return staging.resolve(name);
    }

    /** Moves every staged file into the target folder and returns their final paths, in staging order. */
    public List<Path> commit() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String name : names) {
            Path from = staging.resolve(name);
            Path to = target.resolve(name);
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            out.add(to);
        }
        committed = true;
        return out;
    }

    /** Removes the staging folder and whatever is left in it; if nothing was committed, also a folder we created. */
    @Override
    public void close() throws IOException {
        if (Files.exists(staging)) {
            try (Stream<Path> s = Files.walk(staging)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (!committed && createdTarget) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isEmpty()) {
                    Files.deleteIfExists(target);
                }
            }
        }
    }
}
