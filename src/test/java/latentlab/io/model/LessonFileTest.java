package latentlab.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import latentlab.compute.Progress;
import latentlab.data.DataSetNotFoundException;
import latentlab.data.IdxFixtures;
import latentlab.io.Messages;
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

    /** A lesson whose data set is gone says which folder it needs (the window offers to locate it). */
    @Test
    void aLessonWhoseDataSetIsGoneNamesTheFolder() throws IOException {
        Path data = IdxFixtures.datasetFolder(dir.resolve("digits"), 5, 4, 3, 4, false);
        Path f = dir.resolve("class.lesson");
        LessonFile.save(f, ModelFileTest.checkpoint(), new ModelFile.DataInfo("digits", 3, 4, 5), data.toString(),
                null, null);
        assertEquals(5, LessonFile.load(f).openDataSet(Progress.NONE).train().size());
        Path moved = Files.move(data, dir.resolve("digits-moved"));
        DataSetNotFoundException e = assertThrows(DataSetNotFoundException.class,
                () -> LessonFile.load(f).openDataSet(Progress.NONE));
        assertEquals(data, e.path().orElseThrow());
        assertTrue(Messages.describe(e).contains(data.toString()), Messages.describe(e));
        assertTrue(Files.isDirectory(moved));
        Path unknown = dir.resolve("unknown.lesson");
        LessonFile.save(unknown, ModelFileTest.checkpoint(), new ModelFile.DataInfo("digits", 3, 4, 5), "", null, null);
        DataSetNotFoundException none = assertThrows(DataSetNotFoundException.class,
                () -> LessonFile.load(unknown).openDataSet(Progress.NONE));
        assertTrue(none.path().isEmpty());
        assertEquals("the lesson does not say which data set it was made with (it was 'digits')",
                Messages.describe(none));
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
