package latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.stage.Screen;
import javafx.stage.Stage;
import latentlab.data.DatasetLocator;
import latentlab.io.model.LessonFile;
import latentlab.io.model.ModelFile;
import latentlab.train.Checkpoint;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.AppPreferences;
import latentlab.ui.shell.DatasetSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The application's window as {@code latent-lab gui FILE.lesson} opens it: on the lesson, named in the title, at
 * 90% of the screen on a first launch.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LatentLabAppTest {
    @TempDir
    static Path dir;
    private static Path lesson;
    private final LatentLabApp app = new LatentLabApp();
    private Stage stage;

    /** A lesson of the bundled pre-trained model on the bundled MNIST, written without a window. */
    @BeforeAll
    static void writeLesson() throws Exception {
        lesson = dir.resolve("digits.lesson");
        Checkpoint cp = ModelFile.loadResource(DatasetSession.PRETRAINED).checkpoint();
        LessonFile.save(lesson, cp, new ModelFile.DataInfo("MNIST", 28, 28, 60_000),
                DatasetLocator.bundledMnist().orElseThrow().toAbsolutePath().toString(), new byte[0], Map.of());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppPreferences prefs = AppPreferences.user();
        prefs.clear(); // a first launch
        app.open(stage, new AppContext(prefs), new StartRequest(lesson, null));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    @Test
    void aLessonOnTheCommandLineOpensWithTheWindow(FxRobot robot) throws Exception {
        AppContext context = app.context();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lesson.equals(context.lessons().getFile())
                && context.training().getSnapshot() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4690, context.training().getSnapshot().step(), "the lesson's network");
        assertEquals("Latent Lab — digits.lesson", stage.getTitle());
        var screen = Screen.getPrimary().getVisualBounds();
        assertEquals(Math.floor(screen.getWidth() * 0.9), stage.getWidth(), 1, "90% of the screen's width");
        assertEquals(Math.floor(screen.getHeight() * 0.9), stage.getHeight(), 1, "and of its height");
        assertTrue(Math.abs(stage.getX() - (screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2)) <= 1,
                "centred");
    }
}
