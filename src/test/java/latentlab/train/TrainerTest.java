package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import latentlab.data.Dataset;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.nn.Architecture;
import latentlab.nn.activation.Identity;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.nn.loss.SquaredError;
import org.junit.jupiter.api.Test;

class TrainerTest {
    static Dataset train;
    static Dataset test;

    static {
        try {
            load();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static void load() throws IOException {
        if (train != null) {
            return;
        }
        DatasetPair p = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        train = p.train().first(1000);
        test = p.test().first(300);
    }

    static Dataset train() {
        return train;
    }

    static Dataset test() {
        return test;
    }

    static TrainingConfig small(int threads) {
        return new TrainingConfig(Architecture.mirrored(784, 64, 2), new BinaryCrossEntropy(), OptimizerKind.ADAM, 1e-3,
                50, 7, threads, 0, 0.9);
    }

    static void await(Trainer t) throws InterruptedException {
        assertTrue(t.awaitIdle(60, TimeUnit.SECONDS), "trainer became idle");
    }

    @Test
    void trainingOnAThousandImagesLowersTheLossClearly() throws InterruptedException {
        List<EpochRecord> seen = new CopyOnWriteArrayList<>();
        try (Trainer t = new Trainer(small(2), train, test, null)) {
            t.addListener(new TrainingListener() {
                @Override
                public void epochFinished(EpochRecord r) {
                    seen.add(r);
                }
            });
            for (int e = 0; e < 8; e++) {
                t.stepEpoch();
                await(t);
            }
            Snapshot s = t.latest();
            assertEquals(8, s.epoch());
            assertEquals(8 * 20, s.step(), "20 batches of 50 per epoch");
            assertEquals(8, seen.size());
            EpochRecord first = seen.get(0);
            EpochRecord last = seen.get(7);
            assertTrue(last.trainLoss() < 0.8 * first.trainLoss(), first + " -> " + last);
            assertTrue(last.testSquaredError() < first.testSquaredError(), first + " -> " + last);
            assertTrue(last.testSquaredError() < 52.9, "better than the mean image (52.9): " + last);
            assertEquals(s.step(), s.batchLosses().length());
            assertEquals(TrainingState.PAUSED, s.state());
        }
    }

    @Test
    void sameSeedAndThreadsGiveBitIdenticalWeights() throws InterruptedException {
        float[] a = trainSteps(small(2), 30);
        float[] b = trainSteps(small(2), 30);
        assertArrayEquals(a, b);
        float[] other = trainSteps(small(2).withSeed(8), 30);
        assertFalse(java.util.Arrays.equals(a, other));
        float[] oneThread = trainSteps(small(1), 30);
        float[] oneThreadAgain = trainSteps(small(1), 30);
        assertArrayEquals(oneThread, oneThreadAgain);
    }

    private static float[] trainSteps(TrainingConfig c, int steps) throws InterruptedException {
        try (Trainer t = new Trainer(c, train, test, null)) {
            for (int i = 0; i < steps; i++) {
                t.stepBatch();
            }
            await(t);
            assertEquals(steps, t.latest().step());
            return t.latest().model().parameters().clone();
        }
    }

    @Test
    void playPauseMovesTheLossAndTheCodesAndSnapshotsStayImmutable() throws InterruptedException {
        try (Trainer t = new Trainer(small(2), train, test, test)) {
            long end0 = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (t.latest().displayCodes() == null && System.nanoTime() < end0) {
                Thread.sleep(5);
            }
            Snapshot before = t.latest();
            assertNotNull(before.displayCodes(), "codes of the display set right after the start");
            assertEquals(300 * 2, before.displayCodes().length);
            float[] paramsBefore = before.model().parameters().clone();
            float[] codesBefore = before.displayCodes().clone();
            t.play();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (t.latest().step() < 40 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            t.pause();
            await(t);
            Snapshot after = t.latest();
            assertTrue(after.step() >= 40);
            assertEquals(TrainingState.PAUSED, after.state());
            assertEquals(after.step(), after.codesStep(), "codes refreshed when paused");
            assertFalse(java.util.Arrays.equals(codesBefore, after.displayCodes()), "codes moved");
            assertArrayEquals(paramsBefore, before.model().parameters(), "old snapshot untouched by training");
            assertArrayEquals(codesBefore, before.displayCodes());
            assertTrue(after.version() > before.version());
            assertTrue(Double.isFinite(after.runningLoss()));
        }
    }

    @Test
    void hugeLearningRateDivergesWithAClearMessageAndKeepsTheLastGoodModel() throws InterruptedException {
        Architecture linear = new Architecture(new int[] {784, 64, 2}, new int[] {2, 64, 784}, new Identity(),
                new Identity(), new Identity());
        TrainingConfig c = new TrainingConfig(linear, new SquaredError(), OptimizerKind.SGD, 5.0, 50, 3, 2, 0, 0.9);
        try (Trainer t = new Trainer(c, train, test, null)) {
            t.play();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (t.latest().state() != TrainingState.DIVERGED && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            Snapshot s = t.latest();
            assertEquals(TrainingState.DIVERGED, s.state());
            assertTrue(s.message().contains("diverged") && s.message().contains("learning rate too high?"), s.message());
            assertTrue(s.model().isFinite(), "the kept model has finite weights");
            assertFalse(t.isRunning());
            // Lower the rate and go on: training works again and the message goes away.
            t.setLearningRate(1e-5);
            t.stepBatch();
            await(t);
            assertEquals(TrainingState.PAUSED, t.latest().state(), t.latest().message());
            assertNull(t.latest().message());
            assertTrue(Double.isFinite(t.latest().lastBatchLoss()));
        }
    }

    @Test
    void learningRateChangesLiveAndResetStartsOver() throws InterruptedException {
        try (Trainer t = new Trainer(small(2), train, test, null)) {
            t.stepBatch();
            await(t);
            float[] afterOne = t.latest().model().parameters().clone();
            t.setLearningRate(5e-3);
            t.stepBatch();
            await(t);
            assertEquals(5e-3, t.latest().config().learningRate());
            assertEquals(2, t.latest().step());
            t.setLearningRate(1e-3);
            t.reset();
            await(t);
            assertEquals(0, t.latest().step());
            assertTrue(t.latest().epochs().isEmpty());
            t.stepBatch();
            await(t);
            assertArrayEquals(afterOne, t.latest().model().parameters(), "reset re-initialises from the seed");
        }
    }

    @Test
    void slowMotionLimitsTheStepRate() throws InterruptedException {
        try (Trainer t = new Trainer(small(1), train, test, null)) {
            t.setMaxStepsPerSecond(20);
            t.play();
            Thread.sleep(1000);
            t.pause();
            await(t);
            long steps = t.latest().step();
            assertTrue(steps >= 5 && steps <= 30, "about 20 steps in a second, got " + steps);
        }
    }

    @Test
    void checkpointResumesExactly() throws InterruptedException {
        float[] straight = trainSteps(small(2), 40);
        Checkpoint cp;
        double smoothed;
        try (Trainer t = new Trainer(small(2), train, test, null)) {
            for (int i = 0; i < 25; i++) {
                t.stepBatch();
            }
            await(t);
            cp = t.checkpoint();
            smoothed = t.latest().runningLoss();
        }
        try (Trainer t = new Trainer(small(2), train, test, null, cp)) {
            assertEquals(25, t.latest().step());
            assertEquals(smoothed, t.latest().runningLoss(), 1e-6 * smoothed,
                    "the smoothed loss shown when saved (the history keeps floats)");
            for (int i = 0; i < 15; i++) {
                t.stepBatch();
            }
            await(t);
            assertArrayEquals(straight, t.latest().model().parameters(), "resumed run equals the uninterrupted one");
        }
        assertNotEquals(0, cp.parameters().length);
    }

    @Test
    void closeEndsTheTrainingThread() throws InterruptedException {
        Trainer t = new Trainer(small(2), train, test, null);
        t.play();
        Thread.sleep(100);
        t.close();
        assertEquals(TrainingState.CLOSED, t.latest().state());
        Thread.sleep(50);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(th -> th.getName().equals("latentlab-trainer") && th.isAlive()), "trainer thread ended");
    }
}
