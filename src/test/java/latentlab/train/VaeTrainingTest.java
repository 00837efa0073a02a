package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import latentlab.compute.ComputePool;
import latentlab.eval.Elbo;
import latentlab.eval.KlDivergence;
import latentlab.io.model.ModelFile;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.loss.BinaryCrossEntropy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variational autoencoder trained end to end: KL term, live beta, determinism, model files, ELBO. */
@Tag("slow")
class VaeTrainingTest {
    @TempDir
    Path dir;

    static TrainingConfig vae(int threads, double beta) {
        return new TrainingConfig(Architecture.mirrored(784, 64, 2).withVariational(true), new BinaryCrossEntropy(),
                OptimizerKind.ADAM, 2e-3, 50, 5, threads, 0, 0.9, beta);
    }

    private static float[] steps(TrainingConfig c, int n) throws InterruptedException {
        try (Trainer t = new Trainer(c, TrainerTest.train(), TrainerTest.test(), null)) {
            for (int i = 0; i < n; i++) {
                t.stepBatch();
            }
            assertTrue(t.awaitIdle(60, TimeUnit.SECONDS));
            return t.latest().model().parameters().clone();
        }
    }

    @Test
    void trainingLowersReconstructionAndKeepsTheKlFinite() throws Exception {
        try (Trainer t = new Trainer(vae(2, 1.0), TrainerTest.train(), TrainerTest.test(), TrainerTest.test())) {
            for (int e = 0; e < 6; e++) {
                t.stepEpoch();
                assertTrue(t.awaitIdle(60, TimeUnit.SECONDS));
            }
            Snapshot s = t.latest();
            EpochRecord first = s.epochs().get(0);
            EpochRecord last = s.epochs().get(5);
            assertTrue(last.testLoss() < first.testLoss(), first + " -> " + last);
            assertTrue(Double.isFinite(last.testKl()) && last.testKl() > 0, "KL " + last.testKl());
            assertEquals(s.batchLosses().length(), s.klLosses().length(), "a KL value per batch");
            assertTrue(Double.isFinite(s.runningKl()));
            // Beta changes live: with beta 0 the KL is free to grow, with a large beta it is pushed down.
            t.setBeta(25);
            for (int e = 0; e < 3; e++) {
                t.stepEpoch();
                assertTrue(t.awaitIdle(60, TimeUnit.SECONDS));
            }
            double klAfter = t.latest().epochs().get(8).testKl();
            assertTrue(klAfter < last.testKl(), "a larger beta lowers the KL: " + last.testKl() + " -> " + klAfter);
            assertEquals(25, t.latest().config().beta());
        }
    }

    @Test
    void sameSeedSameWeightsAnyRowSplitSameNoise() throws InterruptedException {
        assertArrayEquals(steps(vae(2, 1), 20), steps(vae(2, 1), 20));
        float[] one = steps(vae(1, 1), 20);
        float[] two = steps(vae(2, 1), 20);
        double diff = 0;
        for (int i = 0; i < one.length; i++) {
            diff = Math.max(diff, Math.abs(one[i] - two[i]));
        }
        // Different thread counts sum gradients in a different order (rounding), but the noise is the same.
        assertTrue(diff < 1e-3, "1 vs 2 threads differ by rounding only: " + diff);
        assertFalse(java.util.Arrays.equals(steps(vae(2, 1), 20), steps(vae(2, 1).withSeed(6), 20)));
    }

    @Test
    void modelFilesKeepTheVariationalNetworkBetaAndKlHistory() throws Exception {
        Checkpoint cp;
        try (Trainer t = new Trainer(vae(2, 0.5), TrainerTest.train(), TrainerTest.test(), null)) {
            t.stepEpoch();
            assertTrue(t.awaitIdle(60, TimeUnit.SECONDS));
            cp = t.checkpoint();
        }
        Path f = dir.resolve("vae.llm");
        ModelFile.save(f, cp, null, null);
        ModelFile.Contents c = ModelFile.load(f);
        Autoencoder ae = c.autoencoder();
        assertTrue(ae.architecture().isVariational());
        assertEquals(0.5, c.checkpoint().config().beta());
        assertEquals(cp.klLosses().length(), c.checkpoint().klLosses().length());
        assertEquals(cp.epochs().get(0).testKl(), c.checkpoint().epochs().get(0).testKl());
        try (ComputePool pool = new ComputePool(2)) {
            Elbo.Result e = Elbo.evaluate(ae, TrainerTest.test(), pool, 0);
            assertEquals(-(e.reconstruction() + e.kl()), e.elbo(), 1e-9);
            assertEquals(KlDivergence.mean(ae, TrainerTest.test(), pool), e.kl(), 1e-9);
            assertEquals(e.elbo(), Elbo.evaluate(ae, TrainerTest.test(), pool, 0).elbo(), 0.0, "repeatable");
        }
        float[] x = TrainerTest.test().image(0);
        float[] mu = new float[2];
        float[] lv = new float[2];
        ae.encodeDistribution(x, 0, 1, mu, lv);
        assertArrayEquals(mu, ae.encode(x), "the code of a VAE is its mean");
    }

    @Test
    void plainModelFilesStayPlain() throws IOException {
        Path f = dir.resolve("plain.llm");
        ModelFile.save(f, latentlab.io.model.ModelFileTest.checkpoint(), null, null);
        assertFalse(ModelFile.load(f).autoencoder().architecture().isVariational());
    }
}
