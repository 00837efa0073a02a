package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import latentlab.data.DatasetPair;
import latentlab.data.IdxFixtures;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.session.FrameLoop;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;
import latentlab.ui.training.TrainingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The data set session without a window: reading in the background, and showing a data set as one step in which
 * the trainer and the map switch together, also when the network settings can't train on the new images.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DatasetSessionTest {
    @TempDir
    Path dir;
    private final JobRunner jobs = new JobRunner("session-test");
    private final Notices notices = new Notices();
    private final StatusLine status = new StatusLine(jobs, notices);
    private final TrainingViewModel training = new TrainingViewModel(latentlab.compute.TestPool.get());
    private final SelectionModel selection = new SelectionModel();
    private final LatentSpaceModel space = new LatentSpaceModel("Autoencoder", selection);
    private final FrameLoop frames = new FrameLoop();
    private final AtomicInteger forgotten = new AtomicInteger();
    private DatasetSession session;

    @BeforeEach
    void setUp() {
        training.settings().hiddenLayersProperty().set("8");
        training.settings().batchSizeProperty().set(16);
        session = new DatasetSession(status, notices, training, space, selection, frames);
        session.setOnReplaced(forgotten::incrementAndGet);
        frames.setOnFailure(notices::report);
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            session.shutdown();
            training.shutdown();
            return null;
        });
        jobs.shutdown();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private Path fixture(String name, int rows, int cols) throws Exception {
        return IdxFixtures.datasetFolder(dir.resolve(name), 60, 20, rows, cols, true);
    }

    private void openAndWait(Path folder) throws Exception {
        fx(() -> {
            session.open(folder);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !status.isBusy()));
    }

    @Test
    void aFolderIsReadInTheBackgroundAndShownWithANetworkForIt() throws Exception {
        Path folder = fixture("tiny", 4, 4);
        openAndWait(folder);
        DatasetPair pair = fx(session::getDataset);
        assertNotNull(pair);
        assertEquals(folder.toAbsolutePath().normalize(), fx(session::getFolder));
        assertTrue(fx(status::getText).startsWith("tiny: 60 + 20 images of 4 × 4, read in "), fx(status::getText));
        assertNull(fx(notices::getError));
        assertTrue(fx(() -> training.readyProperty().get()));
        assertSame(pair.test(), fx(space::getDisplay), "the map shows the new test images");
        assertEquals(1, forgotten.get());

        openAndWait(dir.resolve("no-such-folder"));
        assertTrue(fx(notices::getError).startsWith("Could not open " + dir.resolve("no-such-folder") + ": "),
                fx(notices::getError));
        assertEquals("Kept the data set that was open", fx(status::getText));
        assertSame(pair, fx(session::getDataset), "nothing changed");
        assertEquals(1, forgotten.get());
    }

    @Test
    void settingsThatFitClearTheMessageOnceApplied() throws Exception {
        DatasetPair tiny = DatasetPair.open(fixture("tiny", 4, 4));
        fx(() -> {
            training.settings().latentSizeProperty().set(16);
            return null;
        });
        String problem = fx(() -> session.show(tiny, dir.resolve("tiny"), null, null));
        assertTrue(problem.contains("k = 16 must be smaller than the input size d = 16"), problem);
        assertNotNull(fx(notices::getError));
        fx(() -> {
            training.settings().latentSizeProperty().set(2);
            return null;
        });
        assertNull(fx(() -> training.settingsErrorProperty().get()), "valid now, not applied yet");
        assertNotNull(fx(notices::getError), "the message stays until they are applied");
        fx(() -> {
            training.applySettings();
            return null;
        });
        assertTrue(fx(() -> training.readyProperty().get()));
        assertNull(fx(notices::getError));
    }

    @Test
    void dataTheSettingsCantTrainOpenWithoutANetworkAndTheReason() throws Exception {
        DatasetPair tiny = DatasetPair.open(fixture("tiny", 4, 4));
        DatasetPair dots = DatasetPair.open(fixture("dots", 1, 1));
        assertNull(fx(() -> session.show(tiny, dir.resolve("tiny"), null, null)));
        assertNotNull(fx(training::getSnapshot));
        AtomicBoolean broken = new AtomicBoolean(true);
        fx(() -> frames.add("the latent map", () -> {
            if (broken.get()) {
                throw new IllegalArgumentException("codes of another data set");
            }
        }));
        fx(() -> {
            frames.runOnce();
            return null;
        });
        assertTrue(fx(() -> frames.hasFailed("the latent map")));

        String problem = fx(() -> session.show(dots, dir.resolve("dots"), null, null));
        assertTrue(problem.contains("k = 2 must be smaller than the input size d = 1"), problem);
        assertEquals("Opened dots (1 × 1 images), but the network settings can't train on it: " + problem
                + ". Change the settings in the training panel and press Apply.", fx(notices::getError));
        assertSame(dots, fx(session::getDataset));
        assertFalse(fx(() -> training.readyProperty().get()));
        assertNull(fx(training::getSnapshot), "the old network is closed, not left training on other images");
        assertEquals(problem, fx(() -> training.settingsErrorProperty().get()), "the settings are marked invalid");
        assertSame(dots.test(), fx(space::getDisplay));
        assertNull(fx(space::getCodes));
        assertFalse(fx(() -> frames.hasFailed("the latent map")), "updates stopped by the old state run again");

        // The same data set shown again (a lesson on it) keeps what belongs to it.
        broken.set(false);
        assertNull(fx(() -> session.show(tiny, dir.resolve("tiny"), null, null)));
        assertEquals(3, forgotten.get(), "tiny, dots, tiny");
        assertNull(fx(() -> session.show(tiny, dir.resolve("tiny"), null, null)));
        assertEquals(3, forgotten.get(), "nothing forgotten for the same data set");
        assertTrue(fx(() -> training.readyProperty().get()));
    }
}
