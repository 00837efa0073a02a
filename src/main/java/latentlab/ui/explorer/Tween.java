package latentlab.ui.explorer;

/**
 * The glide of the points from their places in one snapshot to the next, so that a point keeps its identity
 * while training moves it: every point goes from where it was drawn when the new codes came (its position in
 * an unfinished glide, if one was running) to its new place in 220 ms, easing out with the cubic
 * e(t) = 1 - (1 - t)^3 (fast start, gentle arrival; t the fraction of the time gone).
 *
 * <p>Plain Java, no JavaFX; used on the FX thread.
 */
final class Tween {
    /** How long a glide takes. */
    static final long DURATION_NANOS = 220_000_000L;
    /** A glide counts as running a little past its end, so the last frame lands exactly on the targets. */
    private static final long SETTLE_NANOS = 20_000_000L;

    private float[] fromX = new float[0];
    private float[] fromY = new float[0];
    private long start = Long.MIN_VALUE / 2;

    /** The eased fraction e(t) for t = min(1, elapsed / duration). */
    static double ease(long elapsedNanos) {
        double t = Math.min(1, elapsedNanos / (double) DURATION_NANOS);
        return 1 - Math.pow(1 - t, 3);
    }

    /** Starts a glide at {@code now} from the {@code n} points (xs, ys). */
    void start(float[] xs, float[] ys, int n, long now) {
        if (fromX.length != n) {
            fromX = new float[n];
            fromY = new float[n];
        }
        System.arraycopy(xs, 0, fromX, 0, n);
        System.arraycopy(ys, 0, fromY, 0, n);
        start = now;
    }

    /** Whether a glide started at {@code now - elapsed} is still under way (or just ended). */
    boolean running(long now) {
        return now - start < DURATION_NANOS + SETTLE_NANOS;
    }

    /** Writes the positions at {@code now}: cur = from + (to - from) e(t), for the first {@code n} points. */
    void apply(long now, float[] toX, float[] toY, float[] curX, float[] curY, int n) {
        float e = (float) ease(now - start);
        float[] fx = fromX;
        float[] fy = fromY;
        for (int i = 0; i < n; i++) {
            curX[i] = fx[i] + (toX[i] - fx[i]) * e;
            curY[i] = fy[i] + (toY[i] - fy[i]) * e;
        }
    }
}
