package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import latentlab.compute.ComputePool;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.ui.common.PixelCanvas;
import latentlab.ui.common.Theme;
import latentlab.ui.session.JobRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The manifold backdrop asks for a new grid only when what it shows changed; without a display. */
class ManifoldBackdropTest {
    private static final long SECOND = 1_000_000_000L;
    private final JobRunner jobs = new JobRunner("backdrop-test");
    private final JobRunner.Lane lane = jobs.lane("grid");
    private final ComputePool pool = new ComputePool(1);
    private final GridDecoder grid = new GridDecoder(lane, pool);
    private final ManifoldBackdrop backdrop = new ManifoldBackdrop(grid);
    private final LatentSpaceModel space = new LatentSpaceModel("Autoencoder", new SelectionModel());
    private final Viewport viewport = new Viewport();
    private final PixelCanvas canvas = new PixelCanvas();

    ManifoldBackdropTest() {
        space.setDisplay(LatentSpaceModelTest.images(20));
        space.update(Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1), LatentSpaceModelTest.codes(20, 2));
        viewport.setSize(400, 300);
        viewport.setBounds(new double[] {-5, 5, -5, 5});
        canvas.resize(400, 300);
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    private void paint(long now) {
        backdrop.paint(new PixelPass(canvas, new float[0], new float[0], 1, true), viewport, space, 2, 6,
                Theme.LIGHT, now);
    }

    private void drain() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        lane.execute(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS));
    }

    private long decoded() {
        return grid.result() == null ? 0 : grid.result().version();
    }

    @Test
    void anUnchangedMapDoesNotDecodeItsGridAgain() throws Exception {
        // Hold the lane so that the grid arrives after the paint that asked for it, as it does in the window.
        CountDownLatch hold = new CountDownLatch(1);
        lane.execute(() -> {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        paint(SECOND);
        hold.countDown();
        drain();
        assertEquals(1, decoded());
        assertTrue(backdrop.needsRedraw(SECOND), "the new grid wants drawing");
        paint(2 * SECOND);
        drain();
        assertEquals(1, decoded(), "same region, model and position: no second decode");
        assertFalse(backdrop.needsRedraw(3 * SECOND));
        space.setPosition(0, 0.5f); // the grid's other dimensions follow the sliders
        viewport.zoom(0.5, 200, 150);
        paint(3 * SECOND);
        drain();
        assertEquals(2, decoded(), "a new region: a new grid");
    }

    @Test
    void aChangeWithinTheRequestIntervalIsSentAtALaterRedraw() throws Exception {
        paint(SECOND);
        drain();
        paint(SECOND + 1); // draws the first grid
        viewport.pan(40, 0);
        long soon = SECOND + 10_000_000L;
        paint(soon);
        drain();
        assertEquals(1, decoded(), "held back: the last request was 10 ms ago");
        assertFalse(backdrop.needsRedraw(soon));
        long later = SECOND + 100_000_000L;
        assertTrue(backdrop.needsRedraw(later), "but not forgotten");
        paint(later);
        drain();
        assertEquals(2, decoded());
        assertNotEquals(0, canvas.pixels()[150 * 400 + 200] >>> 24, "the grid is drawn into the plot");
    }
}
