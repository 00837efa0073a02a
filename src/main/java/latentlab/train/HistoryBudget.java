package latentlab.train;

/**
 * How much of a run's history to keep: at most {@code bytes} of weights, optimiser states and batch orders, and at
 * most {@code maxMoments} moments. A share of the bytes ({@link #KEYFRAME_SHARE}) goes to keyframes (moments with
 * the optimiser's state), the rest to the weights of the other moments.
 *
 * <p>The window's default, {@link #DEFAULT_BYTES} (200 MB), holds about 100 moments of MNIST net a (784-256-64-2,
 * 435,858 parameters, 1.74 MB of float32 weights a moment) with 5 keyframes besides the start; net b
 * (784-512-256-2, 4.27 MB a moment) about 40, net c (784-1000-500-250-30, 11.3 MB) about 15.
 *
 * @param bytes      the memory budget
 * @param maxMoments the most moments kept (the command line's {@code --history N})
 */
public record HistoryBudget(long bytes, int maxMoments) {
    /** The window's default budget. */
    public static final long DEFAULT_BYTES = 200L << 20;
    /** The share of the bytes that keyframes' optimiser states may take. */
    public static final double KEYFRAME_SHARE = 0.1;

    public HistoryBudget {
        if (bytes < 0) {
            throw new IllegalArgumentException("history budget must not be negative, got " + bytes);
        }
        if (maxMoments < 2) {
            throw new IllegalArgumentException("a history keeps at least 2 moments, got " + maxMoments);
        }
    }

    /** The window's default: 200 MB, but no more than a quarter of the heap. */
    public static HistoryBudget windowDefault() {
        return new HistoryBudget(Math.min(DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 4), Integer.MAX_VALUE);
    }

    /** The most a file's history may take, so that the file stays well under the 1 GiB a model file may have. */
    public static final long MAX_FILE_BYTES = 768L << 20;

    /** Up to {@code n} moments, within a third of the heap and {@link #MAX_FILE_BYTES}. */
    public static HistoryBudget moments(int n) {
        return new HistoryBudget(Math.min(MAX_FILE_BYTES, Runtime.getRuntime().maxMemory() / 3), n);
    }

    /**
     * How many keyframes with an optimiser state of {@code stateBytes} fit: the keyframe share of the bytes, and one
     * in eight of the moments; at least one.
     */
    int maxKeyframes(long stateBytes) {
        long byBytes = stateBytes == 0 ? Integer.MAX_VALUE : (long) (bytes * KEYFRAME_SHARE) / stateBytes;
        long byCount = Math.max(1, maxMoments / 8);
        return (int) Math.max(1, Math.min(byBytes, byCount));
    }
}
