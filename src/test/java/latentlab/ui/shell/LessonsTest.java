package latentlab.ui.shell;

import static latentlab.ui.shell.Lessons.DataChoice.SAVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import latentlab.data.DatasetPair;
import latentlab.data.IdxFixtures;
import latentlab.io.format.LabFileException;
import latentlab.io.model.LessonFile;
import latentlab.io.model.ModelFile;
import latentlab.io.model.ModelFileTest;
import latentlab.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a lesson before the window shows it: which data set it opens on, and one message naming the problem for a
 * corrupt file, a broken view state, or a data set that is neither open nor where the lesson says.
 */
class LessonsTest {
    @TempDir
    Path dir;
    private final List<String> messages = new ArrayList<>();

    /** A lesson of the 12-input network of {@link ModelFileTest#checkpoint()} made on {@code folder}. */
    private Path lesson(String name, Path folder, byte[] view) throws IOException {
        Path f = dir.resolve(name);
        Checkpoint cp = ModelFileTest.checkpoint();
        LessonFile.save(f, cp, new ModelFile.DataInfo("tiny", 3, 4, 50), folder.toString(), view, null);
        return f;
    }

    private Path dataset(String name, int rows, int cols) throws IOException {
        return IdxFixtures.datasetFolder(dir.resolve(name), 50, 20, rows, cols, false);
    }

    @Test
    void aLessonOpensOnItsOwnDataSetWhenThatIsNotTheOpenOne() throws IOException {
        Path tiny = dataset("tiny", 3, 4);
        Path f = lesson("monday.lesson", tiny, new byte[0]);
        DatasetPair other = DatasetPair.open(dataset("other", 3, 4));
        Lessons.Loaded r = Lessons.read(f, other, dir.resolve("other"), SAVED, messages::add);
        assertEquals(tiny, r.folder());
        assertEquals(20, r.pair().test().size());
        assertEquals(12, r.pair().train().dimension());
        assertNull(r.view(), "no view state saved");
        assertNull(r.pca(), "no PCA fit cached");
        assertEquals(77, r.lesson().model().checkpoint().step());
        assertEquals(List.of("Reading lesson monday.lesson", "Reading data set tiny"), messages);
    }

    @Test
    void aLessonWhoseFolderIsGoneSaysSoAndUsesTheOpenDataSetOnlyWhenTheUserChoosesIt() throws IOException {
        Path gone = dir.resolve("gone");
        Path f = lesson("tuesday.lesson", gone, new byte[0]);
        Path open = dataset("open", 4, 3);
        DatasetPair current = DatasetPair.open(open);
        Lessons.MissingDataSetException e = assertThrows(Lessons.MissingDataSetException.class,
                () -> Lessons.read(f, current, open, SAVED, messages::add), "never silently on the open data set");
        assertEquals("the lesson was made with data set 'tiny' (3 x 4 images), from " + gone
                + ", which is gone or moved", e.getMessage());
        assertEquals(gone, e.wanted());
        assertTrue(e.openOneFits(), "12 inputs, 4 x 3 images");

        Lessons.Loaded r = Lessons.read(f, current, open, new Lessons.DataChoice(null, true), messages::add);
        assertSame(current, r.pair(), "the open data set, not read again");
        assertEquals(open, r.folder());
    }

    @Test
    void aLessonsDataSetCanBeLocatedWhereItMoved() throws IOException {
        Path gone = dir.resolve("gone");
        Path f = lesson("thursday.lesson", gone, new byte[0]);
        DatasetPair mnistSized = DatasetPair.open(dataset("big", 28, 28));
        Lessons.MissingDataSetException e = assertThrows(Lessons.MissingDataSetException.class,
                () -> Lessons.read(f, mnistSized, dir.resolve("big"), SAVED, messages::add));
        assertFalse(e.openOneFits(), "784 pixels for a 12-input network");

        Path moved = dataset("moved", 3, 4);
        Lessons.Loaded r = Lessons.read(f, mnistSized, dir.resolve("big"), new Lessons.DataChoice(moved, false),
                messages::add);
        assertEquals(moved, r.folder());
        assertEquals(12, r.pair().train().dimension());

        IOException notThere = assertThrows(IOException.class, () -> Lessons.read(f, mnistSized, dir.resolve("big"),
                new Lessons.DataChoice(dir.resolve("nowhere"), false), messages::add));
        assertTrue(notThere.getMessage().startsWith("no data set at " + dir.resolve("nowhere")),
                notThere.getMessage());
        IOException wrongSize = assertThrows(IOException.class, () -> Lessons.read(f, null, null,
                new Lessons.DataChoice(dir.resolve("big"), false), messages::add));
        assertTrue(wrongSize.getMessage().contains("has images of 28 x 28 pixels, but the lesson's network takes 12"),
                wrongSize.getMessage());
    }

    @Test
    void aLessonWithoutAFolderWhoseImagesTheOpenDataSetDoesNotFitSaysWhichItNeeds() throws IOException {
        Path f = dir.resolve("wednesday.lesson");
        LessonFile.save(f, ModelFileTest.checkpoint(), new ModelFile.DataInfo("tiny", 3, 4, 50), "", new byte[0],
                null);
        DatasetPair mnistSized = DatasetPair.open(dataset("big", 28, 28));
        IOException e = assertThrows(IOException.class, () -> Lessons.read(f, mnistSized, dir.resolve("big"), SAVED,
                messages::add));
        assertEquals("the lesson was made with data set 'tiny' (3 x 4 images), which is not open and was not "
                + "found; open that data set first", e.getMessage());
        assertThrows(IOException.class, () -> Lessons.read(f, null, null, SAVED, messages::add), "no data set open");
    }

    @Test
    void aCorruptLessonOrViewStateIsNamed() throws IOException {
        Path tiny = dataset("tiny", 3, 4);
        Path f = lesson("cut.lesson", tiny, new byte[0]);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 10));
        LabFileException corrupt = assertThrows(LabFileException.class, () -> Lessons.read(f, null, null, SAVED,
                messages::add));
        assertTrue(corrupt.getMessage().startsWith("cut.lesson: the file is corrupt"), corrupt.getMessage());

        Path view = lesson("view.lesson", tiny, new byte[] {0, 0, 0, 1, 9});
        LabFileException e = assertThrows(LabFileException.class, () -> Lessons.read(view, null, null, SAVED,
                messages::add));
        assertTrue(e.getMessage().contains("view.lesson (view state)"), e.getMessage());

        Path model = dir.resolve("model.llm");
        ModelFile.save(model, ModelFileTest.checkpoint(), null, null);
        assertTrue(assertThrows(LabFileException.class, () -> Lessons.read(model, null, null, SAVED, messages::add))
                .getMessage().contains("not a lesson file"));
    }
}
