package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import latentlab.io.format.LabFileException;
import latentlab.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsModelDataFolderAndViewState() throws IOException {
        Checkpoint cp = ModelFileTest.checkpoint();
        Path f = dir.resolve("class.lesson");
        byte[] view = {1, 2, 3, -4, 127};
        LessonFile.save(f, cp, new ModelFile.DataInfo("tiny", 3, 4, 5), "/data/tiny", view, null);
        LessonFile.Lesson l = LessonFile.load(f);
        assertEquals("/data/tiny", l.dataFolder());
        assertArrayEquals(view, l.viewState());
        assertArrayEquals(cp.parameters(), l.model().checkpoint().parameters());
        assertEquals(cp.step(), l.model().checkpoint().step());
        assertArrayEquals(cp.optimizerState()[0], l.model().checkpoint().optimizerState()[0]);
        // A lesson is also a valid model file (eval and encode can read it).
        assertEquals(ModelFile.AUTOENCODER, ModelFile.load(f).kind());
    }

    @Test
    void aModelFileIsNotALessonAndACorruptLessonIsNamed() throws IOException {
        Path model = dir.resolve("m.llm");
        ModelFile.save(model, ModelFileTest.checkpoint(), null, null);
        LabFileException e = assertThrows(LabFileException.class, () -> LessonFile.load(model));
        assertTrue(e.getMessage().contains("not a lesson file"), e.getMessage());
        Path f = dir.resolve("bad.lesson");
        LessonFile.save(f, ModelFileTest.checkpoint(), null, "", new byte[] {9}, null);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 10));
        assertTrue(assertThrows(LabFileException.class, () -> LessonFile.load(f)).getMessage()
                .startsWith("bad.lesson: the file is corrupt or truncated"));
    }
}
