package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import latentlab.compute.CancelledException;
import latentlab.compute.RecordingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codes CSV: header, one row per image, numbers that parse back in any locale, atomic and cancellable. */
class CodesCsvTest {
    @TempDir
    Path dir;

    @Test
    void theCsvParsesBackToTheSameNumbers() throws IOException {
        CodeTable t = ExportFixtures.table(2500, 2, 3, 3);
        Path f = dir.resolve("codes.csv");
        Locale saved = Locale.getDefault();
        try {
            // A decimal-comma locale must not leak into the file.
            Locale.setDefault(Locale.GERMANY);
            RecordingProgress p = new RecordingProgress();
            CodesCsv.write(f, t, p);
            p.assertMonotoneToTheEnd();
        } finally {
            Locale.setDefault(saved);
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals("index,label,a1,a2,a3,reconstruction_error", lines.get(0));
        assertEquals(2501, lines.size());
        for (int i = 0; i < t.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(6, cells.length, lines.get(i + 1));
            assertEquals(i, Integer.parseInt(cells[0]));
            assertEquals(i % 10, Integer.parseInt(cells[1]));
            for (int j = 0; j < 3; j++) {
                float v = t.code(i, j);
                assertEquals(v, Double.parseDouble(cells[2 + j]), 5e-6 * Math.abs(v), "six significant digits");
            }
            assertEquals(t.errors()[i], Double.parseDouble(cells[5]), 5e-6 * t.errors()[i]);
        }
    }

    @Test
    void aSampleKeepsTheOriginalIndices() throws IOException {
        CodeTable s = ExportFixtures.table(100, 2, 2, 2).sample(7, 42);
        Path f = dir.resolve("sample.csv");
        CodesCsv.write(f, s, latentlab.compute.Progress.NONE);
        List<String> lines = Files.readAllLines(f);
        assertEquals(8, lines.size());
        for (int r = 0; r < 7; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertEquals(s.index(r), Integer.parseInt(cells[0]));
            assertEquals(s.index(r) % 10, Integer.parseInt(cells[1]));
        }
        assertArrayEquals(ExportFixtures.table(100, 2, 2, 2).sample(7, 42).indices(), s.indices(), "seeded");
    }

    @Test
    void aCancelledWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("codes.csv");
        Files.writeString(f, "precious old codes\n");
        CodeTable t = ExportFixtures.table(5000, 2, 2, 2);
        assertThrows(CancelledException.class, () -> CodesCsv.write(f, t, new RecordingProgress(3)));
        assertEquals("precious old codes\n", Files.readString(f));
        ExportFixtures.assertNoTemporaryFiles(dir);
    }
}
