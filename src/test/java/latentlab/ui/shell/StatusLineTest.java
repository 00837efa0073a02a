package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.concurrent.Task;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's state around background jobs: messages, busy, the cancellable job, and each way a job ends. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class StatusLineTest {
    private final JobRunner jobs = new JobRunner("status-test");
    private final Notices notices = new Notices();
    private final StatusLine status = new StatusLine(jobs, notices);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
    }

    @Test
    void aJobShowsItsMessagesAndProgressThenWhatItDid() throws Exception {
        fx(() -> notices.report("an older problem"));
        fx(() -> status.run("Exporting codes", "Saved the codes", p -> {
            p.update(1, 4, "Encoding");
            started.countDown();
            release.await();
            return null;
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        waitUntil(() -> "Encoding".equals(status.getText()) && status.progressProperty().get() == 0.25);
        assertTrue(fx(status::isBusy));
        assertNotNull(fx(() -> status.jobProperty().get()), "the status bar offers to cancel it");
        assertNull(fx(notices::getError), "starting a job clears the banner");
        fx(() -> status.show("something else"));
        assertEquals("Encoding", fx(status::getText), "the job's messages are newer");
        release.countDown();
        waitUntil(() -> !status.isBusy());
        assertEquals("Saved the codes", fx(status::getText));
        assertNull(fx(() -> status.jobProperty().get()));
        assertEquals(0, fx(() -> status.progressProperty().get()));
        fx(() -> status.append(" · more"));
        assertEquals("Saved the codes · more", fx(status::getText));
    }

    @Test
    void aFailedJobNamesTheProblemInTheBanner() throws Exception {
        fx(() -> status.run("Saving map.png", "Saved map.png", p -> {
            throw new IOException("map.png: permission denied");
        }));
        waitUntil(() -> !status.isBusy() && notices.getError() != null);
        assertEquals("Saving map.png failed: map.png: permission denied", fx(notices::getError));
        assertEquals("Saving map.png failed", fx(status::getText));
    }

    @Test
    void aCancelledJobSaysNothingWasWritten() throws Exception {
        fx(() -> status.run("Exporting for NumPy", "Saved", p -> {
            started.countDown();
            release.await();
            return null;
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        fx(status::cancelJob);
        waitUntil(() -> !status.isBusy());
        assertEquals("Exporting for NumPy: cancelled, nothing was written", fx(status::getText));
        assertNull(fx(notices::getError));
    }

    @Test
    void aJobThatCantBeCancelledOffersNoCancelAndAClosedWindowRunsNothing() throws Exception {
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                updateMessage("Reading");
                return "read";
            }
        };
        String[] got = new String[1];
        fx(() -> status.start(task, false, v -> got[0] = v, e -> { }, () -> { }));
        assertNull(fx(() -> status.jobProperty().get()));
        waitUntil(() -> !status.isBusy());
        assertEquals("read", got[0]);

        jobs.shutdown();
        Task<String> late = new Task<>() {
            @Override
            protected String call() {
                return "never";
            }
        };
        fx(() -> status.start(late, true, v -> got[0] = v, e -> { }, () -> { }));
        assertFalse(fx(status::isBusy), "nothing is left waiting for a job that will never run");
        assertNull(fx(() -> status.jobProperty().get()));
    }

    @Test
    void anInstructionGoesOnceItIsFollowed() throws Exception {
        javafx.beans.property.BooleanProperty running = new javafx.beans.property.SimpleBooleanProperty();
        fx(() -> status.showUntil("Reset: press Play to train from scratch", running, "Training from scratch"));
        assertEquals("Reset: press Play to train from scratch", status.getText());
        fx(() -> running.set(true));
        assertEquals("Training from scratch", status.getText(), "not 'press Play' while training runs");
        fx(() -> status.showUntil("Press Play", running, "never shown")); // already running: it waits for the next start
        fx(() -> status.show("something newer"));
        fx(() -> {
            running.set(false);
            running.set(true);
        });
        assertEquals("something newer", status.getText(), "a newer line is left alone");
    }
}
