package latentlab.train;

import latentlab.compute.ComputePool;
import latentlab.compute.Progress;
import latentlab.data.Dataset;
import latentlab.eval.Encoding;
import latentlab.nn.Autoencoder;

/**
 * The codes of the display images (e.g. the 10,000 test digits) that every snapshot carries. While training runs
 * they are refreshed a chunk at a time after each step, with a copy of the network frozen at the start of the
 * refresh, sized so that encoding takes about a third of a step's time: it never holds all cores for long (the
 * window stays smooth) and costs about a quarter of the training time. When training stops they are recomputed at
 * once for the current weights.
 */
final class CodeRefresher {
    /** Share of a step's time that a chunk of the refresh may take. */
    private static final double SHARE_OF_STEP = 0.33;
    /** Fewest images encoded after a step, so that a refresh ends even when steps are very fast. */
    private static final int MIN_ROWS = 64;

    private final Dataset display;
    private final ComputePool pool;
    private float[] codes;
    private long codesStep = -1;
    private long lastRefresh;
    /** A refresh spread over several steps: the frozen model, its step, the codes so far. */
    private Autoencoder cyclingModel;
    private long cyclingStep;
    private float[] cyclingCodes;
    private int cyclingNext;
    private double nanosPerCode = 20_000;

    /** @param display the images whose codes snapshots carry, or null for none */
    CodeRefresher(Dataset display, ComputePool pool) {
        this.display = display;
        this.pool = pool;
    }

    /** The latest complete codes ({@code n x k}), or null. */
    float[] codes() {
        return codes;
    }

    /** The step the codes were computed at (-1 before the first). */
    long codesStep() {
        return codesStep;
    }

    /**
     * Takes {@code known} as the codes of the display images at {@code step} (computed before, e.g. kept with a saved
     * network), so that the first snapshot carries them without encoding the images again.
     *
     * @throws IllegalArgumentException if there are no display images or {@code known} is not {@code n x k} for them
     */
    void seed(float[] known, int latentSize, long step) {
        if (display == null || known.length != (long) display.size() * latentSize) {
            throw new IllegalArgumentException("codes of " + known.length + " values are not " + latentSize
                    + " per display image" + (display == null ? " (there are none)" : " (" + display.size() + ")"));
        }
        codes = known;
        codesStep = step;
        cyclingModel = null;
    }

    /** Forgets the codes (a new run). */
    void clear() {
        codes = null;
        codesStep = -1;
        cyclingModel = null;
    }

    /** Drops a refresh in progress (training stopped; the codes are recomputed at once instead). */
    void abandonCycle() {
        cyclingModel = null;
    }

    /** Encodes all display images with {@code net} now, unless the codes are already those of {@code step}. */
    void refreshNow(Autoencoder net, long step, long now) {
        if (display == null) {
            return;
        }
        if (codes == null || codesStep != step) {
            float[] c = new float[display.size() * net.latentSize()];
            Encoding.encodeInto(net, display, pool, c, Progress.NONE);
            codes = c;
            codesStep = step;
        }
        lastRefresh = now;
    }

    /**
     * After a step while training runs: encodes the next chunk of the refresh in progress, or starts one if the last
     * ended at least {@code intervalNanos} ago. Returns true when a refresh completed.
     *
     * @param clock        for the chunk's time
     * @param nanosPerStep the recent time of a training step
     */
    boolean advance(Autoencoder net, long step, TrainingClock clock, long intervalNanos, double nanosPerStep) {
        if (display == null) {
            return false;
        }
        if (cyclingModel == null) {
            if (clock.nanoTime() - lastRefresh < intervalNanos) {
                return false;
            }
            cyclingModel = net.copy();
            cyclingStep = step;
            cyclingCodes = new float[display.size() * net.latentSize()];
            cyclingNext = 0;
        }
        double budget = nanosPerStep * SHARE_OF_STEP / Math.max(1, nanosPerCode);
        int rows = (int) Math.max(MIN_ROWS, Math.min(display.size(), budget));
        int to = Math.min(display.size(), cyclingNext + rows);
        long t0 = clock.nanoTime();
        Encoding.encodeRange(cyclingModel, display, cyclingNext, to, pool, cyclingCodes);
        nanosPerCode += 0.2 * ((clock.nanoTime() - t0) / (double) (to - cyclingNext) - nanosPerCode);
        cyclingNext = to;
        if (cyclingNext < display.size()) {
            return false;
        }
        codes = cyclingCodes;
        codesStep = cyclingStep;
        cyclingModel = null;
        lastRefresh = clock.nanoTime();
        return true;
    }
}
