package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.data.Dataset;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;
import org.junit.jupiter.api.Test;

/** The window is starting until its first map: then the time is shown, and work that gave way may run. */
class LaunchTimingTest {
    @Test
    void theStartEndsWithTheFirstCodesAndTheTimeIsShown() {
        LatentSpaceModel space = new LatentSpaceModel("Autoencoder", new SelectionModel());
        JobRunner jobs = new JobRunner("launch-test");
        try {
            StatusLine status = new StatusLine(jobs, new Notices());
            LaunchTiming launch = new LaunchTiming(space, status);
            assertTrue(launch.startingProperty().get());
            space.setDisplay(new Dataset("tiny", 4, 4, new byte[3 * 16], new byte[3]));
            space.update(Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1), new float[3 * 2]);
            assertFalse(launch.startingProperty().get(), "started once the first codes are shown");
            assertTrue(launch.readyAfterLaunch() >= 0);
            assertTrue(status.textProperty().get().contains("ready"), status.textProperty().get());
        } finally {
            jobs.shutdown();
        }
    }
}
