package latentlab.io.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves leave nothing behind: a failed save removes its temporary file, and the temporary files and export
 * staging folders that killed saves left (matching the app's own names, last written before this process
 * started) are removed at the next save into the same folder — nothing else is touched.
 */
class LeftoversTest {
    @TempDir
    Path dir;

    private Path file(String name, Instant modified) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "half a save");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void staleTemporaryFilesAreRemovedAtTheNextSaveAndNothingElse() throws IOException {
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        file(".model.llm.1a2b3c4d5e6f7788.tmp", yesterday);
        file(".other.lesson.0.tmp", yesterday);
        file(".codes.csv.ff.tmp", Instant.now().plus(1, ChronoUnit.HOURS)); // a newer process's save in progress
        file(".notes.tmp", yesterday);                                       // not the app's pattern
        file("model.llm.ab.tmp", yesterday);                                 // not hidden: not ours
        file(".model.llm.xyz.tmp", yesterday);                               // not hexadecimal
        Path staging = dir.resolve(".export-123456789");
        Files.createDirectory(staging);
        Files.writeString(staging.resolve("codes.tsv"), "a");
        Files.setLastModifiedTime(staging, FileTime.from(yesterday));
        Path keepFolder = dir.resolve(".export-42");
        Files.createDirectories(keepFolder.resolve("inner"));               // a folder inside: not a staging folder
        Files.setLastModifiedTime(keepFolder, FileTime.from(yesterday));
        LabFile.write(dir.resolve("model.llm"), Map.of("kind", new byte[] {1}));
        assertEquals(List.of(".codes.csv.ff.tmp", ".export-42", ".model.llm.xyz.tmp", ".notes.tmp", "model.llm",
                "model.llm.ab.tmp"), names());
    }

    @Test
    void aFailedSaveRemovesItsTemporaryFile() throws IOException {
        Path target = dir.resolve("codes.csv");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, w -> {
            w.write("index,label\n");
            w.flush();
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals(List.of(), names());
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, w -> {
            throw new IllegalStateException("a bug in the writer");
        }));
        assertEquals(List.of(), names());
        assertTrue(Files.notExists(target));
    }
}
