package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import latentlab.compute.ComputePool;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.testing.Await;
import latentlab.train.OptimizerKind;
import latentlab.train.Snapshot;
import latentlab.train.TrainingConfig;
import latentlab.train.TrainingPreset;
import latentlab.train.TrainingState;
import org.junit.jupiter.api.Test;

/** The window's Training menu presets: the panel shows the recipe's settings, and the run stops after its epochs. */
class PresetViewModelTest {
    private static DatasetPair mnist(int train, int test) throws IOException {
        DatasetPair p = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        return new DatasetPair("MNIST", p.train().first(train), p.test().first(test));
    }

    @Test
    void theHinton2006PresetSetsUpNetCWithTheRecipe() throws IOException {
        try (ComputePool pool = new ComputePool(2)) {
            TrainingViewModel vm = new TrainingViewModel(pool);
            DatasetPair pair = mnist(256, 64);
            vm.attach(pair);
            assertNull(vm.applyPreset(TrainingPreset.HINTON_2006));
            try {
                TrainingSettings s = vm.settings();
                assertEquals("1000-500-250", s.hiddenLayersProperty().get());
                assertEquals(30, s.latentSizeProperty().get());
                TrainingPreset p = TrainingPreset.HINTON_2006;
                TrainingConfig c = s.toConfig(784);
                TrainingConfig expected = p.config(784, s.seedProperty().get(), c.threads());
                assertTrue(expected.sameRunAs(c), "the panel's settings are the preset's: " + c);
                assertEquals(expected.learningRate(), c.learningRate());
                assertEquals(expected.weightDecay(), c.weightDecay());
                assertTrue(vm.runningProperty().get(), "it trains at once");
            } finally {
                vm.shutdown();
            }
        }
    }

    @Test
    void aPresetTrainsItsEpochsThenPauses() throws Exception {
        TrainingPreset tiny = new TrainingPreset("tiny", "Tiny", "784-16-2", "relu", "identity", "sigmoid", "bce",
                OptimizerKind.ADAM, 0.003, "onecycle", 64, 3, 0, 1);
        try (ComputePool pool = new ComputePool(2)) {
            TrainingViewModel vm = new TrainingViewModel(pool);
            vm.attach(mnist(256, 64));
            assertNull(vm.applyPreset(tiny));
            try {
                Await.until(120, () -> {
                    vm.poll();
                    Snapshot now = vm.getSnapshot();
                    return now != null && now.state() == TrainingState.PAUSED && now.epoch() >= 3;
                });
                Snapshot s = vm.getSnapshot();
                assertEquals(3, s.epoch());
                assertEquals(3L * 4, s.step(), "256 images in minibatches of 64: 4 steps an epoch");
                assertEquals(0.003, s.config().learningRate(), "the base rate stays; the schedule sets each step's");
            } finally {
                vm.shutdown();
            }
        }
    }
}
