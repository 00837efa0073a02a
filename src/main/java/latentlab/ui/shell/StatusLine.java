package latentlab.ui.shell;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import latentlab.compute.Progress;
import latentlab.io.Messages;
import latentlab.ui.session.JobRunner;
import latentlab.ui.session.Notices;

/**
 * The status bar's state: one line of text, the progress of the background job that runs now, whether one runs,
 * and the job itself while it can be cancelled. Loading, lessons and exports run their work through it, on the
 * window's {@link JobRunner}: while a job runs, the line shows the job's own messages; when it ends, its outcome.
 * FX thread only.
 */
public final class StatusLine {
    private final JobRunner jobs;
    private final Notices notices;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Starting…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Task<?>> job = new ReadOnlyObjectWrapper<>(this, "job");

    public StatusLine(JobRunner jobs, Notices notices) {
        this.jobs = jobs;
        this.notices = notices;
    }

    /** The line shown. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    /** Progress of the running job in [0, 1], -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether a job runs (commands that would start another are disabled meanwhile). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** The running job that the user may cancel (saving, exporting, opening a lesson), or null. */
    public ReadOnlyObjectProperty<Task<?>> jobProperty() {
        return job.getReadOnlyProperty();
    }

    /** Cancels the cancellable job, if one runs. */
    public void cancelJob() {
        Task<?> t = job.get();
        if (t != null) {
            t.cancel();
        }
    }

    /** Shows {@code line}, unless a running job's messages are shown (they are newer). */
    public void show(String line) {
        if (!text.isBound()) {
            text.set(line);
        }
    }

    /**
     * Shows {@code line}, an instruction that goes stale once it is followed: when {@code done} becomes true and the
     * line is still shown, {@code after} replaces it (e.g. "press Play…" once training runs).
     */
    public void showUntil(String line, ObservableValue<Boolean> done, String after) {
        show(line);
        done.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (Boolean.TRUE.equals(now)) {
                    done.removeListener(this);
                    if (line.equals(text.get())) {
                        show(after);
                    }
                }
            }
        });
    }

    /** Adds {@code more} to the line shown, unless a running job's messages are shown. */
    public void append(String more) {
        show(text.get() + more);
    }

    /**
     * Runs {@code task} on the job runner: the line follows its messages and the bar its progress, the error banner
     * is cleared, and commands are disabled until it ends. When it ends the status is released first, then exactly
     * one of the handlers runs.
     *
     * @param cancellable whether the status bar offers to cancel it
     */
    public <T> void start(Task<T> task, boolean cancellable, Consumer<T> succeeded, Consumer<Throwable> failed,
                          Runnable cancelled) {
        task.setOnSucceeded(e -> {
            release(task);
            succeeded.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            release(task);
            failed.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            release(task);
            cancelled.run();
        });
        busy.set(true);
        notices.dismiss();
        progress.bind(task.progressProperty());
        text.bind(task.messageProperty());
        if (cancellable) {
            job.set(task);
        }
        if (!jobs.submit(task)) {
            // The window is closing: nothing runs any more, and nothing is left waiting.
            release(task);
        }
    }

    /**
     * Runs {@code work} as a cancellable job: on success the line says {@code done}; on failure the error banner
     * names the problem; on cancellation the line says that nothing was written (the writers are atomic).
     */
    public <T> void run(String title, String done, Job<T> work) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title + "…");
                return work.run(new Progress() {
                    @Override
                    public void update(double d, double total, String message) {
                        updateProgress(d, total);
                        if (message != null) {
                            updateMessage(message);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return wasCancelled();
                    }
                });
            }

            private boolean wasCancelled() {
                return isCancelled();
            }
        };
        start(task, true, value -> text.set(done), error -> {
            notices.report(title + " failed: " + Messages.describe(error));
            text.set(title + " failed");
        }, () -> text.set(title + ": cancelled, nothing was written"));
    }

    private void release(Task<?> task) {
        progress.unbind();
        text.unbind();
        progress.set(0);
        busy.set(false);
        if (job.get() == task) {
            job.set(null);
        }
    }

    /** A job's body: gets a progress sink that also reports cancellation. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }
}
