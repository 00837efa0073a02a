package latentlab.io.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import latentlab.compute.CancelledException;
import latentlab.compute.RecordingProgress;
import latentlab.io.export.ExportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npz archives: a ZIP of name.npy entries, stored or deflated, written atomically. */
class NpzTest {
    @TempDir
    Path dir;

    private static NpzWriter sample() {
        NpzWriter w = new NpzWriter();
        List<NpyArray> s = NpyFormatTest.samples();
        for (int i = 0; i < s.size(); i++) {
            w.add("array_" + i, s.get(i));
        }
        return w;
    }

    @Test
    void entriesAreNpyFilesInAZipAndRoundTrip() throws IOException {
        for (boolean deflate : new boolean[] {false, true}) {
            Path f = dir.resolve(deflate ? "c.npz" : "s.npz");
            NpzWriter w = sample().compressed(deflate);
            w.write(f);
            List<String> names = new ArrayList<>();
            try (ZipFile zip = new ZipFile(f.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    names.add(e.getName());
                    assertEquals(deflate ? ZipEntry.DEFLATED : ZipEntry.STORED, e.getMethod(), e.getName());
                    String key = e.getName().substring(0, e.getName().length() - 4);
                    try (InputStream in = zip.getInputStream(e)) {
                        assertEquals(w.get(key), NpyReader.read(in, e.getName()));
                    }
                    assertEquals(NpyWriter.fileSize(w.get(key)), e.getSize());
                }
            }
            assertEquals(w.names().stream().map(n -> n + ".npy").toList(), names);
            Map<String, NpyArray> back = NpzReader.read(f);
            assertEquals(List.copyOf(w.names()), List.copyOf(back.keySet()));
            for (String n : w.names()) {
                assertEquals(w.get(n), back.get(n), n);
            }
        }
    }

    @Test
    void namesMustBeUsableKeys() {
        NpzWriter w = new NpzWriter().add("codes", NpyArray.ints(new int[1]));
        assertThrows(IllegalArgumentException.class, () -> w.add("codes", NpyArray.ints(new int[1])));
        for (String bad : new String[] {"", "a/b", "a\\b", "..", "."}) {
            assertThrows(IllegalArgumentException.class, () -> w.add(bad, NpyArray.ints(new int[1])), bad);
        }
    }

    @Test
    void aCancelledWriteLeavesTheOldArchiveAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("model.npz");
        new NpzWriter().add("old", NpyArray.string("old")).write(f);
        byte[] before = Files.readAllBytes(f);
        NpzWriter big = new NpzWriter().add("w", NpyArray.floats(new float[300_000], 300_000));
        assertThrows(CancelledException.class, () -> big.write(f, new RecordingProgress(5)));
        assertArrayEquals(before, Files.readAllBytes(f));
        ExportFixtures.assertNoTemporaryFiles(dir);

        RecordingProgress p = new RecordingProgress();
        big.write(f, p);
        p.assertMonotoneToTheEnd();
        assertEquals(List.of("w"), List.copyOf(NpzReader.read(f).keySet()));
    }

    @Test
    void aBrokenArchiveOrEntryIsNamed() throws IOException {
        Path notZip = dir.resolve("junk.npz");
        Files.writeString(notZip, "not a zip file at all");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpzReader.read(notZip));
        assertTrue(e.getMessage().startsWith("junk.npz: not an npz file"), e.getMessage());

        Path badEntry = dir.resolve("bad.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(badEntry))) {
            zip.putNextEntry(new ZipEntry("codes.npy"));
            zip.write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        NpyFormatException b = assertThrows(NpyFormatException.class, () -> NpzReader.read(badEntry));
        assertTrue(b.getMessage().startsWith("bad.npz (codes.npy): not an npy file"), b.getMessage());
    }
}
