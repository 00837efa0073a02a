package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import latentlab.compute.ComputePool;
import latentlab.compute.TestPool;
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
        CountDownLatch twoEpochs = new CountDownLatch(2);
        try (Trainer t = new Trainer(small(2), train, test, test)) {
            await(t); // the thread publishes the first codes before it takes commands
            Snapshot before = t.latest();
            assertNotNull(before.displayCodes(), "codes of the display set right after the start");
            assertEquals(300 * 2, before.displayCodes().length);
            float[] paramsBefore = before.model().parameters().clone();
            float[] codesBefore = before.displayCodes().clone();
            t.addListener(new TrainingListener() {
                @Override
                public void epochFinished(EpochRecord r) {
                    twoEpochs.countDown();
                }
            });
            t.play();
            assertTrue(twoEpochs.await(FakeClock.LIVENESS_SECONDS, TimeUnit.SECONDS), "two epochs while playing");
            t.pause();
            await(t);
            Snapshot after = t.latest();
            assertTrue(after.step() >= 40, "20 steps per epoch: " + after.step());
            assertEquals(TrainingState.PAUSED, after.state());
            assertEquals(after.step(), after.codesStep(), "codes refreshed when paused");
            assertFalse(java.util.Arrays.equals(codesBefore, after.displayCodes()), "codes moved");
            assertArrayEquals(paramsBefore, before.model().parameters(), "old snapshot untouched by training");
            assertArrayEquals(codesBefore, before.displayCodes());
            assertTrue(after.version() > before.version());
            assertTrue(Double.isFinite(after.runningLoss()));
        }
    }

    /** Codes known beforehand (kept with a saved network) are the first snapshot's: nothing encodes them again. */
    @Test
    void knownCodesOfTheDisplayImagesAreTheFirstSnapshotsWithoutEncoding() throws InterruptedException {
        Checkpoint saved;
        try (Trainer t = new Trainer(small(2), train, test, test)) {
            await(t);
            t.stepBatch();
            await(t);
            saved = t.checkpoint();
        }
        // Not what encoding gives: seeing them in the snapshots shows that they were not recomputed.
        float[] known = new float[300 * 2];
        java.util.Arrays.fill(known, 7f);
        try (Trainer t = new Trainer(small(2), train, test, test, saved, known, TestPool.get())) {
            Snapshot first = t.latest();
            assertArrayEquals(known, first.displayCodes());
            assertEquals(saved.step(), first.codesStep());
            await(t);
            assertArrayEquals(known, t.latest().displayCodes(), "the thread's first publication keeps them");
        }
        assertThrows(IllegalArgumentException.class,
                () -> new Trainer(small(2), train, test, test, saved, new float[5], TestPool.get()).close());
        assertThrows(IllegalArgumentException.class,
                () -> new Trainer(small(2), train, test, null, saved, known, TestPool.get()).close());
    }

    @Test
    void hugeLearningRateDivergesWithAClearMessageAndKeepsTheLastGoodModel() throws InterruptedException {
        Architecture linear = new Architecture(new int[] {784, 64, 2}, new int[] {2, 64, 784}, new Identity(),
                new Identity(), new Identity());
        TrainingConfig c = new TrainingConfig(linear, new SquaredError(), OptimizerKind.SGD, 5.0, 50, 3, 2, 0, 0.9);
        CountDownLatch diverged = new CountDownLatch(1);
        // The clock stands still, so no snapshot falls due while the loss explodes: the good model is the first.
        try (Trainer t = new Trainer(c, train, test, null, null, TestPool.get(), new FakeClock())) {
            t.addListener(new TrainingListener() {
                @Override
                public void stateChanged(TrainingState state, String message) {
                    if (state == TrainingState.DIVERGED) {
                        diverged.countDown();
                    }
                }
            });
            t.play();
            assertTrue(diverged.await(FakeClock.LIVENESS_SECONDS, TimeUnit.SECONDS), "diverged");
            await(t);
            Snapshot s = t.latest();
            assertEquals(TrainingState.DIVERGED, s.state());
            assertTrue(s.message().contains("diverged") && s.message().contains("learning rate too high?"), s.message());
            assertTrue(s.message().contains("from step 0;"), s.message());
            assertEquals(0, s.step());
            assertTrue(s.model().isFinite(), "the kept model has finite weights");
            assertFalse(t.isRunning());
            // Lower the rate and go on: training works again and the message goes away.
            t.setLearningRate(1e-5);
            t.stepBatch();
            await(t);
            assertEquals(TrainingState.PAUSED, t.latest().state(), t.latest().message());
            assertNull(t.latest().message());
            assertTrue(Double.isFinite(t.latest().lastBatchLoss()));
            assertEquals(1, t.latest().step());
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
    void slowMotionTakesOneStepPerIntervalOfTheClock() throws InterruptedException {
        FakeClock clock = new FakeClock();
        try (Trainer t = new Trainer(small(1), train, test, null, null, TestPool.get(), clock)) {
            t.setMaxStepsPerSecond(20);
            t.play();
            // One step at once, then nothing until the clock reaches the next step's time, 50 ms on.
            assertEquals(50.0, clock.awaitTrainerWaiting());
            assertEquals(1, t.checkpoint().step());
            for (int i = 0; i < 19; i++) {
                clock.advanceMillis(50);
                assertEquals(50.0, clock.awaitTrainerWaiting());
            }
            assertEquals(20, t.checkpoint().step(), "20 steps in the first second");
            clock.advanceMillis(30);
            assertEquals(20.0, clock.awaitTrainerWaiting(), "no step before its time");
            assertEquals(20, t.checkpoint().step());
            // After a long gap, one step and the usual interval: slow motion does not catch up in a burst.
            clock.advanceMillis(1000);
            assertEquals(50.0, clock.awaitTrainerWaiting());
            assertEquals(21, t.checkpoint().step());
            t.setMaxStepsPerSecond(4);
            clock.awaitTrainerWaitingFor(250, "a new speed counts from the last step");
            t.pause();
            await(t);
            assertEquals(21, t.latest().step());
        }
    }

    @Test
    void snapshotsFollowThePublishIntervalAndTheRateIsExact() throws InterruptedException {
        FakeClock clock = new FakeClock();
        try (Trainer t = new Trainer(small(2), train, test, null, null, TestPool.get(), clock)) {
            await(t);
            long firstVersion = t.latest().version();
            t.setMaxStepsPerSecond(20);
            t.play();
            clock.awaitTrainerWaiting();
            for (int j = 1; j <= 10; j++) {
                clock.advanceMillis(50);
                clock.awaitTrainerWaiting();
                // Step j + 1 was taken at 50 j ms; a snapshot is due 100 ms after the last (the first was at 0).
                Snapshot s = t.latest();
                long published = j % 2 == 0 ? j + 1 : j - 1 + (j > 1 ? 1 : 0);
                assertEquals(published, s.step(), "published step at " + 50 * j + " ms");
                assertEquals(firstVersion + j / 2, s.version(), "one snapshot per 100 ms");
            }
            // The first window of the rate meter, 0 to 500 ms, closed with 10 steps of 50 images after its start.
            assertEquals(1000.0, t.latest().samplesPerSecond(), 1e-9);
            t.pause();
            await(t);
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
        t.close();
        assertEquals(TrainingState.CLOSED, t.latest().state());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(th -> th.getName().equals(TrainingThread.NAME) && th.isAlive()), "trainer thread ended");
        t.play();
        assertTrue(t.awaitIdle(0, TimeUnit.SECONDS), "commands after close are ignored");
    }

    @Test
    void theWeightsDependOnTheConfiguredThreadsNotOnThePool() throws InterruptedException {
        float[] own = trainSteps(small(2), 12);
        for (ComputePool pool : new ComputePool[] {ComputePool.serial(), TestPool.get()}) {
            try (Trainer t = new Trainer(small(2), train, test, null, null, pool)) {
                for (int i = 0; i < 12; i++) {
                    t.stepBatch();
                }
                await(t);
                assertArrayEquals(own, t.latest().model().parameters(), pool.threads() + " pool threads");
            }
        }
        assertFalse(java.util.Arrays.equals(own, trainSteps(small(1), 12)), "another split of the batch");
    }
}
