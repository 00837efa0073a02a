package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map's redraw loop: a failing redraw stops it and is reported once, not sixty times a second. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RedrawLoopTest {
    private final Pane node = new Pane();
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicInteger pulses = new AtomicInteger();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(node, 100, 100));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        }.start();
    }

    /** Waits until at least {@code more} further pulses have passed. */
    private void waitPulses(int more) throws Exception {
        int target = pulses.get() + more;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pulses.get() >= target);
    }

    @Test
    void aRedrawThatThrowsStopsTheLoopAndIsReportedOnce() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        List<RuntimeException> reported = new ArrayList<>();
        RedrawLoop loop = WaitForAsyncUtils.asyncFx(() -> new RedrawLoop(node, (now, dt) -> {
            frames.incrementAndGet();
            return true; // always moving: it would redraw on every frame it may
        }, now -> {
            renders.incrementAndGet();
            throw new IllegalStateException("broken state");
        }, reported::add)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> renders.get() > 0);
        int seen = frames.get();
        WaitForAsyncUtils.asyncFx(loop::markDirty).get();
        waitPulses(5);
        assertEquals(1, renders.get(), "no redraw after the failure");
        assertEquals(seen, frames.get(), "the loop stopped");
        assertEquals(1, reported.size());
        assertEquals("broken state", reported.get(0).getMessage());
    }

    @Test
    void whileHiddenNothingIsDrawnAndShownAgainItRedraws() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        RedrawLoop loop = WaitForAsyncUtils.asyncFx(() -> new RedrawLoop(node, (now, dt) -> {
            frames.incrementAndGet();
            return false;
        }, now -> renders.incrementAndGet(), e -> { })).get();
        waitPulses(3);
        assertEquals(1, renders.get(), "drawn once at the start, then only when something changed");
        WaitForAsyncUtils.asyncFx(() -> {
            node.setVisible(false);
            loop.markDirty();
        }).get();
        waitPulses(3);
        assertEquals(1, renders.get(), "not while hidden");
        WaitForAsyncUtils.asyncFx(() -> node.setVisible(true)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> renders.get() == 2);
        WaitForAsyncUtils.asyncFx(loop::stop).get();
    }
}
