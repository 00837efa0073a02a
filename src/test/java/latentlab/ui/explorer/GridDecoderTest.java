package latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import latentlab.compute.ComputePool;
import latentlab.nn.Codec;
import latentlab.ui.session.JobRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Manifold grids decoded on a lane of the job runner, split over the compute pool; no threads of its own. */
class GridDecoderTest {
    private final JobRunner jobs = new JobRunner("grid-test");
    private final ComputePool pool = new ComputePool(2);

    @AfterEach
    void stop() {
        pool.close();
        jobs.shutdown();
    }

    /** h(a) = (a0 + a1, a0 - a1, 10 a0): a model whose output is easy to check. */
    private static final class Linear implements Codec {
        private final boolean broken;

        Linear(boolean broken) {
            this.broken = broken;
        }

        @Override
        public int inputSize() {
            return 3;
        }

        @Override
        public int latentSize() {
            return 2;
        }

        @Override
        public String describe() {
            return "linear";
        }

        @Override
        public void encode(float[] x, int xOff, int n, float[] a, int aOff) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void decode(float[] a, int aOff, int n, float[] x, int xOff) {
            if (broken) {
                throw new IllegalStateException("this model cannot decode");
            }
            for (int i = 0; i < n; i++) {
                float a0 = a[aOff + 2 * i];
                float a1 = a[aOff + 2 * i + 1];
                x[xOff + 3 * i] = a0 + a1;
                x[xOff + 3 * i + 1] = a0 - a1;
                x[xOff + 3 * i + 2] = 10 * a0;
            }
        }
    }

    /** Waits until everything queued on {@code lane} so far has run. */
    private static void drain(JobRunner.Lane lane) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        lane.execute(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS), "the lane ran");
    }

    private static float[] grid(int count) {
        float[] codes = new float[2 * count];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i * 0.5f - 3;
        }
        return codes;
    }

    @Test
    void everyCodeOfTheGridIsDecodedAcrossThePoolsParts() throws Exception {
        JobRunner.Lane lane = jobs.lane("grid");
        GridDecoder g = new GridDecoder(lane, pool);
        float[] codes = grid(7);
        g.request(new GridDecoder.Request(new Linear(false), codes, 7, "tag"));
        drain(lane);
        GridDecoder.Result r = g.result();
        assertNotNull(r);
        assertEquals("tag", r.request().tag());
        float[] expected = new float[21];
        new Linear(false).decode(codes, 0, 7, expected, 0);
        assertArrayEquals(expected, r.images(), "split over two parts, the same as in one piece");
        try (ComputePool one = new ComputePool(1)) {
            assertArrayEquals(expected, GridDecoder.decode(r.request(), one));
        }
    }

    @Test
    void aNewerRequestReplacesOneThatHasNotStarted() throws Exception {
        JobRunner.Lane lane = jobs.lane("grid");
        GridDecoder g = new GridDecoder(lane, pool);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lane.execute(() -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // The lane is busy before the requests come (else a request's submitLatest drops the blocker itself).
        assertTrue(started.await(30, TimeUnit.SECONDS), "the lane started");
        g.request(new GridDecoder.Request(new Linear(false), grid(4), 4, "old"));
        g.request(new GridDecoder.Request(new Linear(false), grid(4), 4, "new"));
        release.countDown();
        drain(lane);
        assertEquals("new", g.result().request().tag());
        assertEquals(1, g.result().version(), "the older request never ran");
    }

    @Test
    void aFailedDecodeLeavesTheLastGridAndIsReportedOnce() throws Exception {
        JobRunner.Lane lane = jobs.lane("grid");
        GridDecoder g = new GridDecoder(lane, pool);
        g.request(new GridDecoder.Request(new Linear(false), grid(2), 2, "good"));
        drain(lane);
        g.request(new GridDecoder.Request(new Linear(true), grid(2), 2, "bad"));
        drain(lane);
        assertEquals("good", g.result().request().tag());
        RuntimeException e = g.takeFailure();
        assertNotNull(e);
        assertTrue(e.getMessage().contains("cannot decode"));
        assertNull(g.takeFailure(), "taken once");
        ManifoldBackdrop backdrop = new ManifoldBackdrop(g);
        g.request(new GridDecoder.Request(new Linear(true), grid(2), 2, "bad"));
        drain(lane);
        assertEquals("this model cannot decode", backdrop.newProblem());
        g.request(new GridDecoder.Request(new Linear(true), grid(2), 2, "bad"));
        drain(lane);
        assertNull(backdrop.newProblem(), "the same problem again is not news");
    }

    @Test
    void afterCloseRequestsAreIgnored() throws Exception {
        JobRunner.Lane lane = jobs.lane("grid");
        GridDecoder g = new GridDecoder(lane, pool);
        GridDecoder.Result before = g.result();
        g.close();
        g.request(new GridDecoder.Request(new Linear(false), grid(2), 2, "late"));
        drain(lane);
        assertSame(before, g.result());
    }
}
