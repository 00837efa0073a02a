package latentlab.train;

/**
 * How much of a run's history to keep: at most {@code bytes} of weights, optimiser states and batch orders, and at
 * most {@code maxMoments} moments. A share of the bytes ({@link #KEYFRAME_SHARE}) goes to keyframes (moments with
 * the optimiser's state), the rest to the weights of the other moments.
 *
 * <p>Moments between keyframes are kept compact, 8-bit differences from the first moment's weights (a byte a weight
 * and a scale per 256: {@link MomentWeights}); keyframes, the first and the newest moment keep float32 weights, and a
 * keyframe Adam's two arrays besides. A budget of {@link #DEFAULT_BYTES} (200 MiB) so holds (the window keeps at
 * most {@link #WINDOW_MOMENTS} of them, and its bytes are at most a quarter of the heap):
 * <ul>
 * <li>MNIST net a (784-256-64-2, 435,858 parameters): 0.44 MB a moment (exact 1.74 MB), so ~400 moments;</li>
 * <li>net b (784-512-256-2, 1,068,306): 1.09 MB a moment (exact 4.27 MB, a keyframe 12.8 MB): 165 moments and
 *     3 keyframes after 1,152 steps in {@code HistoryBudgetTest}, thinning from then on at that count;</li>
 * <li>net c (784-1000-500-250-30, 2,837,314): 2.85 MB a moment (exact 11.3 MB, a keyframe 34 MB), about 55.</li>
 * </ul>
 * (MB = 10^6 bytes.) With exact float32 weights for every moment it was about 100, 45 and 16.
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

    /**
     * The most moments the window keeps: spread evenly in log(1 + step), 128 are more than a timeline a few hundred
     * pixels wide can show apart, and they keep net a's history to about 60 MB (compact moments and two keyframes),
     * so that the window training it stays near 600 MB resident; net b still keeps over 100 within the bytes.
     */
    public static final int WINDOW_MOMENTS = 128;

    /** The window's default: 200 MB, but no more than a quarter of the heap, and {@link #WINDOW_MOMENTS} moments. */
    public static HistoryBudget windowDefault() {
        return new HistoryBudget(Math.min(DEFAULT_BYTES, Runtime.getRuntime().maxMemory() / 4), WINDOW_MOMENTS);
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
