package latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import latentlab.compute.TestPool;
import latentlab.data.DatasetLocator;
import latentlab.data.DatasetPair;
import latentlab.nn.Architecture;
import latentlab.nn.loss.BinaryCrossEntropy;
import latentlab.train.HistoryBudget;
import latentlab.train.Moment;
import latentlab.train.OptimizerKind;
import latentlab.train.Snapshot;
import latentlab.train.Timeline;
import latentlab.train.Trainer;
import latentlab.train.TrainingConfig;
import latentlab.ui.session.JobRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scrubbing the timeline: the FX thread asks for a moment and goes on; the moment's codes are computed on the lane
 * and shown when ready; "Live", "," and "." move between the moments and the present.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TimelineViewModelTest {
    private final JobRunner jobs = new JobRunner("timeline-test");

    @Start
    void start(Stage stage) {
        // No window: the view-model only needs the FX thread.
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    /** A live snapshot and history after 30 steps of a small network on 1,000 images. */
    private record Run(DatasetPair data, Snapshot live, Timeline timeline) {
    }

    private static Run trained() throws Exception {
        DatasetPair mnist = DatasetPair.open(DatasetLocator.bundledMnist().orElseThrow());
        DatasetPair data = new DatasetPair("small", mnist.train().first(1000), mnist.test().first(300));
        TrainingConfig c = new TrainingConfig(Architecture.mirrored(784, 32, 2), new BinaryCrossEntropy(),
                OptimizerKind.ADAM, 1e-3, 50, 3, 2, 0, 0.9);
        try (Trainer t = new Trainer(c, data.train(), data.test(), data.test(), null, TestPool.get())) {
            t.keepHistory(new HistoryBudget(Long.MAX_VALUE, 1000), null);
            for (int i = 0; i < 30; i++) {
                t.stepBatch();
            }
            assertTrue(t.awaitIdle(60, TimeUnit.SECONDS));
            t.checkpoint();
            return new Run(data, t.latest(), t.timeline());
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(30, TimeUnit.SECONDS);
    }

    @Test
    void scrubbingNeverWaitsForTheCodesOnTheFxThread() throws Exception {
        Run run = trained();
        assertEquals(31, run.timeline().moments().size(), "steps 0 to 30");
        JobRunner.Lane lane = jobs.lane("timeline");
        TimelineViewModel vm = onFx(() -> new TimelineViewModel(new SimpleObjectProperty<>(run.live()),
                new SimpleObjectProperty<>(run.timeline()), new SimpleObjectProperty<>(run.data()), lane,
                TestPool.get()));
        assertSame(run.live(), vm.shownProperty().get(), "live at first");

        // Hold the lane: if asking for a moment waited for its codes, the FX thread would hang here.
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        lane.execute(() -> {
            held.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(held.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 31; i++) {
            int at = i;
            onFx(() -> {
                vm.show(at);
                return null;
            });
        }
        onFx(() -> {
            vm.showStep(12);
            return null;
        });
        assertSame(run.live(), onFx(() -> vm.shownProperty().get()), "the FX thread went on; the codes wait");
        assertEquals(12, (int) onFx(() -> vm.indexProperty().get()));
        assertFalse(onFx(() -> vm.liveProperty().get()));
        hold.countDown();

        AtomicReference<Snapshot> shown = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            Snapshot s = onFx(() -> vm.shownProperty().get());
            shown.set(s);
            return s != run.live();
        });
        Snapshot past = shown.get();
        Moment m = run.timeline().moments().get(12);
        assertEquals(12, past.step(), "only the newest request was worked on");
        assertEquals(run.data().test().size() * 2, past.displayCodes().length);
        assertEquals(12, past.batchLosses().length(), "the losses up to the moment");
        float[] expected = latentlab.eval.Encoding.encode(m.network(run.live().model().architecture()),
                run.data().test(), TestPool.get());
        assertTrue(java.util.Arrays.equals(expected, past.displayCodes()), "the moment's own codes");
    }

    @Test
    void keysStepThroughTheMomentsAndLiveReturnsToThePresent() throws Exception {
        Run run = trained();
        JobRunner.Lane lane = jobs.lane("timeline");
        TimelineViewModel vm = onFx(() -> new TimelineViewModel(new SimpleObjectProperty<>(run.live()),
                new SimpleObjectProperty<>(run.timeline()), new SimpleObjectProperty<>(run.data()), lane,
                TestPool.get()));
        int newest = run.timeline().moments().size() - 1;
        onFx(() -> {
            vm.previous();
            return null;
        });
        assertEquals(newest, (int) onFx(() -> vm.indexProperty().get()), ", from live: the newest moment");
        onFx(() -> {
            vm.previous();
            vm.previous();
            vm.next();
            return null;
        });
        assertEquals(newest - 1, (int) onFx(() -> vm.indexProperty().get()));
        assertTrue(onFx(() -> vm.captionProperty().get()).startsWith("Step 29 "), onFx(() -> vm.captionProperty()
                .get()));
        onFx(() -> {
            vm.next();
            vm.next();
            return null;
        });
        assertTrue(onFx(() -> vm.liveProperty().get()), ". past the newest: live");
        onFx(() -> {
            vm.show(3);
            vm.goLive();
            return null;
        });
        // Let the lane finish the moment asked for before "Live", then the FX thread take its hand-over.
        CountDownLatch drained = new CountDownLatch(1);
        lane.execute(drained::countDown);
        assertTrue(drained.await(30, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(run.live(), onFx(() -> vm.shownProperty().get()), "a late moment does not replace live");
        assertEquals("Live", onFx(() -> vm.captionProperty().get()));
    }
}
