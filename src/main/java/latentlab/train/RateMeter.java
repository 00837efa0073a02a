package latentlab.train;

/**
 * Training throughput, samples per second, over windows of at least half a second: the samples of the steps that
 * ended inside a window divided by its length. A window starts at the end of a step, so that step's samples are not
 * counted in it; pausing ends the window, so that the time spent paused does not lower the next reading.
 */
final class RateMeter {
    /** Shortest window: long enough to smooth single steps, short enough to follow a change of speed. */
    static final long WINDOW_NANOS = 500_000_000L;

    private boolean open;
    private long windowStart;
    private long samples;
    private double perSecond;

    /** A step of {@code rows} samples ended at {@code now}. */
    void stepEnded(int rows, long now) {
        if (!open) {
            open = true;
            windowStart = now;
            samples = 0;
            return;
        }
        samples += rows;
        long span = now - windowStart;
        if (span >= WINDOW_NANOS) {
            perSecond = samples / (span / 1e9);
            windowStart = now;
            samples = 0;
        }
    }

    /** Training stopped for now: the next step opens a new window (the last reading stays). */
    void pause() {
        open = false;
    }

    /** Forgets everything (a new run). */
    void reset() {
        open = false;
        perSecond = 0;
    }

    /** The last complete window's rate; 0 before the first. */
    double perSecond() {
        return perSecond;
    }
}
