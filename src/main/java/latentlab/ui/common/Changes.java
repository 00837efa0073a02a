package latentlab.ui.common;

import javafx.beans.value.ObservableValue;

/**
 * Runs an action after every change of any of several values. Change listeners, not invalidation listeners: an
 * invalidation listener on a property fires again only after someone has read the property, which an action that
 * returns early may not have done — and then later changes go unnoticed.
 */
public final class Changes {
    private Changes() {
    }

    /** Calls {@code action} whenever one of {@code values} changes. */
    public static void onAny(Runnable action, ObservableValue<?>... values) {
        for (ObservableValue<?> v : values) {
            v.addListener((o, was, now) -> action.run());
        }
    }
}
