package latentlab.ui.comparison;

import javafx.application.Platform;
import latentlab.io.Messages;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;

/**
 * Work for a job lane whose failure the user should hear about: an exception becomes one line in the window's
 * error banner (on the FX thread) instead of a stack trace on a background thread's console.
 */
final class BackgroundWork {
    private BackgroundWork() {
    }

    /**
     * Queues {@code work} on {@code lane}; if it throws, reports "{@code failure}: the problem".
     *
     * @param failure what could not be done, e.g. "Could not encode the test images with PCA"
     */
    static void submit(JobRunner.Lane lane, Notices notices, String failure, Runnable work) {
        lane.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Platform.runLater(() -> notices.report(failure + ": " + Messages.describe(e)));
            }
        });
    }
}
