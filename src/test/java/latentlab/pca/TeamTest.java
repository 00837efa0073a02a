package latentlab.pca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;

import latentlab.compute.CancelledException;
import latentlab.compute.ComputePool;
import org.junit.jupiter.api.Test;

/** Steps of dynamically claimed tasks: each task exactly once, every step complete before the next. */
class TeamTest {

    @Test
    void everyTaskRunsExactlyOnceInEveryStep() {
        for (int threads : new int[] {1, 2, 3}) {
            try (ComputePool pool = new ComputePool(threads)) {
                int steps = 3000;
                int tasks = 7;
                AtomicIntegerArray runs = new AtomicIntegerArray(steps * tasks);
                long[] checks = new long[steps];
                int result = Team.session(pool, team -> {
                    assertEquals(threads, team.threads());
                    long[] seen = new long[tasks];
                    for (int s = 0; s < steps; s++) {
                        final int step = s;
                        team.forEach(tasks, i -> {
                            runs.incrementAndGet(step * tasks + i);
                            seen[i] += step; // plain writes, read by the coordinator after forEach
                        });
                        // Everything of this step is done and visible once forEach returns.
                        long sum = 0;
                        for (int i = 0; i < tasks; i++) {
                            sum += seen[i];
                        }
                        checks[s] = sum;
                    }
                    return 42;
                });
                assertEquals(42, result);
                for (int i = 0; i < steps * tasks; i++) {
                    assertEquals(1, runs.get(i), threads + " threads, task " + i);
                }
                for (int s = 0; s < steps; s++) {
                    assertEquals((long) tasks * s * (s + 1) / 2, checks[s], "step " + s);
                }
                // The pool is free again after the session.
                pool.run(t -> { });
            }
        }
    }

    @Test
    void moreThreadsThanTasksAndEmptySteps() {
        try (ComputePool pool = new ComputePool(3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            Team.session(pool, team -> {
                team.forEach(0, i -> runs.incrementAndGet(99));
                team.forEach(1, i -> runs.incrementAndGet(i));
                team.forEach(2, i -> runs.incrementAndGet(i));
                return null;
            });
            assertEquals(2, runs.get(0));
            assertEquals(1, runs.get(1));
        }
    }

    @Test
    void failuresReachTheCaller() {
        try (ComputePool pool = new ComputePool(2)) {
            CancelledException cancelled = new CancelledException();
            CancelledException thrown = assertThrows(CancelledException.class, () -> Team.session(pool, team -> {
                team.forEach(64, i -> {
                    if (i == 37) {
                        throw cancelled;
                    }
                });
                return null;
            }));
            assertSame(cancelled, thrown);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Team.session(pool, team -> {
                throw new IllegalStateException("coordinator failed");
            }));
            assertTrue(e.getMessage().contains("coordinator"));
            assertEquals(5, (int) Team.session(pool, team -> 5), "usable afterwards");
        }
    }
}
