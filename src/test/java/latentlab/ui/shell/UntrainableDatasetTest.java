package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import latentlab.data.IdxFixtures;
import latentlab.testing.FxPulses;
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
 * Issue 14, item 1: a data set the current network settings can't train on (1-pixel images for a code of two
 * numbers; images wider than any layer may be) opens with the settings marked invalid and one clear message; the
 * frame loop never throws, the window stays usable, and a data set that can be trained on works afterwards.
 * Before, the old trainer kept running over the new images and the map's update threw on every frame.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class UntrainableDatasetTest {
    @TempDir
    Path dir;
    private AppContext context;
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    @Start
    void start(Stage stage) {
        previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            fxErrors.add(e);
            previous.uncaughtException(t, e);
        });
        context = new AppContext();
        context.datasets().setUsePretrained(false);
        TestWindow.show(stage, context, 1280, 800);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(context);
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(previous)).get();
    }

    /** Opens a fixture of {@code nTest} test images of rows x cols and waits until it is the open data set. */
    private void open(FxRobot robot, String name, int nTest, int rows, int cols) throws Exception {
        Path folder = IdxFixtures.datasetFolder(dir.resolve(name), 60, nTest, rows, cols, true);
        robot.interact(() -> context.datasets().open(folder));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.getDataset() != null
                && context.getDataset().name().equals(name) && !context.status().isBusy());
        // Some frames of the window's loop with the new data set.
        FxPulses.await(10);
    }

    private void assertUsableWithout(FxRobot robot, String what) {
        assertEquals(List.of(), fxErrors, "nothing thrown on the FX thread");
        String error = context.notices().getError();
        assertNotNull(error, "the banner names the problem");
        assertTrue(error.contains(what) && error.contains("press Apply"), error);
        assertFalse(error.contains("Stopped updating"), "no per-frame update failed: " + error);
        Label shown = robot.lookup(".error-banner .label").queryAs(Label.class);
        assertEquals(error, shown.getText());
        assertTrue(shown.isVisible());
        assertFalse(context.training().readyProperty().get(), "no network trains on images it doesn't fit");
        assertNull(context.training().getSnapshot(), "the old network's snapshot went with it");
        assertNotNull(context.training().settingsErrorProperty().get(), "the settings are marked invalid");
        assertNull(context.autoencoderSpace().getCodes(), "no codes over images they were not made for");
        assertFalse(context.status().getText().startsWith("Reading"), context.status().getText());
        Button open = robot.lookup(".button").match(n -> "Open data set…".equals(((Button) n).getText())).query();
        assertFalse(open.isDisabled(), "another data set can be opened");
    }

    private void assertTrainsOn(int nTest) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.autoencoderSpace().getCodes() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fxErrors);
        assertTrue(context.training().readyProperty().get());
        assertNull(context.training().settingsErrorProperty().get());
        assertEquals(nTest * 2, context.autoencoderSpace().getCodes().length);
        assertNull(context.notices().getError(), context.notices().getError());
    }

    @Test
    void aDataSetTheSettingsCantTrainOpensWithAMessageAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.autoencoderSpace().getCodes() != null);

        // One pixel per image: no code of k = 2 can be smaller than the input.
        open(robot, "dots", 100, 1, 1);
        assertUsableWithout(robot, "k = 2 must be smaller than the input size d = 1");

        // A data set with another test set size that the settings fit trains at once.
        open(robot, "small", 100, 28, 28);
        assertTrainsOn(100);

        // Images wider than any layer may be: refused by the settings again, the window stays usable.
        open(robot, "wide", 10, 400, 400);
        assertUsableWithout(robot, "must be between 1 and");

        // And after that, a data set that can be trained on trains.
        open(robot, "tiny", 50, 4, 4);
        assertTrainsOn(50);
        long step = context.training().getSnapshot().step();
        robot.interact(() -> context.training().stepBatch());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.training().getSnapshot().step() == step + 1);
    }
}
