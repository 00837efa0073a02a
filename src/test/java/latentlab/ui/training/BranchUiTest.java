package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import latentlab.train.Checkpoint;
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

/** "Train from here" in the window: the branch starts at the moment, and the run it came from is kept intact. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class BranchUiTest {
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
    void aBranchStartsAtTheMomentAndTheOriginalRunCanBeTakenUpAgainUnchanged(FxRobot robot) throws Exception {
        ThirtySteps.train(robot, model);
        robot.interact(() -> model.timeline().showStep(10));
        assertEquals(10, model.timeline().timelineProperty().get().moments()
                .get(model.timeline().indexProperty().get()).step());
        robot.interact(() -> model.runs().trainFromHere());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.runs().runs().size() == 2
                && live() != null && live().step() == 10);
        assertEquals(1, model.runs().activeProperty().get());
        RunsViewModel.Run original = model.runs().runs().get(0);
        assertNotNull(original.end(), "the original run is kept aside");
        assertEquals(30, original.end().step());
        assertTrue(original.timeline().moments().size() >= 30, "with its history");
        assertEquals("Run 1", model.runs().runs().get(1).parent().parent());
        assertEquals(10, model.runs().runs().get(1).parent().step());
        assertTrue(model.timeline().liveProperty().get());

        robot.interact(() -> model.training().stepBatch());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live().step() == 11);
        robot.interact(() -> model.runs().switchTo(0));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.runs().activeProperty().get() == 0
                && live() != null && live().step() == 30);
        Checkpoint back = model.training().checkpoint();
        assertArrayEquals(original.end().parameters(), back.parameters(), "the original run, untouched");
        assertEquals(11, model.runs().runs().get(1).end().step(), "the branch is kept aside in turn");
    }
}
