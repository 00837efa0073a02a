package latentlab.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import latentlab.train.Snapshot;

/**
 * Whether the network has trained since it was last saved, opened or started: the step it had then is the saved
 * step, and any snapshot at another step is unsaved training. A new network (another data set, a lesson, new
 * settings, Reset) starts saved: what it replaced was either saved or given up with the user's consent. FX thread.
 */
public final class UnsavedWork {
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private long savedStep = -1;

    /** @param snapshot the training's latest snapshot (null while no network trains) */
    public UnsavedWork(ReadOnlyObjectProperty<Snapshot> snapshot) {
        this.snapshot = snapshot;
        snapshot.addListener((o, was, now) -> {
            if (now == null) {
                savedStep = -1;
            } else if (was == null || now.step() == 0 || now.step() < savedStep) {
                savedStep = now.step(); // a network that was just opened or started again
            }
            unsaved.set(now != null && now.step() != savedStep);
        });
        if (snapshot.get() != null) {
            savedStep = snapshot.get().step();
        }
    }

    /** Whether there is training that no lesson holds. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public boolean isUnsaved() {
        return unsaved.get();
    }

    /** Minibatches trained since the network was last saved, opened or started. */
    public long unsavedSteps() {
        Snapshot s = snapshot.get();
        return s == null || savedStep < 0 ? 0 : Math.max(0, s.step() - savedStep);
    }

    /** The network was saved at {@code step} (training may have gone on since). */
    public void savedAt(long step) {
        savedStep = step;
        Snapshot s = snapshot.get();
        unsaved.set(s != null && s.step() != step);
    }
}
