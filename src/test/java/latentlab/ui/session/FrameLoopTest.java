package latentlab.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The per-frame loop: a failing update is stopped and reported once; the others go on. */
class FrameLoopTest {
    @Test
    void aFailingUpdateIsStoppedAndReportedOnceWhileTheOthersRun() {
        FrameLoop loop = new FrameLoop();
        List<String> reported = new ArrayList<>();
        loop.setOnFailure(reported::add);
        int[] calls = new int[2];
        loop.add("the latent map", () -> {
            calls[0]++;
            throw new IllegalArgumentException("20000 code values for 10000 images of k = 3");
        });
        loop.add("the sliders", () -> calls[1]++);
        for (int i = 0; i < 60; i++) {
            loop.runOnce();
        }
        assertEquals(1, calls[0], "the failing update ran once, not every frame");
        assertEquals(60, calls[1], "the other update kept running");
        assertEquals(List.of("Stopped updating the latent map: 20000 code values for 10000 images of k = 3"),
                reported);
        assertTrue(loop.hasFailed("the latent map"));
        assertFalse(loop.hasFailed("the sliders"));
    }

    @Test
    void failuresCanBeResetAndUpdatesRemoved() {
        FrameLoop loop = new FrameLoop();
        boolean[] broken = {true};
        int[] calls = new int[1];
        loop.add("the map", () -> {
            calls[0]++;
            if (broken[0]) {
                throw new IllegalStateException("bad");
            }
        });
        loop.runOnce();
        loop.runOnce();
        assertEquals(1, calls[0]);
        broken[0] = false;
        loop.resetFailures();
        loop.runOnce();
        assertEquals(2, calls[0]);
        FrameLoop.Registration r = loop.add("counted", () -> calls[0] += 10);
        loop.runOnce();
        assertEquals(13, calls[0]);
        r.remove();
        loop.runOnce();
        assertEquals(14, calls[0]);
    }
}
