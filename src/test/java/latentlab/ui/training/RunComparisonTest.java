package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import latentlab.compute.TestPool;
import latentlab.eval.Encoding;
import latentlab.eval.Procrustes;
import latentlab.train.Moment;
import latentlab.train.Snapshot;
import latentlab.ui.shell.AppContext;
import latentlab.ui.shell.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two runs of the tree compared in the window: the other run's loss curve goes to the chart, and side by side its
 * map is the one of its kept moment nearest the step shown (turned onto this run's when aligned).
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunComparisonTest {
    private AppContext model;

    @Start
    void start(Stage stage) {
        model = new AppContext();
        TestWindow.show(stage, model, 1400, 900);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.close(model);
    }

    private Snapshot live() {
        return model.training().getSnapshot();
    }

    @Test
    void theOtherRunsLossesAndItsMapAtTheNearestKeptMoment(FxRobot robot) throws Exception {
        ThirtySteps.train(robot, model);
        robot.interact(() -> model.timeline().showStep(10));
        robot.interact(() -> model.runs().trainFromHere());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.runs().runs().size() == 2
                && live() != null && live().step() == 10);
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> model.training().stepBatch());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live().step() == 15 && live().codesStep() == 15);
        RunComparison compare = model.comparedRuns();
        assertNull(compare.overlayProperty().get(), "nothing compared yet");

        robot.interact(() -> compare.compareWith(1));
        LossOverlay overlay = compare.overlayProperty().get();
        assertNotNull(overlay);
        assertEquals("Run 2", overlay.current());
        assertEquals("Run 1", overlay.other());
        assertEquals(30, overlay.losses().length(), "Run 1's 30 batch losses");
        assertNull(compare.mapsProperty().get(), "side by side only when asked for");

        robot.interact(() -> compare.sideBySideProperty().set(true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compare.mapsProperty().get() != null);
        RunComparison.Pair pair = compare.mapsProperty().get();
        RunsViewModel.Run first = model.runs().runs().get(0);
        Moment at15 = first.timeline().nearest(15);
        assertEquals(15, at15.step(), "Run 1 kept step 15");
        float[] expected = Encoding.encode(at15.network(first.end().architecture()), model.getDataset().test(),
                TestPool.get());
        assertArrayEquals(expected, pair.right().codes(), "Run 1's map at its moment nearest step 15");
        assertTrue(pair.right().title().startsWith("Run 1 · step 15"), pair.right().title());
        assertTrue(pair.left().title().startsWith("Run 2 · step 15"), pair.left().title());
        assertTrue(robot.lookup("#run-maps").query().isVisible(), "the two maps are shown");

        Snapshot shown = model.timeline().shownProperty().get();
        robot.interact(() -> model.timeline().alignProperty().set(true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compare.mapsProperty().get().right().title()
                .endsWith("aligned"));
        int k = 2;
        assertArrayEquals(Procrustes.align(expected, shown.displayCodes(), expected.length / k, k),
                compare.mapsProperty().get().right().codes(), "turned onto this run's map");

        robot.interact(() -> compare.compareWith(-1));
        assertNull(compare.overlayProperty().get());
        assertNull(compare.mapsProperty().get());
    }
}
