package latentlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import latentlab.math.Kernels;
import org.junit.jupiter.api.Test;

/** Adam and SGD against the formulas of their papers, computed by hand in double precision. */
class OptimizerTest {
    private static final double[][] GRADIENTS = {{0.5, -2.0, 1e-3}, {0.4, -1.0, -3e-3}, {-0.1, 3.0, 2e-3}, {0.2, 0.5, 0}};

    @Test
    void adamFollowsAlgorithm1OfKingmaAndBaStepByStep() {
        for (Kernels k : new Kernels[] {Kernels.get(), Kernels.scalar()}) {
            double lr = 0.01;
            double b1 = 0.9;
            double b2 = 0.999;
            double eps = 1e-8;
            float[] p = {1f, -1f, 0.5f};
            double[] theta = {1, -1, 0.5};
            double[] m = new double[3];
            double[] v = new double[3];
            Adam adam = new Adam(3, lr, b1, b2, eps, 0);
            for (int t = 1; t <= GRADIENTS.length; t++) {
                float[] g = new float[3];
                for (int i = 0; i < 3; i++) {
                    g[i] = (float) GRADIENTS[t - 1][i];
                    // Algorithm 1, literally.
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    double mHat = m[i] / (1 - Math.pow(b1, t));
                    double vHat = v[i] / (1 - Math.pow(b2, t));
                    theta[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                }
                adam.beginStep();
                adam.update(k, p, new float[][] {g}, 0, 3, true);
                for (int i = 0; i < 3; i++) {
                    assertEquals(theta[i], p[i], 2e-6, k.description() + " step " + t + " parameter " + i);
                }
            }
            assertEquals(GRADIENTS.length, adam.steps());
            // First step moves every parameter by about lr, whatever the gradient's scale (the paper's Section 2.1).
            Adam fresh = new Adam(1, 0.01);
            float[] q = {0f};
            fresh.beginStep();
            fresh.update(k, q, new float[][] {{1e-3f}}, 0, 1, false);
            assertEquals(-0.01, q[0], 1e-6);
        }
    }

    @Test
    void adamLearningRateChangesBetweenStepsWithoutResettingMoments() {
        Adam a = new Adam(1, 0.01);
        Adam b = new Adam(1, 0.01);
        float[] pa = {0f};
        float[] pb = {0f};
        float[][] g = {{1f}};
        a.beginStep();
        a.update(Kernels.get(), pa, g, 0, 1, false);
        b.beginStep();
        b.update(Kernels.get(), pb, g, 0, 1, false);
        a.setLearningRate(0.001);
        a.beginStep();
        a.update(Kernels.get(), pa, g, 0, 1, false);
        b.beginStep();
        b.update(Kernels.get(), pb, g, 0, 1, false);
        // Same moments, so the second step of a is exactly a tenth of b's.
        assertEquals((pb[0] - (-0.01f)) / 10, pa[0] - (-0.01f), 1e-7);
        assertEquals(2, a.steps());
    }

    @Test
    void weightDecayAddsLambdaTimesTheWeightToTheGradient() {
        Sgd s = new Sgd(2, 0.1, 0, 0.5);
        float[] p = {2f, 2f};
        s.beginStep();
        s.update(Kernels.get(), p, new float[][] {{1f, 1f}}, 0, 1, true);
        s.update(Kernels.get(), p, new float[][] {{1f, 1f}}, 1, 2, false);
        assertEquals(2 - 0.1 * (1 + 0.5 * 2), p[0], 1e-6);
        assertEquals(2 - 0.1 * 1, p[1], 1e-6);
    }

    @Test
    void sgdWithMomentumMatchesSutskeverForm() {
        for (Kernels k : new Kernels[] {Kernels.get(), Kernels.scalar()}) {
            double lr = 0.05;
            double mu = 0.9;
            Sgd sgd = new Sgd(3, lr, mu, 0);
            float[] p = {1f, -1f, 0.5f};
            double[] theta = {1, -1, 0.5};
            double[] u = new double[3];
            for (double[] gd : GRADIENTS) {
                float[] g = new float[3];
                for (int i = 0; i < 3; i++) {
                    g[i] = (float) gd[i];
                    u[i] = mu * u[i] + g[i];
                    theta[i] -= lr * u[i];
                }
                sgd.beginStep();
                sgd.update(k, p, new float[][] {g}, 0, 3, true);
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(theta[i], p[i], 1e-6);
            }
        }
    }

    @Test
    void absurdHyperParametersAreRejectedWithTheirName() {
        assertEquals("learning rate must be > 0 and at most 10, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Adam(1, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, 1e3));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1, 0.1, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1, 0.1, 0.9, -1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, 0.1, 1.0, 0.999, 1e-8, 0));
        Adam a = new Adam(1, 0.1);
        assertThrows(IllegalArgumentException.class, () -> a.setLearningRate(-1));
        assertEquals(0.1, a.learningRate());
    }

    @Test
    void stateRestoresExactly() {
        Adam a = new Adam(2, 0.01);
        float[] p = {1f, 2f};
        a.beginStep();
        a.update(Kernels.get(), p, new float[][] {{0.3f, -0.2f}}, 0, 2, false);
        Adam b = new Adam(2, 0.01);
        b.restore(a.steps(), a.stateBuffers());
        float[] pa = p.clone();
        float[] pb = p.clone();
        a.beginStep();
        a.update(Kernels.get(), pa, new float[][] {{0.1f, 0.1f}}, 0, 2, false);
        b.beginStep();
        b.update(Kernels.get(), pb, new float[][] {{0.1f, 0.1f}}, 0, 2, false);
        assertEquals(pa[0], pb[0]);
        assertEquals(pa[1], pb[1]);
        assertThrows(IllegalArgumentException.class, () -> b.restore(1, new float[][] {{1f}}));
    }
}
