package latentlab.compute;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** A Progress that records its updates and, if asked, reports cancelled from the n-th update on. */
public final class RecordingProgress implements Progress {
    private final int cancelAfter;
    final List<double[]> updates = new ArrayList<>();
    final List<String> messages = new ArrayList<>();

    /** Never cancelled. */
    public RecordingProgress() {
        this(Integer.MAX_VALUE);
    }

    /** Cancelled once {@code cancelAfter} updates have arrived. */
    public RecordingProgress(int cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    @Override
    public synchronized void update(double done, double total, String message) {
        updates.add(new double[] {done, total});
        messages.add(message);
    }

    @Override
    public synchronized boolean isCancelled() {
        return updates.size() >= cancelAfter;
    }

    /** Fraction reported last. */
    synchronized double lastFraction() {
        double[] u = updates.get(updates.size() - 1);
        return u[0] / u[1];
    }

    /** Checks that the reported fraction never went backwards and ended at 1. */
    public synchronized void assertMonotoneToTheEnd() {
        assertTrue(!updates.isEmpty(), "no progress reported");
        double last = -1;
        for (double[] u : updates) {
            double f = u[0] / u[1];
            assertTrue(f >= last - 1e-12, "progress went back from " + last + " to " + f);
            assertTrue(f <= 1 + 1e-12, "progress beyond the total: " + f);
            last = f;
        }
        assertTrue(Math.abs(last - 1) < 1e-9, "progress ended at " + last);
    }
}
