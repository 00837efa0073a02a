package latentlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.math.Rng;
import latentlab.testing.Cancelled;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    static final LogisticRegression.Options OPTIONS = LogisticRegression.Options.DEFAULT;

    /** n points per class around the given centres, with unit Gaussian noise. */
    record Data(float[] x, int[] y, int n, int dims) {
    }

    static Data blobs(double[][] centres, int perClass, double sigma, long seed) {
        Rng rng = new Rng(seed);
        int dims = centres[0].length;
        int n = centres.length * perClass;
        float[] x = new float[n * dims];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % centres.length;
            y[i] = c;
            for (int j = 0; j < dims; j++) {
                x[i * dims + j] = (float) (centres[c][j] + sigma * rng.nextGaussian());
            }
        }
        return new Data(x, y, n, dims);
    }

    static LogisticRegression fit(Data d, int classes, ComputePool pool) {
        return LogisticRegression.fit(d.x(), d.n(), d.dims(), d.y(), classes, OPTIONS, pool, Progress.NONE);
    }

    @Test
    void aTinySeparableSetIsLearnedPerfectly() {
        float[] x = {-2, -1, -0.5f, 0.5f, 1, 2};
        int[] y = {0, 0, 0, 1, 1, 1};
        LogisticRegression lr = LogisticRegression.fit(x, 6, 1, y, 2, OPTIONS, null, Progress.NONE);
        assertEquals(1.0, lr.accuracy(x, 6, y, null));
        assertEquals(0, lr.predict(new float[] {-0.1f}, 0));
        assertEquals(1, lr.predict(new float[] {0.1f}, 0));
        assertEquals(1, lr.predict(new float[] {100f}, 0));
        double[] p = lr.probabilities(new float[] {2}, 0);
        assertEquals(1, p[0] + p[1], 1e-12);
        assertTrue(p[1] > 0.9, "confident far from the boundary: " + p[1]);

        Data three = blobs(new double[][] {{0, 0}, {10, 0}, {0, 10}}, 30, 1, 1);
        LogisticRegression m = fit(three, 3, null);
        assertEquals(1.0, m.accuracy(three.x(), three.n(), three.y(), null), "training set");
        Data fresh = blobs(new double[][] {{0, 0}, {10, 0}, {0, 10}}, 200, 1, 2);
        assertEquals(1.0, m.accuracy(fresh.x(), fresh.n(), fresh.y(), null), "new points from the same blobs");
        assertEquals(3, m.classes());
        assertEquals(2, m.dimension());
    }

    @Test
    void manyClassesArePaddedAndStillLearned() {
        int classes = 20;
        double[][] centres = new double[classes][classes];
        for (int c = 0; c < classes; c++) {
            centres[c][c] = 6;
        }
        Data d = blobs(centres, 10, 0.5, 3);
        LogisticRegression lr = fit(d, classes, null);
        assertEquals(1.0, lr.accuracy(d.x(), d.n(), d.y(), null));
    }

    @Test
    void overlappingClassesGiveTheBayesRateAndCalibratedProbabilities() {
        // Class 0 ~ N(-1, 1), class 1 ~ N(1, 1): P(y = 1 | x) = sigmoid(2x), best accuracy Phi(1) = 0.8413.
        Data train = blobs(new double[][] {{-1}, {1}}, 3000, 1, 4);
        Data test = blobs(new double[][] {{-1}, {1}}, 5000, 1, 5);
        LogisticRegression lr = fit(train, 2, null);
        assertEquals(0.8413, lr.accuracy(test.x(), test.n(), test.y(), null), 0.015);
        for (float v : new float[] {-1.5f, 0, 0.5f, 1}) {
            double want = 1 / (1 + Math.exp(-2 * v));
            assertEquals(want, lr.probabilities(new float[] {v}, 0)[1], 0.03, "P(1 | " + v + ")");
        }
        assertTrue(lr.stopReason().contains("tolerance") || lr.stopReason().contains("decreasing"),
                lr.stopReason());
    }

    @Test
    void withoutInformationItPredictsTheClassFrequencies() {
        // The feature is constant: it is ignored and only the (unpenalised) biases can fit, to the frequencies.
        int n = 100;
        float[] x = new float[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 1;
            x[2 * i + 1] = 2;
            y[i] = i < 70 ? 0 : 1;
        }
        LogisticRegression lr = LogisticRegression.fit(x, n, 2, y, 2, OPTIONS, null, Progress.NONE);
        double[] p = lr.probabilities(new float[] {1, 2}, 0);
        assertEquals(0.7, p[0], 1e-4);
        assertEquals(-(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)), lr.trainingLoss(), 1e-5);
        assertEquals(0.7, lr.accuracy(x, n, y, null), 0);
        // A feature constant in training stays ignored, however it varies later (statistics from training only).
        assertEquals(0, lr.predict(new float[] {-1e6f, 1e6f}, 0));
        assertEquals(p[0], lr.probabilities(new float[] {-1e6f, 1e6f}, 0)[0], 1e-12);
    }

    @Test
    void theResultDoesNotDependOnTheNumberOfThreads() {
        // Enough rows for several groups of chunks, random labels so that nothing converges early.
        Rng rng = new Rng(6);
        int n = 9000;
        int dims = 20;
        float[] x = new float[n * dims];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(4);
            for (int j = 0; j < dims; j++) {
                x[i * dims + j] = (float) (rng.nextGaussian() + (j == y[i] ? 0.5 : 0));
            }
        }
        LogisticRegression.Options o = OPTIONS.withMaxIterations(15);
        LogisticRegression one = LogisticRegression.fit(x, n, dims, y, 4, o, null, Progress.NONE);
        int[] predicted = one.predict(x, n, null);
        for (int threads : new int[] {1, 2, 3}) {
            try (ComputePool pool = new ComputePool(threads)) {
                LogisticRegression other = LogisticRegression.fit(x, n, dims, y, 4, o, pool, Progress.NONE);
                assertEquals(one.trainingLoss(), other.trainingLoss(), 0.0, threads + " threads");
                assertEquals(one.iterations(), other.iterations());
                assertArrayEquals(predicted, other.predict(x, n, pool));
            }
        }
        assertTrue(one.iterations() > 2, one.toString());
    }

    @Test
    void theGradientMatchesFiniteDifferences() {
        Data d = blobs(new double[][] {{0, 1, 2}, {1, 0, 0}, {2, 2, -1}}, 20, 1.5, 7);
        float[] mean = new float[3];
        float[] invStd = {1, 1, 1};
        SoftmaxObjective f = new SoftmaxObjective(FeatureMatrix.of(d.x(), d.n(), 3), d.y(),
                3, mean, invStd, 2.0, null);
        Rng rng = new Rng(8);
        double[] theta = new double[f.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.3 * rng.nextGaussian();
        }
        double[] g = new double[theta.length];
        f.evaluate(theta, g);
        double h = 1e-3;
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (f.evaluate(plus, new double[theta.length]) - f.evaluate(minus, new double[theta.length]))
                    / (2 * h);
            assertEquals(numeric, g[i], 2e-4 + 1e-3 * Math.abs(numeric), "parameter " + i);
        }
    }

    @Test
    void pixelsFromBytesTrainLikeTheSameFloats() {
        latentlab.data.Dataset images = PixelNeighbourIndexTest.images(300, 6, 5, 9);
        int[] labels = new int[300];
        for (int i = 0; i < 300; i++) {
            labels[i] = images.label(i) % 3;
        }
        float[] floats = PixelNeighbourIndexTest.allImages(images);
        LogisticRegression fromBytes = LogisticRegression.fit(FeatureMatrix.pixels(images), labels, 3,
                OPTIONS.withMaxIterations(20), null, Progress.NONE);
        LogisticRegression fromFloats = LogisticRegression.fit(floats, 300, 30, labels, 3,
                OPTIONS.withMaxIterations(20), null, Progress.NONE);
        assertEquals(fromFloats.trainingLoss(), fromBytes.trainingLoss(), 1e-4);
        int[] subset = {5, 7, 250};
        int[] p = fromBytes.predict(FeatureMatrix.pixels(images, subset), null);
        for (int r = 0; r < subset.length; r++) {
            assertEquals(fromBytes.predict(floats, subset[r] * 30), p[r]);
        }
    }

    @Test
    void cancellationStopsTraining() {
        Data d = blobs(new double[][] {{0}, {1}}, 50, 1, 10);
        Progress cancelled = Cancelled.PROGRESS;
        assertThrows(CancelledException.class,
                () -> LogisticRegression.fit(d.x(), d.n(), 1, d.y(), 2, OPTIONS, null, cancelled));
    }

    @Test
    void mistakesAreNamed() {
        float[] x = {0, 1, 2};
        assertMessage(() -> LogisticRegression.fit(x, 3, 1, new int[] {0, 1, 2}, 2, OPTIONS, null, Progress.NONE),
                "label 2 of example 2 is outside 0..1");
        assertMessage(() -> LogisticRegression.fit(x, 3, 1, new int[] {0, 1}, 2, OPTIONS, null, Progress.NONE),
                "3 training rows but 2 labels");
        assertMessage(() -> LogisticRegression.fit(x, 2, 1, new int[] {0, 1}, 2, OPTIONS, null, Progress.NONE),
                "feature matrix of 2 x 1 needs 2 values, got 3");
        assertMessage(() -> LogisticRegression.fit(new float[0], 0, 1, new int[0], 2, OPTIONS, null, Progress.NONE),
                "0 examples");
        assertMessage(() -> OPTIONS.withPenalty(-1), "penalty");
        assertMessage(() -> OPTIONS.withMaxIterations(0), "at least 1");
        LogisticRegression lr = LogisticRegression.fit(x, 3, 1, new int[] {0, 1, 1}, 2, OPTIONS, null, Progress.NONE);
        assertMessage(() -> lr.predict(FeatureMatrix.of(new float[4], 2, 2), null), "trained on 1 features, got 2");
    }

    private static void assertMessage(Runnable r, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
