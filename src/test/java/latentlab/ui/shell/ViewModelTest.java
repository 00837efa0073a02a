package latentlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import latentlab.data.Dataset;
import latentlab.data.DatasetPair;
import latentlab.data.IdxFixtures;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.testing.Await;
import latentlab.train.OptimizerKind;
import latentlab.train.Snapshot;
import latentlab.train.TrainingConfig;
import latentlab.ui.explorer.LatentSpaceModel;
import latentlab.ui.explorer.SelectionModel;
import latentlab.ui.training.TrainingSettings;
import latentlab.ui.training.TrainingPace;
import latentlab.ui.training.TrainingViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View-models on their own, without a display or a JavaFX toolkit. */
class ViewModelTest {
    @TempDir
    java.nio.file.Path dir;

    private static Dataset images(int n) {
        byte[] px = new byte[n * 16];
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            lab[i] = (byte) (i % 3);
            for (int j = 0; j < 16; j++) {
                px[i * 16 + j] = (byte) ((i * 7 + j * 13) % 256);
            }
        }
        return new Dataset("tiny", 4, 4, px, lab);
    }

    @Test
    void latentSpaceRangesHistogramsPositionAndSnap() {
        SelectionModel sel = new SelectionModel();
        LatentSpaceModel m = new LatentSpaceModel("Autoencoder", sel);
        Dataset d = images(200);
        m.setDisplay(d);
        assertEquals(0, m.getLatentSize());
        Autoencoder ae = Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 1);
        float[] codes = new float[400];
        for (int i = 0; i < 200; i++) {
            codes[2 * i] = i;            // a1 spreads 0..199
            codes[2 * i + 1] = -1;       // a2 constant
        }
        m.update(ae, codes);
        assertEquals(2, m.getLatentSize());
        assertTrue(m.low(0) < 2 && m.low(0) > -30, "1st percentile with a margin: " + m.low(0));
        assertTrue(m.high(0) > 197 && m.high(0) < 230, "99th percentile with a margin: " + m.high(0));
        assertTrue(m.low(1) < -1 && m.high(1) > -1, "a constant dimension still gets a range");
        int total = 0;
        for (int c : m.histogram(0)) {
            total += c;
        }
        assertEquals(200, total, "every code falls in the histogram");
        assertEquals(2, m.position().size());
        assertEquals((m.low(0) + m.high(0)) / 2, m.position().get(0), 1e-4, "starts in the middle");

        float[] out = new float[16];
        assertTrue(m.decodePosition(out));
        assertArrayEquals(ae.decode(m.position().toArray(new float[2])), out);

        assertFalse(m.snapToSelection(), "nothing selected");
        sel.select(42);
        assertTrue(m.snapToSelection());
        assertArrayEquals(new float[] {42, -1}, m.position().toArray(new float[2]));
        m.setPosition(1, 3.5f);
        assertEquals(3.5f, m.position().get(1));
        assertThrows(IllegalArgumentException.class, () -> m.update(ae, new float[10]), "codes of the wrong size");

        // Same codes array, new model (a training snapshot between code refreshes): ranges stay.
        double low = m.low(0);
        int version = m.versionProperty().get();
        m.update(Autoencoder.initialized(Architecture.mirrored(16, 6, 2), 2), codes);
        assertEquals(low, m.low(0));
        assertTrue(m.versionProperty().get() > version);
    }

    @Test
    void selectionIsolationToggles() {
        SelectionModel s = new SelectionModel();
        s.toggleIsolation(3);
        assertEquals(3, s.isolatedClassProperty().get());
        s.toggleIsolation(4);
        assertEquals(4, s.isolatedClassProperty().get());
        s.toggleIsolation(4);
        assertEquals(-1, s.isolatedClassProperty().get());
        s.select(5);
        s.clear();
        assertEquals(-1, s.getSelected());
    }

    @Test
    void settingsBecomeAValidatedConfigAndRoundTrip() {
        TrainingSettings s = new TrainingSettings();
        TrainingConfig c = s.toConfig(784);
        assertEquals("784-256-64-2", c.architecture().toString());
        assertEquals("bce", c.loss().name());
        s.hiddenLayersProperty().set("128, 32");
        s.latentSizeProperty().set(5);
        s.activationProperty().set("tanh");
        s.lossProperty().set("se");
        s.optimizerProperty().set(OptimizerKind.SGD);
        TrainingConfig d = s.toConfig(784);
        assertEquals("784-128-32-5", d.architecture().toString());
        assertEquals("tanh", d.architecture().hidden().name());
        TrainingSettings back = new TrainingSettings();
        back.load(d);
        assertEquals("128-32", back.hiddenLayersProperty().get());
        assertEquals(5, back.latentSizeProperty().get());
        assertEquals(OptimizerKind.SGD, back.optimizerProperty().get());
        s.linearProperty().set(true);
        TrainingConfig lin = s.toConfig(784);
        assertTrue(lin.architecture().isLinear());
        assertEquals("se", lin.loss().name());
        s.hiddenLayersProperty().set("12-x");
        assertThrows(IllegalArgumentException.class, () -> s.toConfig(784));
        s.hiddenLayersProperty().set("");
        s.latentSizeProperty().set(900);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.toConfig(784)).getMessage()
                .contains("smaller than the input size"));
    }

    @Test
    void trainingViewModelStepsFlagsChangedSettingsAndAppliesThem() throws IOException, InterruptedException {
        DatasetPair pair = DatasetPair.open(IdxFixtures.datasetFolder(dir.resolve("d"), 300, 100, 4, 4, true));
        TrainingViewModel vm = new TrainingViewModel(latentlab.compute.TestPool.get());
        vm.settings().hiddenLayersProperty().set("8");
        vm.settings().batchSizeProperty().set(32);
        try {
            vm.attach(pair);
            assertTrue(vm.readyProperty().get());
            assertFalse(vm.settingsChangedProperty().get());
            Snapshot first = vm.getSnapshot();
            assertNotNull(first);
            assertEquals(0, first.step());
            vm.stepBatch();
            vm.stepBatch();
            // No FX thread here: the test polls, as a frame would, until the two steps have been published.
            Await.until(30, () -> {
                vm.poll();
                return vm.getSnapshot() != null && vm.getSnapshot().step() >= 2;
            });
            assertEquals(2, vm.getSnapshot().step());
            assertTrue(vm.applyDiscardsProgress());
            // The learning rate changes live and is not a "new network" change.
            vm.settings().learningRateProperty().set(0.01);
            assertFalse(vm.settingsChangedProperty().get());
            vm.settings().latentSizeProperty().set(3);
            assertTrue(vm.settingsChangedProperty().get());
            assertNull(vm.settingsErrorProperty().get());
            vm.settings().hiddenLayersProperty().set("8-oops");
            assertNotNull(vm.settingsErrorProperty().get());
            vm.settings().hiddenLayersProperty().set("8");
            vm.applySettings();
            assertFalse(vm.settingsChangedProperty().get());
            assertEquals(3, vm.getSnapshot().model().latentSize());
            assertEquals(0, vm.getSnapshot().step());
            assertEquals(0.01, vm.getSnapshot().config().learningRate());
            // Weight decay is fixed in the optimiser: a change needs a new network, which then has it.
            vm.settings().weightDecayProperty().set(0.0005);
            assertTrue(vm.settingsChangedProperty().get());
            vm.applySettings();
            assertFalse(vm.settingsChangedProperty().get());
            assertEquals(0.0005, vm.getSnapshot().config().weightDecay());
            assertEquals(Double.POSITIVE_INFINITY, TrainingPace.stepsPerSecond(1.0));
            assertEquals(1.0, TrainingPace.stepsPerSecond(0), 1e-9);
            assertTrue(TrainingPace.stepsPerSecond(0.5) > 10 && TrainingPace.stepsPerSecond(0.5) < 30);
        } finally {
            vm.shutdown();
        }
    }
}
