package latentlab.ui.shell;

/**
 * Something a background task makes for the FX thread, such as a trainer that starts work as soon as it exists: it
 * is either taken by whoever handles the task's success, or closed, whichever way the task and its cancellation
 * interleave (a task may be cancelled while it is still making it, and then goes on to finish making it).
 */
final class Handoff<T extends AutoCloseable> {
    private T item;
    private boolean cancelled;

    /** The task offers what it made; if the task was cancelled already, it is closed at once. */
    synchronized void offer(T t) {
        if (cancelled) {
            closeQuietly(t);
        } else {
            item = t;
        }
    }

    /** Takes what was offered (null if nothing); from now on it is the taker's to close. */
    synchronized T take() {
        T t = item;
        item = null;
        return t;
    }

    /** The task failed or was cancelled: closes what was offered and anything offered later. */
    synchronized void cancel() {
        cancelled = true;
        if (item != null) {
            closeQuietly(item);
            item = null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Closing only stops background work; there is nothing the user could do about a failure here.
        }
    }
}
