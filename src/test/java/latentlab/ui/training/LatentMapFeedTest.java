package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleObjectProperty;
import latentlab.data.Dataset;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.train.LossTrace;
import latentlab.train.Snapshot;
import latentlab.train.TrainingState;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import org.junit.jupiter.api.Test;

/** The per-frame handover from the training snapshot to the autoencoder's latent space. */
class LatentMapFeedTest {
    private final SimpleObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>();
    private final LatentSpaceModel space = new LatentSpaceModel("Autoencoder", new SelectionModel());
    private final LatentMapFeed feed = new LatentMapFeed(snapshot, space);
    private final List<Snapshot> handed = new ArrayList<>();
    private final Autoencoder model = Autoencoder.initialized(Architecture.mirrored(4, 3, 2), 1);

    LatentMapFeedTest() {
        feed.setOnNewMap(handed::add);
        space.setDisplay(new Dataset("four", 2, 2, new byte[5 * 4], new byte[5]));
    }

    private static Snapshot at(long step, Autoencoder model, float[] codes) {
        return new Snapshot(step, model, null, TrainingState.PAUSED, null, step, 0, 0, 1, Double.NaN, Double.NaN, 0,
                codes, step, LossTrace.View.empty(), List.of(), LossTrace.View.empty(), Double.NaN);
    }

    private static float[] codes(float value) {
        float[] c = new float[10];
        java.util.Arrays.fill(c, value);
        c[0] = value - 1;
        c[1] = value + 1;
        return c;
    }

    @Test
    void newCodesAreHandedOverOnceAndARestartRecentresTheSliders() {
        feed.update();
        assertEquals(0, handed.size(), "no snapshot yet");
        Snapshot first = at(5, model, codes(100));
        snapshot.set(first);
        feed.update();
        feed.update();
        assertEquals(List.of(first), handed, "once per new snapshot");
        assertSame(first.displayCodes(), space.getCodes());
        assertSame(model, space.getCodec());

        space.setPosition(0, 100);
        Snapshot restarted = at(0, model, codes(0));
        snapshot.set(restarted);
        feed.update();
        assertEquals(2, handed.size());
        assertEquals((space.low(0) + space.high(0)) / 2, space.position().get(0), 1e-5,
                "a position outside the new run's codes goes back to the middle");
    }

    @Test
    void codesThatDontFitTheDisplayAreRefusedForTheFrameLoopToReport() {
        snapshot.set(at(1, model, new float[2 * 9]));
        assertThrows(IllegalArgumentException.class, feed::update);
        assertEquals(0, handed.size());
    }
}
