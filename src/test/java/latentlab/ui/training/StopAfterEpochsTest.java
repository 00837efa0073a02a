package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.testing.Await;
import latentlab.train.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Stop after N epochs": training pauses by itself at the end of the N-th epoch after Play (no toolkit). */
class StopAfterEpochsTest {
    private final TrainingViewModel vm = new TrainingViewModel(latentlab.compute.TestPool.get());

    private static Dataset images(String name, int n) {
        byte[] px = new byte[n * 16];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 3);
            for (int j = 0; j < 16; j++) {
                px[i * 16 + j] = (byte) ((i * 7 + j * 13) % 256);
            }
        }
        return new Dataset(name, 4, 4, px, labels);
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    /** Polls as the frame loop would, until training stopped running; the last snapshot. */
    private Snapshot untilPaused() {
        Await.until(60, () -> {
            vm.poll();
            Snapshot s = vm.getSnapshot();
            return s != null && !vm.runningProperty().get() && s.step() > 0;
        });
        return vm.getSnapshot();
    }

    @Test
    void trainingPausesAtTheEndOfTheNthEpochAfterPlay() throws InterruptedException {
        vm.settings().hiddenLayersProperty().set("8");
        vm.settings().batchSizeProperty().set(16);
        assertEquals(null, vm.attach(new DatasetPair("tiny", images("train", 64), images("test", 16))));
        vm.stopAfterEpochsProperty().set(2);
        vm.play();
        Snapshot s = untilPaused();
        assertEquals(2, s.epochs().size(), "two epochs");
        assertEquals(8, s.step(), "64 images in minibatches of 16: four steps an epoch, not one more");
        vm.play();
        assertTrue(vm.runningProperty().get());
        s = untilPaused();
        assertEquals(4, s.epochs().size(), "two more after the next Play");
        assertEquals(16, s.step());
        vm.stopAfterEpochsProperty().set(0);
        vm.play();
        // Off: it runs on past the two epochs after which it stopped before, and is still running.
        Await.until(60, () -> {
            vm.poll();
            return vm.getSnapshot().epochs().size() >= 7;
        });
        assertTrue(vm.runningProperty().get(), "off: it keeps going");
        vm.pause();
        assertFalse(vm.runningProperty().get());
    }
}
