package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import latentlab.io.model.ModelFile;
import latentlab.nn.Architecture;
import latentlab.nn.loss.BinaryCrossEntropy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Denoising training: masking noise on the inputs, clean targets. */
class DenoisingTest {
    @TempDir
    Path dir;

    @Test
    void maskingZeroesAboutTheRequestedShareAndRepeatsWithTheSeed() {
        int d = 784;
        float[] x = new float[10 * d];
        java.util.Arrays.fill(x, 0.5f);
        float[] a = new float[x.length];
        float[] b = new float[x.length];
        DataParallelStep.mask(x, a, 0, x.length, 0.3, 42, d);
        DataParallelStep.mask(x, b, 0, 5 * d, 0.3, 42, d);
        DataParallelStep.mask(x, b, 5 * d, x.length, 0.3, 42, d);
        assertArrayEquals(a, b, "the same noise whichever rows a thread gets");
        int zeros = 0;
        for (float v : a) {
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(0.3, zeros / (double) a.length, 0.03);
        assertEquals(0.5f, x[0], "the clean batch is untouched");
    }

    @Test
    void aDenoisingRunTrainsAndItsLevelIsSavedAndChangesLive() throws Exception {
        TrainingConfig c = new TrainingConfig(Architecture.mirrored(784, 64, 2), new BinaryCrossEntropy(),
                OptimizerKind.ADAM, 1e-3, 50, 3, 2, 0, 0.9, 1.0, 0.25);
        Checkpoint cp;
        try (Trainer t = new Trainer(c, TrainerTest.train(), TrainerTest.test(), null)) {
            for (int e = 0; e < 3; e++) {
                t.stepEpoch();
                assertTrue(t.awaitIdle(60, TimeUnit.SECONDS));
            }
            var epochs = t.latest().epochs();
            assertTrue(epochs.get(2).testLoss() < epochs.get(0).testLoss(), "it learns: " + epochs);
            t.setCorruption(0.5);
            assertEquals(0.5, t.config().corruption());
            cp = t.checkpoint();
        }
        Path f = dir.resolve("dae.llm");
        ModelFile.save(f, cp, null, null);
        assertEquals(0.5, ModelFile.load(f).checkpoint().config().corruption());
    }
}
