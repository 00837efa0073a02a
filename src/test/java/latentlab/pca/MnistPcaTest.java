package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import latentlab.compute.Progress;
import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PCA on the bundled MNIST (fit on the 60,000 training images, errors on the 10,000 test images, pixels / 255)
 * reproduces the published figure and the NumPy reference ({@code ../shared/bench/pca_ref.py}: float64 covariance
 * + {@code eigh}, cross-checked there against scikit-learn's full SVD).
 */
@Tag("slow")
class MnistPcaTest {
    /** Hinton and Salakhutdinov, "Reducing the dimensionality of data with neural networks", Science 313:504 (2006). */
    static final double HINTON_2006_PCA30 = 13.87;

    static DatasetPair mnist;
    static PcaModel model;
    static ErrorCurve curve;

    @BeforeAll
    static void fit() throws IOException {
        mnist = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        model = Pca.fit(mnist.train(), TestPool.get(), Progress.NONE);
        curve = ErrorCurve.compute(model, mnist.test(), TestPool.get(), Progress.NONE);
    }

    @Test
    void testErrorAt30ComponentsReproducesHintonAndSalakhutdinov() {
        double e30 = curve.errorPerImage(30);
        assertEquals(HINTON_2006_PCA30, e30, 0.01 * HINTON_2006_PCA30, "within 1% of the published 13.87");
    }

    @Test
    void errorsAndExplainedVarianceMatchTheNumpyReference() {
        int[] ks = {0, 2, 10, 30, 50, 100};
        double[] reference = {52.896534, 43.644882, 26.713872, 13.866266, 9.004254, 4.402838};
        for (int i = 0; i < ks.length; i++) {
            assertEquals(reference[i], curve.errorPerImage(ks[i]), 2e-5 * reference[i], "E(" + ks[i] + ")");
        }
        assertEquals(0.16800588, model.explainedVariance(2), 1e-7);
        assertEquals(0.73054347, model.explainedVariance(30), 1e-7);
        assertTrue(curve.errorPerImage(784) < 1e-3, "full rank: " + curve.errorPerImage(784));
    }

    @Test
    void theConstantBorderPixelsAreDeflated() {
        Dataset train = mnist.train();
        int constant = 0;
        for (int j = 0; j < train.dimension(); j++) {
            boolean varies = false;
            for (int i = 1; i < train.size() && !varies; i++) {
                varies = train.pixel(i, j) != train.pixel(0, j);
            }
            if (!varies) {
                float[] e = new float[train.dimension()];
                e[j] = 1;
                assertArrayEquals(e, model.component(train.dimension() - 67 + constant), "pixel " + j);
                constant++;
            }
        }
        assertEquals(67, constant, "MNIST's training images have 67 pixels that are always 0");
        assertEquals(0.0, model.variance(717));
        // The 717 varying pixels span 712 directions: beyond that the variances are round-off of lambda_1 = 5.1.
        assertTrue(model.variance(711) > 1e-10, "lambda_712 = " + model.variance(711));
        assertTrue(model.variance(712) < 1e-14 * model.variance(0), "lambda_713 = " + model.variance(712));
    }

    @Test
    void trainingCodesAreUncorrelated() {
        int k = 10;
        double[][] cov = PcaTest.codeCovariance(model.codec(k), mnist.train());
        for (int i = 0; i < k; i++) {
            assertEquals(model.variance(i), cov[i][i], 1e-5 * model.variance(i), "variance of code " + i);
            for (int j = 0; j < i; j++) {
                double corr = cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]);
                assertEquals(0, corr, 1e-5, "correlation of codes " + i + " and " + j);
            }
        }
    }
}
