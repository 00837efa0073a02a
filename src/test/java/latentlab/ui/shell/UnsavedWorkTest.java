package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import latentlab.io.model.LessonFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Work is never lost silently: the title marks unsaved training, and quitting (Ctrl+Q) or opening another lesson
 * with unsaved training asks Save / Discard / Cancel.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class UnsavedWorkTest {
    @TempDir
    Path dir;
    private AppContext model;
    private MainView view;
    private Stage stage;
    private final AtomicInteger quits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new AppContext();
        view = TestWindow.show(stage, model, 1280, 800);
        view.setOnQuit(quits::incrementAndGet);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private void ready() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.training().getSnapshot() != null
                && model.autoencoderSpace().getCodes() != null && !model.status().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Trains {@code n} minibatches and waits for their snapshot. */
    private void train(FxRobot robot, int n) throws Exception {
        long target = model.training().getSnapshot().step() + n;
        robot.interact(() -> {
            for (int i = 0; i < n; i++) {
                model.training().stepBatch();
            }
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == target);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void save(FxRobot robot, Path lesson) throws Exception {
        robot.interact(() -> model.lessons().save(lesson, view.captureViewState()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lesson.toAbsolutePath().equals(model.lessons().getFile())
                && !model.status().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code action} on the FX thread without waiting for it: it waits in a dialog for the user. */
    private static void later(Runnable action) {
        javafx.application.Platform.runLater(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Button dialogButton(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").match(n -> text.equals(((Button) n).getText())).queryButton();
    }

    @Test
    void theTitleNamesTheLessonOrDataSetAndMarksUnsavedTraining(FxRobot robot) throws Exception {
        ready();
        assertEquals("Latent Lab — MNIST", stage.getTitle(), "the bundled model counts as saved");
        train(robot, 3);
        assertEquals("Latent Lab — MNIST •", stage.getTitle());
        Path lesson = dir.resolve("digits" + LessonFile.EXTENSION);
        save(robot, lesson);
        assertEquals("Latent Lab — digits.lesson", stage.getTitle());
        train(robot, 1);
        assertEquals("Latent Lab — digits.lesson •", stage.getTitle());
        robot.interact(() -> model.training().reset());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.training().getSnapshot().step() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Latent Lab — digits.lesson", stage.getTitle(), "a new network has nothing to lose yet");
    }

    @Test
    void quittingWithUnsavedTrainingAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
        ready();
        robot.interact(view::quit);
        assertEquals(1, quits.get(), "nothing to lose: quits at once");
        train(robot, 2);
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn(dialogButton(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, quits.get(), "Cancel: still here");
        assertTrue(model.unsaved().isUnsaved());
        robot.push(KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn(dialogButton(robot, "Discard"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, quits.get(), "Discard: gone");
    }

    @Test
    void saveInThePromptWritesTheLessonAndThenQuits(FxRobot robot) throws Exception {
        ready();
        Path lesson = dir.resolve("a" + LessonFile.EXTENSION);
        save(robot, lesson);
        long before = Files.getLastModifiedTime(lesson).toMillis();
        train(robot, 2);
        long step = model.training().getSnapshot().step();
        later(view::quit);
        robot.clickOn(dialogButton(robot, "Save lesson…"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> quits.get() == 1);
        assertEquals(step, LessonFile.load(lesson).model().checkpoint().step(), "the lesson holds the training");
        assertTrue(Files.getLastModifiedTime(lesson).toMillis() >= before);
        assertFalse(model.unsaved().isUnsaved());
    }

    @Test
    void openingAnotherLessonAsksFirst(FxRobot robot) throws Exception {
        ready();
        Path other = dir.resolve("other" + LessonFile.EXTENSION);
        save(robot, other);
        train(robot, 2);
        Path current = dir.resolve("current" + LessonFile.EXTENSION);
        later(() -> view.openLesson(other));
        robot.clickOn(dialogButton(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(other.toAbsolutePath(), model.lessons().getFile(), "nothing opened, nothing lost");
        assertTrue(model.unsaved().isUnsaved());
        assertFalse(Files.exists(current));
        later(() -> view.openLesson(other));
        robot.clickOn(dialogButton(robot, "Discard"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.unsaved().isUnsaved() && !model.status().isBusy());
        assertEquals(other.toAbsolutePath(), model.lessons().getFile());
    }
}
