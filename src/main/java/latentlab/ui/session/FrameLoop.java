package latentlab.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import latentlab.ui.common.Showing;

/**
 * The window's one per-frame loop: every pulse, each registered update reads the newest state (the training
 * snapshot, a finished background result) and hands it to its views. Nothing in an update may wait.
 *
 * <p>An update that throws is stopped for good and reported once through the failure handler (the window shows
 * it in its error banner), so a bad state never throws sixty times a second on the FX thread while nothing
 * repaints; the other updates and the rest of the window keep working.
 */
public final class FrameLoop {
    private final List<Entry> entries = new ArrayList<>();
    private Consumer<String> onFailure = message -> { };

    /** Runs this loop on every pulse while {@code root} is in a showing window. */
    public void attachTo(Node root) {
        Showing.drive(root, new AnimationTimer() {
            @Override
            public void handle(long now) {
                runOnce();
            }
        });
    }

    /** Where a failed update is reported: one line naming the update and the problem. */
    public void setOnFailure(Consumer<String> handler) {
        this.onFailure = handler;
    }

    /**
     * Adds {@code update}, run once per frame from now on, in the order added. {@code name} says what it updates
     * (e.g. "the latent map") for the failure message.
     *
     * @return a handle that removes the update
     */
    public Registration add(String name, Runnable update) {
        Entry e = new Entry(name, update);
        entries.add(e);
        return () -> entries.remove(e);
    }

    /** Whether the update registered under {@code name} was stopped by a failure. */
    public boolean hasFailed(String name) {
        return entries.stream().anyMatch(e -> e.name.equals(name) && e.failed);
    }

    /** Runs every live update once (the pulse calls this; tests may too). */
    public void runOnce() {
        for (Entry e : List.copyOf(entries)) {
            if (e.failed) {
                continue;
            }
            try {
                e.update.run();
            } catch (RuntimeException | StackOverflowError ex) {
                e.failed = true;
                String problem = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                onFailure.accept("Stopped updating " + e.name + ": " + problem.replace('\n', ' '));
            }
        }
    }

    /** Restarts the updates a failure stopped (after the state that caused it was replaced, e.g. a new data set). */
    public void resetFailures() {
        for (Entry e : entries) {
            e.failed = false;
        }
    }

    /** Removes a registered update. */
    @FunctionalInterface
    public interface Registration {
        void remove();
    }

    private static final class Entry {
        final String name;
        final Runnable update;
        boolean failed;

        Entry(String name, Runnable update) {
            this.name = name;
            this.update = update;
        }
    }
}
