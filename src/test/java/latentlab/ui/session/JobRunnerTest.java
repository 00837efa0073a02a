package latentlab.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The window's one background executor and its serial lanes. */
class JobRunnerTest {
    @Test
    void aLaneRunsItsTasksOneAtATimeInOrder() throws Exception {
        JobRunner runner = new JobRunner("test-job");
        try {
            JobRunner.Lane lane = runner.lane("ordered");
            List<Integer> order = new CopyOnWriteArrayList<>();
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger maxInside = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(50);
            for (int i = 0; i < 50; i++) {
                int n = i;
                lane.execute(() -> {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    order.add(n);
                    inside.decrementAndGet();
                    done.countDown();
                });
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(1, maxInside.get(), "never two tasks of a lane at once");
            for (int i = 0; i < 50; i++) {
                assertEquals(i, order.get(i));
            }
        } finally {
            runner.shutdown();
        }
    }

    @Test
    void submitLatestDropsWhatHasNotStarted() throws Exception {
        JobRunner runner = new JobRunner("test-job");
        try {
            JobRunner.Lane lane = runner.lane("latest");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            lane.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.add("first");
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            lane.submitLatest(() -> ran.add("stale"));
            CountDownLatch last = new CountDownLatch(1);
            lane.submitLatest(() -> {
                ran.add("newest");
                last.countDown();
            });
            release.countDown();
            assertTrue(last.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("first", "newest"), ran);
        } finally {
            runner.shutdown();
        }
    }

    @Test
    void lanesRunBesideEachOtherAndNothingRunsAfterShutdown() throws Exception {
        JobRunner runner = new JobRunner("test-job");
        CountDownLatch both = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        for (String name : new String[] {"a", "b"}) {
            runner.lane(name).execute(() -> {
                both.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(both.await(10, TimeUnit.SECONDS), "two lanes' tasks run at the same time");
        release.countDown();
        runner.shutdown();
        assertTrue(runner.isShutdown());
        assertFalse(runner.submit(() -> { }), "a task given after shutdown is dropped");
        assertTrue(runner.lane("late").isShutdown());
    }
}
