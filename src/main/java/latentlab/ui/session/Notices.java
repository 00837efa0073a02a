package latentlab.ui.session;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window's error banner as state: any view-model reports a problem in one line that names it, optionally with
 * what the user can do about it (e.g. "Locate…"); the banner shows the latest until the user dismisses it, takes one
 * of the offered actions, or the next action succeeds. FX thread only.
 */
public final class Notices {
    /** Something the user can do about the problem shown: a button's text and what it does. */
    public record Action(String label, Runnable run) {
        public Action {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(run, "run");
        }
    }

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<List<Action>> actions = new ReadOnlyObjectWrapper<>(this, "actions", List.of());

    /** The problem shown, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    /** What the user can do about the problem shown (empty when there is nothing but dismissing it). */
    public ReadOnlyObjectProperty<List<Action>> actionsProperty() {
        return actions.getReadOnlyProperty();
    }

    /** Shows {@code message} (one line naming the problem). */
    public void report(String message) {
        report(message, List.of());
    }

    /** Shows {@code message} with buttons for {@code offered}; taking one hides the banner first. */
    public void report(String message, List<Action> offered) {
        actions.set(List.copyOf(offered));
        error.set(message);
    }

    /** Takes the offered action {@code a}: hides the banner, then runs it. */
    public void take(Action a) {
        if (!actions.get().contains(a)) {
            throw new IllegalArgumentException("not an offered action: " + a.label());
        }
        dismiss();
        a.run().run();
    }

    /** Hides the banner. */
    public void dismiss() {
        error.set(null);
        actions.set(List.of());
    }
}
