package latentlab.ui.training;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

import latentlab.train.Snapshot;
import latentlab.ui.shell.AppContext;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window tests' run with a history: the bundled network reset, then 30 single steps, every one kept. */
final class ThirtySteps {
    private ThirtySteps() {
    }

    /** Waits for the bundled data set, resets the network, takes 30 steps and waits until all 30 moments are kept. */
    static void train(FxRobot robot, AppContext model) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live(model) != null
                && model.autoencoderSpace().getCodes() != null);
        robot.interact(() -> model.training().reset());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live(model) != null && live(model).step() == 0);
        for (int i = 0; i < 30; i++) {
            robot.interact(() -> model.training().stepBatch());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live(model).step() == 30
                && model.timeline().timelineProperty().get().moments().size() >= 30);
    }

    private static Snapshot live(AppContext model) {
        return model.training().getSnapshot();
    }
}
