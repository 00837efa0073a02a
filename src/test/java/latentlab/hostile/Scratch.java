package latentlab.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file for one try of a property, in the system's temporary folder, removed when the try is over. */
final class Scratch implements AutoCloseable {
    private final Path file;

    /** A file of {@code bytes} whose name ends in {@code suffix} (readers look at ".csv" and ".gz"). */
    Scratch(String suffix, byte[] bytes) throws IOException {
        file = Files.createTempFile("hostile-", suffix);
        Files.write(file, bytes);
    }

    Path path() {
        return file;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Something that writes a file. */
    @FunctionalInterface
    interface Writer {
        void write(Path p) throws IOException;
    }

    /** The bytes that {@code writer} writes into a file (for making valid files with the app's own writers). */
    static byte[] bytesOf(String suffix, Writer writer) throws IOException {
        try (Scratch s = new Scratch(suffix, new byte[0])) {
            writer.write(s.path());
            return Files.readAllBytes(s.path());
        }
    }
}
