package latentlab.ui.training;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import latentlab.train.Snapshot;
import latentlab.ui.explorer.LatentSpaceModel;

/**
 * Hands the newest training snapshot to the autoencoder's latent space, once per frame: its model, and its codes of
 * the display images whenever the trainer refreshed them. Reads the snapshot the {@link TrainingViewModel} polled
 * this frame; never waits for the training thread.
 *
 * <p>The data set and the trainer switch together (a trainer encodes exactly the images its latent space
 * displays), so codes that don't fit the display are a bug: {@link LatentSpaceModel#update} refuses them, and the
 * window's frame loop stops this update and reports it once.
 */
public final class LatentMapFeed {
    private final ReadOnlyObjectProperty<Snapshot> snapshot;
    private final LatentSpaceModel space;
    private Consumer<Snapshot> onNewMap = s -> { };
    private long lastMapStep = -1;

    public LatentMapFeed(ReadOnlyObjectProperty<Snapshot> snapshot, LatentSpaceModel space) {
        this.snapshot = snapshot;
        this.space = space;
    }

    /** Called with each snapshot handed to the latent space, after the handover. */
    public void setOnNewMap(Consumer<Snapshot> handler) {
        this.onNewMap = handler;
    }

    /** The per-frame update: hands over the snapshot if it is newer than the one shown. */
    public void update() {
        Snapshot s = snapshot.get();
        if (s == null || s.displayCodes() == null || space.getDisplay() == null
                || (s.displayCodes() == space.getCodes() && s.model() == space.getCodec())) {
            return;
        }
        // Fewer steps than the last map's: the run started again (reset, new settings, linear autoencoder).
        boolean restarted = lastMapStep >= 0 && s.step() < lastMapStep;
        lastMapStep = s.step();
        space.update(s.model(), s.displayCodes());
        if (restarted) {
            space.recentreOutsideRange();
        }
        onNewMap.accept(s);
    }
}
