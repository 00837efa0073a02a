package latentlab.io.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files atomically: a temporary file beside the target, forced to disk, then renamed over the target, so a
 * crash or a full disk leaves either the old file or the new one, never a half-written file. A failed save removes
 * its temporary file; those of saves killed before they could ({@link Leftovers}) are removed at the next save
 * into the same folder.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Something that writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(BufferedWriter w) throws IOException;
    }

    /** Writes UTF-8 text produced by {@code content} to {@code target}; on failure the old file stays. */
    public static void write(Path target, Content content) throws IOException {
        writeBytes(target, ch -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch),
                    StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(w);
            w.flush();
        });
    }

    /** Something that writes bytes into a channel. */
    @FunctionalInterface
    public interface ChannelContent {
        void writeTo(FileChannel ch) throws IOException;
    }

    /** Writes whatever {@code content} puts into the channel, atomically. */
    public static void writeBytes(Path target, ChannelContent content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "folder does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "is a folder; give a file name");
        }
        Path folder = dir == null ? Path.of(".") : dir;
        Leftovers.clean(folder);
        // Not Files.createTempFile: that makes the file private (0600); this one gets the usual permissions.
        Path tmp = folder.resolve("." + target.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try {
            try (FileChannel ch = channel) {
                content.writeTo(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            removeQuietly(tmp, e);
            throw e;
        }
    }

    /** Removes the temporary file of a failed save; a failure to do so is added to the save's own. */
    private static void removeQuietly(Path tmp, Throwable failure) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
