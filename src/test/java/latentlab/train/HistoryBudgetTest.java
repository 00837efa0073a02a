package latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import latentlab.compute.TestPool;
import latentlab.data.Dataset;
import latentlab.nn.Architecture;
import latentlab.nn.loss.BinaryCrossEntropy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The window's default budget during real runs of MNIST nets a and b (one image a minibatch, so that a thousand steps
 * are quick): at its heap of 512 MB, a quarter of that (128 MiB, under the 200 MB the issue allows) and at most
 * {@link HistoryBudget#WINDOW_MOMENTS} moments; at least 100 moments, compact except for keyframes, the first and the
 * newest, and the bytes the thinning counts are those of the moments' real sizes.
 */
@Tag("slow")
class HistoryBudgetTest {
    private static final long STEPS = 1100;
    /** What {@link HistoryBudget#windowDefault()} gives in the window's JVM (-Xmx512m). */
    static final HistoryBudget WINDOW = new HistoryBudget((512L << 20) / 4, HistoryBudget.windowDefault().maxMoments());

    private static Timeline run(Architecture arch) throws InterruptedException {
        Dataset train = TrainerTest.train().first(64);
        TrainingConfig c = new TrainingConfig(arch, new BinaryCrossEntropy(), OptimizerKind.ADAM, 1e-3, 1, 3, 2, 0,
                0.9);
        try (Trainer t = new Trainer(c, train, null, null, null, TestPool.get())) {
            t.keepHistory(WINDOW, null);
            t.playEpochs((int) (STEPS / train.size()) + 1);
            assertTrue(t.awaitIdle(300, TimeUnit.SECONDS), "the run ends");
            return t.timeline();
        }
    }

    /** The bytes of {@code t} counted from the parts' real sizes for a network of {@code p} parameters. */
    private static long expectedBytes(Timeline t, long p) {
        long compact = p + 4L * MomentWeights.blocks((int) p) + 8;
        long b = 0;
        Set<int[]> orders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Moment m : t.moments()) {
            b += m.exact() ? 4 * p : compact;
            if (m.keyframe() && m.optimizer().buffers() != null) {
                b += 2 * 4 * p; // Adam's two moment estimates
            }
            if (orders.add(m.sampler().order())) {
                b += 4L * m.sampler().order().length;
            }
        }
        return b;
    }

    private static void check(Architecture arch, long parameters) throws InterruptedException {
        assertEquals(parameters, arch.parameterCount());
        Timeline t = run(arch);
        int n = t.moments().size();
        // At most 128: net a's history then stays near 60 MB, the window training it near 600 MB resident.
        assertTrue(n >= 100 && n <= 128, arch + ": " + n + " moments");
        assertTrue(t.bytes() <= WINDOW.bytes() && WINDOW.bytes() <= HistoryBudget.DEFAULT_BYTES,
                arch + ": " + t.bytes() + " bytes");
        assertEquals(expectedBytes(t, parameters), t.bytes(), "the thinning counts the real sizes");
        for (int i = 0; i < n; i++) {
            Moment m = t.moments().get(i);
            assertEquals(m.keyframe() || i == 0 || i == n - 1, m.exact(), "moment " + i + " at step " + m.step());
        }
    }

    @Test
    void netAKeepsAHundredMomentsAndMoreWithinTheDefaultBudget() throws InterruptedException {
        check(Architecture.mirrored(784, 256, 64, 2), 435_858);
    }

    @Test
    void netBKeepsAHundredMomentsWithinTheDefaultBudgetThinningAsItGoes() throws InterruptedException {
        check(Architecture.mirrored(784, 512, 256, 2), 1_068_306);
    }
}
