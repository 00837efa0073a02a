package latentlab.io.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import latentlab.compute.CancelledException;
import latentlab.compute.Progress;
import latentlab.compute.RecordingProgress;
import latentlab.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedding Projector files: consistent row counts, a square sprite of the right size, a config naming them. */
class ProjectorExportTest {
    @TempDir
    Path dir;

    @Test
    void theFilesAgreeWithEachOther() throws IOException {
        CodeTable t = ExportFixtures.table(23, 4, 3, 3);
        Path out = dir.resolve("projector");
        RecordingProgress p = new RecordingProgress();
        List<Path> files = ProjectorExport.write(out, t, ProjectorExport.Options.defaults(), p);
        p.assertMonotoneToTheEnd();
        assertEquals(List.of("vectors.tsv", "metadata.tsv", "sprite.png", "projector_config.pbtxt"),
                files.stream().map(f -> f.getFileName().toString()).toList());

        List<String> vectors = Files.readAllLines(out.resolve("vectors.tsv"));
        assertEquals(23, vectors.size(), "one row per image, no header");
        for (int i = 0; i < 23; i++) {
            String[] cells = vectors.get(i).split("\t", -1);
            assertEquals(3, cells.length);
            for (int j = 0; j < 3; j++) {
                assertEquals(t.code(i, j), Float.parseFloat(cells[j]), "exact round trip");
            }
        }
        List<String> meta = Files.readAllLines(out.resolve("metadata.tsv"));
        assertEquals("label\tindex\treconstruction_error", meta.get(0));
        assertEquals(24, meta.size(), "header plus one row per image");
        assertEquals("7\t17\t" + CodesCsv.format(t.errors()[17]), meta.get(18));

        BufferedImage sprite = ImageIO.read(out.resolve("sprite.png").toFile());
        assertEquals(5 * 3, sprite.getWidth(), "ceil(sqrt(23)) = 5 tiles of 3 columns");
        assertEquals(5 * 4, sprite.getHeight(), "5 tiles of 4 rows");
        Dataset d = t.data();
        for (int i : new int[] {0, 6, 22}) {
            int x0 = (i % 5) * 3;
            int y0 = (i / 5) * 4;
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 3; c++) {
                    int grey = grey(sprite, x0 + c, y0 + r);
                    assertEquals(d.pixel(i, r * 3 + c), grey, "image " + i + " pixel " + r + "," + c + " white on black");
                }
            }
        }
        assertEquals(0, grey(sprite, 4 * 3 + 2, 4 * 4 + 3), "unused tiles are background");

        String config = Files.readString(out.resolve("projector_config.pbtxt"));
        assertEquals("""
                embeddings {
                  tensor_name: "Latent Lab codes"
                  tensor_shape: [23, 3]
                  tensor_path: "vectors.tsv"
                  metadata_path: "metadata.tsv"
                  sprite {
                    image_path: "sprite.png"
                    single_image_dim: [3, 4]
                  }
                }
                """, config);
        ExportFixtures.assertNoTemporaryFiles(dir);
    }

    @Test
    void tenThousandMnistDigitsMakeA2800PixelSquareAndTheLimitIsExplained() {
        assertEquals(100, ProjectorExport.gridSize(10_000));
        assertEquals(101, ProjectorExport.gridSize(10_001));
        assertEquals(1, ProjectorExport.gridSize(1));
        assertEquals(85_264, ProjectorExport.maxSpriteImages(28, 28));
        ProjectorExport.checkSprite(70_000, 28, 28);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectorExport.checkSprite(90_000, 28, 28));
        assertTrue(e.getMessage().contains("8192 x 8192") && e.getMessage().contains("room for 85,264"), e.getMessage());

        BufferedImage s = ProjectorExport.sprite(ExportFixtures.dataset(10, 2, 2), false, Progress.NONE);
        assertEquals(8, s.getWidth());
        assertEquals(255 - ExportFixtures.dataset(10, 2, 2).pixel(5, 3), grey(s, 1 * 2 + 1, 1 * 2 + 1),
                "black on white inverts");
        assertEquals(255, grey(s, 7, 7), "unused tiles are white paper");
    }

    @Test
    void aTooLargeSpriteIsRefusedBeforeAnythingIsWrittenAndNoSpriteHasNoLimit() throws IOException {
        CodeTable wide = ExportFixtures.table(5, 1, 3000, 2);
        Path out = dir.resolve("p");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectorExport.write(out, wide, ProjectorExport.Options.defaults(), Progress.NONE));
        assertTrue(e.getMessage().contains("at most 8192 x 8192 pixels, room for 4 of these images"), e.getMessage());
        assertFalse(Files.exists(out));

        List<Path> files = ProjectorExport.write(out, wide,
                new ProjectorExport.Options(ProjectorExport.Sprite.NONE, "wide"), Progress.NONE);
        assertEquals(3, files.size());
        assertFalse(Files.readString(out.resolve("projector_config.pbtxt")).contains("sprite"));
        assertFalse(Files.exists(out.resolve("sprite.png")));
    }

    @Test
    void aCancelledExportLeavesTheFolderAsItWas() throws IOException {
        Path out = Files.createDirectory(dir.resolve("existing"));
        Files.writeString(out.resolve("vectors.tsv"), "old vectors\n");
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        CodeTable t = ExportFixtures.table(4000, 8, 8, 2);
        for (int cancelAt : new int[] {2, 6, 12}) {
            assertThrows(CancelledException.class,
                    () -> ProjectorExport.write(out, t, ProjectorExport.Options.defaults(), new RecordingProgress(cancelAt)));
            assertEquals("old vectors\n", Files.readString(out.resolve("vectors.tsv")));
            try (var s = Files.list(out)) {
                assertEquals(List.of("notes.txt", "vectors.tsv"), s.map(f -> f.getFileName().toString()).sorted().toList(),
                        "cancelled at update " + cancelAt);
            }
        }
        Path fresh = dir.resolve("fresh");
        assertThrows(CancelledException.class,
                () -> ProjectorExport.write(fresh, t, ProjectorExport.Options.defaults(), new RecordingProgress(2)));
        assertFalse(Files.exists(fresh), "a folder the export created is removed again");
    }

    @Test
    void sampledTablesKeepTheirIndicesAndImages() throws IOException {
        CodeTable s = ExportFixtures.table(1000, 2, 2, 2).sample(9, 5);
        Path out = dir.resolve("s");
        ProjectorExport.write(out, s, ProjectorExport.Options.defaults(), Progress.NONE);
        List<String> meta = Files.readAllLines(out.resolve("metadata.tsv"));
        BufferedImage sprite = ImageIO.read(out.resolve("sprite.png").toFile());
        Dataset all = ExportFixtures.dataset(1000, 2, 2);
        for (int r = 0; r < 9; r++) {
            int index = Integer.parseInt(meta.get(r + 1).split("\t")[1]);
            assertEquals(s.index(r), index);
            int[] tile = new int[4];
            for (int j = 0; j < 4; j++) {
                tile[j] = grey(sprite, (r % 3) * 2 + j % 2, (r / 3) * 2 + j / 2);
            }
            assertArrayEquals(new int[] {all.pixel(index, 0), all.pixel(index, 1), all.pixel(index, 2),
                all.pixel(index, 3)}, tile, "sprite tile " + r + " shows image " + index);
        }
    }

    /** The stored grey level (getRGB would convert it from linear grey to sRGB). */
    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    @Test
    void namedClassesGetAColumnOfTheirNames() throws IOException {
        CodeTable plain = ExportFixtures.table(12, 2, 2, 2);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add("class " + (char) ('A' + c));
        }
        CodeTable named = new CodeTable(plain.data().withClassNames(new latentlab.data.ClassNames(names, "class")),
                plain.codes(), plain.k(), plain.errors());
        Path out = dir.resolve("named");
        ProjectorExport.write(out, named, new ProjectorExport.Options(ProjectorExport.Sprite.NONE, "codes"),
                new RecordingProgress());
        List<String> meta = Files.readAllLines(out.resolve("metadata.tsv"));
        assertEquals("label\tindex\treconstruction_error\tclass", meta.get(0));
        assertEquals("7\t7\t" + CodesCsv.format(plain.errors()[7]) + "\tclass H", meta.get(8));
    }
}
