package latentlab.ui.training;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import latentlab.train.EpochRecord;
import latentlab.train.Snapshot;
import latentlab.train.Trainer;
import latentlab.train.TrainingListener;

/**
 * "Stop after N epochs": the epoch at whose end training pauses by itself, armed when Play is pressed and checked
 * on the training thread at the end of each epoch, so that it stops before the next one begins.
 */
final class EpochStop {
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "stopAfterEpochs", 0);
    private volatile int stopAt;

    /** Epochs to train after Play (0: keep going). */
    IntegerProperty epochsProperty() {
        return epochs;
    }

    /** Sets the epoch at whose end training pauses, from the setting and the epochs of {@code now} (or none). */
    void arm(Snapshot now) {
        int done = now == null ? 0 : now.epochs().size();
        stopAt = epochs.get() > 0 ? done + epochs.get() : 0;
    }

    /** Pauses {@code t} at the end of the armed epoch; a new trainer starts unarmed. */
    void watch(Trainer t) {
        stopAt = 0;
        t.addListener(new TrainingListener() {
            @Override
            public void epochFinished(EpochRecord record) {
                if (stopAt > 0 && record.epoch() >= stopAt) {
                    stopAt = 0;
                    t.pause();
                }
            }
        });
    }
}
