package latentlab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.junit.jupiter.api.Test;

/**
 * The pool's contract: every index once in fixed chunks, slots unique per call, failures reach the caller, claiming
 * keeps going past a stuck thread, several callers at once, and closing. Waits that could hang on a broken pool
 * have a generous timeout and then fail the test instead.
 */
class ComputePoolTest {
    private static final long LIVENESS_SECONDS = 30;

    @Test
    void everyIndexRunsOnceInFixedChunksForAwkwardSizes() {
        for (int threads : new int[] {1, 2, 3}) {
            try (ComputePool pool = new ComputePool(threads)) {
                for (int n : new int[] {0, 1, 2, 7, 64, 999, 1000, 1001}) {
                    for (int grain : new int[] {1, 3, 64, 1000, 5000}) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(n);
                        AtomicReference<String> badChunk = new AtomicReference<>();
                        pool.parallelFor(n, grain, (from, to) -> {
                            if (from % grain != 0 || to != Math.min(n, from + grain)) {
                                badChunk.set("[" + from + ", " + to + ")");
                            }
                            for (int i = from; i < to; i++) {
                                runs.incrementAndGet(i);
                            }
                        });
                        String where = threads + " threads, n " + n + ", grain " + grain;
                        assertEquals(null, badChunk.get(), where);
                        for (int i = 0; i < n; i++) {
                            assertEquals(1, runs.get(i), where + ", index " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void slotsAreDistinctWithinACallAndFitThePool() {
        try (ComputePool pool = new ComputePool(3)) {
            for (int call = 0; call < 200; call++) {
                AtomicReferenceArray<Thread> bySlot = new AtomicReferenceArray<>(3);
                AtomicReference<String> problem = new AtomicReference<>();
                pool.parallelFor(300, 2, (slot, from, to) -> {
                    if (slot < 0 || slot >= 3) {
                        problem.set("slot " + slot);
                        return;
                    }
                    Thread me = Thread.currentThread();
                    if (!bySlot.compareAndSet(slot, null, me) && bySlot.get(slot) != me) {
                        problem.set("slot " + slot + " shared by two threads");
                    }
                });
                assertEquals(null, problem.get(), "call " + call);
            }
            AtomicReference<Thread> slotZero = new AtomicReference<>();
            pool.parallelFor(10, 1, (slot, from, to) -> {
                if (slot == 0) {
                    slotZero.set(Thread.currentThread());
                }
            });
            if (slotZero.get() != null) {
                assertSame(Thread.currentThread(), slotZero.get(), "slot 0 is the caller");
            }
        }
    }

    @Test
    void manySmallCallsInARowEachCompleteAndVisibleWhenTheyReturn() {
        for (int threads : new int[] {1, 2, 3}) {
            try (ComputePool pool = new ComputePool(threads)) {
                int calls = 3000;
                int tasks = 7;
                AtomicIntegerArray runs = new AtomicIntegerArray(calls * tasks);
                long[] seen = new long[tasks];
                for (int s = 0; s < calls; s++) {
                    final int call = s;
                    pool.forEach(tasks, i -> {
                        runs.incrementAndGet(call * tasks + i);
                        seen[i] += call; // plain writes, read by the caller once forEach returns
                    });
                    long sum = 0;
                    for (long v : seen) {
                        sum += v;
                    }
                    assertEquals((long) tasks * s * (s + 1) / 2, sum, threads + " threads, call " + s);
                }
                for (int i = 0; i < calls * tasks; i++) {
                    assertEquals(1, runs.get(i), threads + " threads, task " + i);
                }
            }
        }
    }

    @Test
    void runCallsEveryPartOnce() {
        try (ComputePool pool = new ComputePool(3)) {
            AtomicIntegerArray parts = new AtomicIntegerArray(3);
            pool.run(parts::incrementAndGet);
            assertEquals("[1, 1, 1]", parts.toString());
        }
        AtomicIntegerArray one = new AtomicIntegerArray(1);
        ComputePool.serial().run(one::incrementAndGet);
        assertEquals(1, one.get(0));
    }

    @Test
    void failuresReachTheCallerAndThePoolStaysUsable() {
        try (ComputePool pool = new ComputePool(2)) {
            CancelledException cancelled = new CancelledException();
            AtomicInteger after = new AtomicInteger();
            CancelledException thrown = assertThrows(CancelledException.class, () -> pool.parallelFor(64, 1,
                    (from, to) -> {
                        if (from == 37) {
                            throw cancelled;
                        }
                    }));
            assertSame(cancelled, thrown);
            assertThrows(AssertionError.class, () -> pool.forEach(5, i -> {
                throw new AssertionError("an error too");
            }));
            pool.parallelFor(100, 7, (from, to) -> after.addAndGet(to - from));
            assertEquals(100, after.get(), "usable afterwards");
            assertThrows(IllegalArgumentException.class, () -> pool.parallelFor(-1, 1, (from, to) -> { }));
            assertThrows(IllegalArgumentException.class, () -> pool.parallelFor(5, 0, (from, to) -> { }));
        }
    }

    @Test
    void aStuckWorkerHoldsUpOnlyItsOwnChunk() throws InterruptedException {
        // The caller waits until a worker is inside a chunk; that worker stays there until every other chunk has
        // run. With a fixed share per thread the caller would wait for the worker's share and the worker for the
        // caller: released only by the timeout, which fails the test.
        try (ComputePool pool = new ComputePool(2)) {
            int chunks = 100;
            Thread caller = Thread.currentThread();
            CountDownLatch workerInside = new CountDownLatch(1);
            CountDownLatch othersDone = new CountDownLatch(1);
            AtomicInteger byOthers = new AtomicInteger();
            AtomicBoolean workerReleased = new AtomicBoolean();
            AtomicBoolean workerTookPart = new AtomicBoolean();
            AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
            pool.parallelFor(chunks, 1, (from, to) -> {
                runs.incrementAndGet(from);
                try {
                    if (Thread.currentThread() != caller && workerTookPart.compareAndSet(false, true)) {
                        workerInside.countDown();
                        workerReleased.set(othersDone.await(LIVENESS_SECONDS, TimeUnit.SECONDS));
                        return;
                    }
                    if (from == 0 || byOthers.get() == 0) {
                        workerInside.await(LIVENESS_SECONDS, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                if (byOthers.incrementAndGet() == chunks - 1) {
                    othersDone.countDown();
                }
            });
            assertTrue(workerTookPart.get(), "a worker took a chunk");
            assertTrue(workerReleased.get(), "the caller ran every other chunk while the worker was stuck");
            for (int i = 0; i < chunks; i++) {
                assertEquals(1, runs.get(i), "chunk " + i);
            }
        }
    }

    @Test
    void severalCallersAndNestedCallsGetCorrectResults() throws Exception {
        try (ComputePool pool = new ComputePool(2)) {
            int callers = 4;
            List<Thread> threads = new ArrayList<>();
            Set<String> failures = ConcurrentHashMap.newKeySet();
            for (int c = 0; c < callers; c++) {
                int id = c;
                threads.add(new Thread(() -> {
                    for (int call = 0; call < 200; call++) {
                        int n = 500 + id * 37 + call;
                        long[] sums = new long[(n + 9) / 10];
                        pool.parallelFor(n, 10, (from, to) -> {
                            long s = 0;
                            for (int i = from; i < to; i++) {
                                s += i;
                            }
                            sums[from / 10] = s;
                        });
                        long total = 0;
                        for (long s : sums) {
                            total += s;
                        }
                        if (total != (long) n * (n - 1) / 2) {
                            failures.add("caller " + id + " call " + call + ": " + total);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(LIVENESS_SECONDS));
                assertFalse(t.isAlive(), "caller finished");
            }
            assertEquals(Set.of(), failures);

            int[][] inner = new int[6][40];
            pool.forEach(6, outer -> pool.parallelFor(40, 3, (from, to) -> {
                for (int i = from; i < to; i++) {
                    inner[outer][i]++;
                }
            }));
            int[] ones = new int[40];
            java.util.Arrays.fill(ones, 1);
            for (int[] row : inner) {
                assertArrayEquals(ones, row);
            }
        }
    }

    @Test
    void closeEndsTheWorkersAndRefusesNewWork() throws Exception {
        ComputePool pool = new ComputePool(3);
        CyclicBarrier allThree = new CyclicBarrier(3);
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        // Each thread waits at the barrier inside its chunk, so the three chunks go to three different threads.
        pool.parallelFor(3, 1, (slot, from, to) -> {
            if (slot != 0) {
                workers.add(Thread.currentThread());
            }
            try {
                allThree.await(LIVENESS_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(2, workers.size());
        pool.close();
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(LIVENESS_SECONDS));
            assertFalse(w.isAlive(), w.getName() + " ended");
        }
        assertThrows(IllegalStateException.class, () -> pool.parallelFor(4, 1, (from, to) -> { }));
        assertThrows(IllegalStateException.class, () -> pool.run(t -> { }));

        ComputePool.serial().close();
        AtomicInteger ran = new AtomicInteger();
        ComputePool.serial().parallelFor(5, 2, (from, to) -> ran.addAndGet(to - from));
        assertEquals(5, ran.get(), "the shared serial pool ignores close");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(LIVENESS_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in time");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void urgentWorkWaitsForTheJobRunningThenHasThePoolAndLaterCallersWaitBehindIt() throws Exception {
        try (ComputePool pool = new ComputePool(2)) {
            CountDownLatch firstInside = new CountDownLatch(2);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            Thread first = new Thread(() -> pool.parallelFor(2, 1, (slot, a, b) -> {
                firstInside.countDown();
                await(releaseFirst);
            }));
            first.start();
            assertTrue(firstInside.await(LIVENESS_SECONDS, TimeUnit.SECONDS), "the first job holds both threads");

            CountDownLatch urgentInside = new CountDownLatch(2);
            CountDownLatch releaseUrgent = new CountDownLatch(1);
            Set<Thread> urgentThreads = ConcurrentHashMap.newKeySet();
            Thread urgent = new Thread(() -> pool.parallelForUrgently(2, 1, (slot, a, b) -> {
                urgentThreads.add(Thread.currentThread());
                urgentInside.countDown();
                await(releaseUrgent);
            }));
            urgent.start();
            // Run alone, it would be inside at once (and then stuck: its one thread on the first chunk).
            assertFalse(urgentInside.await(300, TimeUnit.MILLISECONDS), "urgent work waits for the job running");
            releaseFirst.countDown();
            first.join(TimeUnit.SECONDS.toMillis(LIVENESS_SECONDS));
            assertTrue(urgentInside.await(LIVENESS_SECONDS, TimeUnit.SECONDS), "then it has both threads");
            assertEquals(2, urgentThreads.size());

            AtomicBoolean laterRan = new AtomicBoolean();
            Thread later = new Thread(() -> pool.parallelFor(4, 1, (slot, a, b) -> laterRan.set(true)));
            later.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIVENESS_SECONDS);
            while (later.getState() != Thread.State.WAITING && !laterRan.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(laterRan.get(), "a caller that comes meanwhile waits instead of running alone");
            releaseUrgent.countDown();
            urgent.join(TimeUnit.SECONDS.toMillis(LIVENESS_SECONDS));
            later.join(TimeUnit.SECONDS.toMillis(LIVENESS_SECONDS));
            assertTrue(laterRan.get(), "and runs after it");
        }
    }

    @Test
    void aNestedCallInsideUrgentWorkRunsOnItsOwnThread() throws InterruptedException {
        try (ComputePool pool = new ComputePool(2)) {
            AtomicInteger inner = new AtomicInteger();
            // A worker's nested call must not wait for the pool its own urgent job holds: that would never end.
            Thread caller = new Thread(() -> pool.parallelForUrgently(8, 1, (slot, a, b) ->
                    pool.parallelFor(10, 1, (s2, c, d) -> inner.incrementAndGet())));
            caller.setDaemon(true);
            caller.start();
            caller.join(TimeUnit.SECONDS.toMillis(LIVENESS_SECONDS));
            assertFalse(caller.isAlive(), "the urgent job with nested calls ended");
            assertEquals(80, inner.get());
        }
    }
}
