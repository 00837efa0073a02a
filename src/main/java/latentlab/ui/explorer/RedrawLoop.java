package latentlab.ui.explorer;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import latentlab.ui.common.Showing;

/**
 * When the map redraws: at the next pulse after anything changed (direct interaction feels immediate), and while
 * something moves by itself (points gliding, the view easing towards the codes, a new manifold grid) at most
 * about 30 times a second, which is smooth to the eye and leaves the second core to training. Nothing is drawn
 * while the map is hidden (another tab), and it redraws as soon as it shows again. Runs only while the map is in
 * a showing window.
 *
 * <p>A redraw that throws stops the loop for good (it would otherwise throw sixty times a second on the FX
 * thread) and is reported once.
 */
final class RedrawLoop {
    /** While things move by themselves, at most one redraw per this interval. */
    static final long ANIMATION_FRAME_NANOS = 30_000_000L;

    private final Node node;
    private final LongPredicate moving;
    private final LongConsumer render;
    private final Consumer<RuntimeException> onFailure;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };
    private boolean dirty = true;
    private boolean failed;
    private long lastFrame;
    private long lastRender;

    /**
     * @param node      the map: the loop runs while it is showing and draws while it and its parents are visible
     * @param moving    given the time and the seconds since the last frame, advances what moves by itself and says
     *                  whether anything did (something that wants an immediate redraw calls {@link #markDirty})
     * @param render    redraws at the given time
     * @param onFailure told once when a frame throws (the loop has stopped)
     */
    RedrawLoop(Node node, Motion moving, LongConsumer render, Consumer<RuntimeException> onFailure) {
        this.node = node;
        this.moving = now -> moving.step(now, secondsSinceLastFrame(now));
        this.render = render;
        this.onFailure = onFailure;
        Showing.drive(node, timer);
    }

    /** What moves by itself between frames. */
    @FunctionalInterface
    interface Motion {
        /** Advances by {@code dt} seconds at time {@code now}; returns whether anything moved. */
        boolean step(long now, double dt);
    }

    /** Redraws at the next pulse. */
    void markDirty() {
        dirty = true;
    }

    /** Stops the loop. */
    void stop() {
        timer.stop();
        failed = true;
    }

    private double secondsSinceLastFrame(long now) {
        return lastFrame == 0 ? 0.016 : Math.min(0.1, (now - lastFrame) / 1e9);
    }

    private void frame(long now) {
        if (failed) {
            return;
        }
        try {
            step(now);
        } catch (RuntimeException e) {
            stop();
            onFailure.accept(e);
        }
    }

    private void step(long now) {
        if (!visible(node)) {
            dirty = true;
            lastFrame = 0;
            return;
        }
        boolean animate = moving.test(now);
        lastFrame = now;
        if (dirty || animate && now - lastRender >= ANIMATION_FRAME_NANOS) {
            dirty = false;
            lastRender = now;
            render.accept(now);
        }
    }

    /** Whether the node and all its parents are visible (a hidden tab's content is not). */
    private static boolean visible(Node node) {
        for (Node p = node; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
