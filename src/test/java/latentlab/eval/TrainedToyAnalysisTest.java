package latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.morpho.Morphometric;
import latentlab.nn.Architecture;
import latentlab.nn.Autoencoder;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.train.Checkpoint;
import latentlab.train.OptimizerKind;
import latentlab.train.Trainer;
import latentlab.train.TrainingConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The analysis finds what trained networks learned from pen strokes made of two known factors, slant and
 * thickness: a β-VAE (β = 8) with two dimensions gives each factor a dimension of its own, which the analysis names;
 * a plain autoencoder mixes them in both dimensions, and its disentanglement score is lower.
 */
@Tag("slow")
class TrainedToyAnalysisTest {
    private static final int EPOCHS = 20;

    static Dataset strokes(int n, long seed) {
        int size = DimensionAnalysisTest.SIZE;
        Random rnd = new Random(seed);
        byte[] pixels = new byte[n * size * size];
        byte[] labels = new byte[n];
        float[] img = new float[size * size];
        for (int i = 0; i < n; i++) {
            double slant = -20 + 40 * rnd.nextDouble();
            double width = 1.5 + 4.5 * rnd.nextDouble();
            labels[i] = (byte) (slant > 0 ? 1 : 0);
            Strokes.draw(img, 0, slant, width);
            for (int p = 0; p < img.length; p++) {
                pixels[i * img.length + p] = (byte) Math.round(img[p] * 255);
            }
        }
        return new Dataset("strokes", size, size, pixels, labels);
    }

    private static DimensionAnalysis trainAndAnalyse(boolean variational, double beta) throws Exception {
        Dataset train = strokes(4000, 1);
        Dataset test = strokes(1000, 2);
        Architecture arch = Architecture.mirrored(test.dimension(), 64, 2).withVariational(variational);
        TrainingConfig config = new TrainingConfig(arch, new BinaryCrossEntropy(), OptimizerKind.ADAM, 3e-3, 64, 7,
                2, 0, 0.9, beta);
        Checkpoint cp;
        try (Trainer t = new Trainer(config, train, test, null)) {
            for (int e = 0; e < EPOCHS; e++) {
                t.stepEpoch();
                assertTrue(t.awaitIdle(300, TimeUnit.SECONDS));
            }
            cp = t.checkpoint();
        }
        Autoencoder ae = Autoencoder.withParameters(cp.architecture(), cp.parameters());
        try (ComputePool pool = new ComputePool(2)) {
            float[] codes = Encoding.encode(ae, test, pool);
            MorphometricTable table = MorphometricTable.measure(test, pool, Progress.NONE);
            return DimensionAnalysis.of(ae, test, codes, table, pool);
        }
    }

    @Test
    void aBetaVaeGivesEachFactorADimensionAndThePlainAutoencoderMixesThem() throws Exception {
        DimensionAnalysis vae = trainAndAnalyse(true, 8);
        int slant = bestFor(vae, Morphometric.SLANT);
        int thickness = bestFor(vae, Morphometric.THICKNESS);
        assertNotEquals(slant, thickness, "one dimension for each factor: " + vae.describe(0) + "; " + vae.describe(1));
        assertTrue(Math.abs(vae.rho(slant, Morphometric.SLANT)) > 0.95, vae.describe(slant));
        assertTrue(Math.abs(vae.rho(thickness, Morphometric.THICKNESS)) > 0.95, vae.describe(thickness));
        assertTrue(Math.abs(vae.rho(slant, Morphometric.THICKNESS)) < 0.2, "the slant's dimension ignores thickness");
        assertTrue(vae.labelBits()[slant] > 0.8, "the label is the slant's sign");

        DimensionAnalysis ae = trainAndAnalyse(false, 1);
        double aeGap = DisentanglementScore.gap(ae, Morphometric.SLANT) + DisentanglementScore.gap(ae,
                Morphometric.THICKNESS);
        double vaeGap = DisentanglementScore.gap(vae, Morphometric.SLANT) + DisentanglementScore.gap(vae,
                Morphometric.THICKNESS);
        assertTrue(vaeGap > aeGap + 0.5, "β-VAE " + vaeGap + " against the autoencoder's " + aeGap + ": "
                + ae.describe(0) + "; " + ae.describe(1));
    }

    private static int bestFor(DimensionAnalysis a, Morphometric p) {
        int best = 0;
        for (int j = 1; j < a.dimensions(); j++) {
            if (Math.abs(a.rho(j, p)) > Math.abs(a.rho(best, p))) {
                best = j;
            }
        }
        return best;
    }
}
