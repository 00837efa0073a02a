package latentlab.ui.session;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's error banner as state: any view-model reports a problem in one line that names it; the banner shows
 * the latest until the user dismisses it or the next action succeeds. FX thread only.
 */
public final class Notices {
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /** The problem shown, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    /** Shows {@code message} (one line naming the problem). */
    public void report(String message) {
        error.set(message);
    }

    /** Hides the banner. */
    public void dismiss() {
        error.set(null);
    }
}
