package latentlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Adam and SGD against the formulas of their papers, computed by hand in double precision. */
class OptimizerTest {
    private static final double[][] GRADIENTS = {{0.5, -2.0, 1e-3}, {0.4, -1.0, -3e-3}, {-0.1, 3.0, 2e-3}, {0.2, 0.5, 0}};

    @Test
    void adamFollowsAlgorithm1OfKingmaAndBaStepByStep() {
        for (AdamRule rule : new AdamRule[] {AdamRule.get(), AdamRule.scalar()}) {
            double lr = 0.01;
            double b1 = 0.9;
            double b2 = 0.999;
            double eps = 1e-8;
            float[] p = {1f, -1f, 0.5f};
            double[] theta = {1, -1, 0.5};
            double[] m = new double[3];
            double[] v = new double[3];
            Adam adam = new Adam(3, lr, b1, b2, eps, 0, rule);
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
                adam.update(p, new float[][] {g}, 0, 3, true);
                for (int i = 0; i < 3; i++) {
                    assertEquals(theta[i], p[i], 2e-6, rule.getClass().getSimpleName() + " step " + t + " parameter " + i);
                }
            }
            assertEquals(GRADIENTS.length, adam.steps());
            // First step moves every parameter by about lr, whatever the gradient's scale (the paper's Section 2.1).
            Adam fresh = new Adam(1, 0.01, 0.9, 0.999, 1e-8, 0, rule);
            float[] q = {0f};
            fresh.beginStep();
            fresh.update(q, new float[][] {{1e-3f}}, 0, 1, false);
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
        a.update(pa, g, 0, 1, false);
        b.beginStep();
        b.update(pb, g, 0, 1, false);
        a.setLearningRate(0.001);
        a.beginStep();
        a.update(pa, g, 0, 1, false);
        b.beginStep();
        b.update(pb, g, 0, 1, false);
        // Same moments, so the second step of a is exactly a tenth of b's.
        assertEquals((pb[0] - (-0.01f)) / 10, pa[0] - (-0.01f), 1e-7);
        assertEquals(2, a.steps());
    }

    @Test
    void weightDecayAddsLambdaTimesTheWeightToTheGradient() {
        Sgd s = new Sgd(2, 0.1, 0, 0.5);
        float[] p = {2f, 2f};
        s.beginStep();
        s.update(p, new float[][] {{1f, 1f}}, 0, 1, true);
        s.update(p, new float[][] {{1f, 1f}}, 1, 2, false);
        assertEquals(2 - 0.1 * (1 + 0.5 * 2), p[0], 1e-6);
        assertEquals(2 - 0.1 * 1, p[1], 1e-6);
    }

    @Test
    void sgdWithMomentumMatchesSutskeverForm() {
        for (SgdRule rule : new SgdRule[] {SgdRule.get(), SgdRule.scalar()}) {
            double lr = 0.05;
            double mu = 0.9;
            Sgd sgd = new Sgd(3, lr, mu, 0, rule);
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
                sgd.update(p, new float[][] {g}, 0, 3, true);
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
        a.update(p, new float[][] {{0.3f, -0.2f}}, 0, 2, false);
        Adam b = new Adam(2, 0.01);
        b.restore(a.steps(), a.stateBuffers());
        float[] pa = p.clone();
        float[] pb = p.clone();
        a.beginStep();
        a.update(pa, new float[][] {{0.1f, 0.1f}}, 0, 2, false);
        b.beginStep();
        b.update(pb, new float[][] {{0.1f, 0.1f}}, 0, 2, false);
        assertEquals(pa[0], pb[0]);
        assertEquals(pa[1], pb[1]);
        assertThrows(IllegalArgumentException.class, () -> b.restore(1, new float[][] {{1f}}));
    }

    static Stream<SgdRule> sgdRules() {
        return Stream.of(SgdRule.get(), SgdRule.scalar());
    }

    @ParameterizedTest
    @MethodSource("sgdRules")
    void sgdSumsGradientPartsAndKeepsMomentum(SgdRule kern) {
        List<float[]> parts = List.of(new float[] {0.5f, -1f, 2f}, new float[] {0.25f, 0f, -1f});
        float[] p = {1f, 2f, 3f};
        float[] u = new float[3];
        kern.update(p, parts.toArray(new float[0][]), u, 0, 3, 0.1f, 0.9f, 0f);
        assertEquals(1f - 0.1f * 0.75f, p[0], 1e-7);
        assertEquals(2f + 0.1f, p[1], 1e-7);
        assertEquals(0.75f, u[0]);
        kern.update(p, parts.toArray(new float[0][]), u, 0, 3, 0.1f, 0.9f, 0f);
        assertEquals(0.9f * 0.75f + 0.75f, u[0], 1e-7);
    }

    @Test
    void bothImplementationsOfEachRuleGiveTheSameBits() {
        java.util.Random r = new java.util.Random(3);
        int n = 103;
        float[] p0 = new float[n];
        float[][] g = new float[2][n];
        for (int i = 0; i < n; i++) {
            p0[i] = (float) r.nextGaussian();
            g[0][i] = (float) r.nextGaussian();
            g[1][i] = (float) r.nextGaussian();
        }
        float[] pa = p0.clone();
        float[] pb = p0.clone();
        float[] ma = new float[n];
        float[] mb = new float[n];
        float[] va = new float[n];
        float[] vb = new float[n];
        for (int step = 0; step < 3; step++) {
            AdamRule.get().update(pa, g, ma, va, 1, n, 0.9f, 0.999f, 0.01f, 1e-8f, 0.01f);
            AdamRule.scalar().update(pb, g, mb, vb, 1, n, 0.9f, 0.999f, 0.01f, 1e-8f, 0.01f);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(pb, pa);
        org.junit.jupiter.api.Assertions.assertArrayEquals(vb, va);
        float[] ua = new float[n];
        float[] ub = new float[n];
        SgdRule.get().update(pa, g, ua, 0, n - 2, 0.1f, 0.9f, 0.01f);
        SgdRule.scalar().update(pb, g, ub, 0, n - 2, 0.1f, 0.9f, 0.01f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(pb, pa);
    }

    @Test
    void updatesOutsideTheParametersAreRefused() {
        Adam a = new Adam(4, 0.01);
        a.beginStep();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.update(new float[4], new float[][] {new float[4]}, 2, 5, false));
        assertEquals("Adam update of parameters [2, 5) of 4 (the parameter array holds 4)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.update(new float[4], new float[][] {new float[3]}, 0, 4,
                false));
    }
}
