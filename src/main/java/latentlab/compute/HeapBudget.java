package latentlab.compute;

/**
 * Checks, before a large allocation that a file or a setting asks for, that the Java heap can hold it, so that a
 * hostile header or an absurd network ends in a message saying how much memory it needs instead of an
 * {@link OutOfMemoryError} half-way through. Small allocations are not worth asking about: callers ask for arrays
 * whose size comes from their input.
 *
 * <p>Free memory is {@code maxMemory - (totalMemory - freeMemory)} ({@link Runtime}): the heap's limit less what
 * is in use. Garbage counts as in use until a collection, so when the first answer is no, one full collection is
 * requested and the question asked again. A margin of one sixteenth is kept because a large array needs
 * contiguous space (in G1, a run of whole regions), which a fragmented heap may not have even when enough is free.
 *
 * <p>For the same reason the arrays whose size comes from a file are allocated here ({@link #newBytes},
 * {@link #copyOf}): if the heap has the bytes but not in one piece, the allocation throws
 * {@link OutOfMemoryError}, which is caught and reported like a refusal. Catching it is safe for exactly this
 * case: a single array allocation that failed changed nothing, and the caller's data are as they were.
 */
public final class HeapBudget {
    private HeapBudget() {
    }

    /**
     * Returns if {@code bytes} more can be allocated now; otherwise throws.
     *
     * @param bytes what the allocation needs
     * @param what  what it is for, completing "not enough memory for ...", e.g. "reading train-images.gz"
     * @throws NotEnoughMemoryException naming {@code what}, the bytes needed, the bytes free and the heap's limit
     */
    public static void require(long bytes, String what) {
        long wanted = bytes + bytes / 16;
        if (wanted <= free()) {
            return;
        }
        System.gc(); // garbage is counted as used until collected; ask once before refusing
        if (wanted > free()) {
            throw new NotEnoughMemoryException(what, wanted, free(), Runtime.getRuntime().maxMemory(), false);
        }
    }

    /** A new array of {@code n} bytes, or {@link NotEnoughMemoryException} naming {@code what}. */
    public static byte[] newBytes(int n, String what) {
        require(n, what);
        try {
            return new byte[n];
        } catch (OutOfMemoryError e) {
            throw refused(n, what);
        }
    }

    /** {@link java.util.Arrays#copyOf(byte[], int)}, or {@link NotEnoughMemoryException} naming {@code what}. */
    public static byte[] copyOf(byte[] a, int n, String what) {
        require(n, what);
        try {
            return java.util.Arrays.copyOf(a, n);
        } catch (OutOfMemoryError e) {
            throw refused(n, what);
        }
    }

    /** {@link java.util.Arrays#copyOf(double[], int)}, or {@link NotEnoughMemoryException} naming {@code what}. */
    public static double[] copyOf(double[] a, int n, String what) {
        require(8L * n, what);
        try {
            return java.util.Arrays.copyOf(a, n);
        } catch (OutOfMemoryError e) {
            throw refused(8L * n, what);
        }
    }

    /** The heap had the bytes, but not in one piece. */
    private static NotEnoughMemoryException refused(long bytes, String what) {
        return new NotEnoughMemoryException(what, bytes, free(), Runtime.getRuntime().maxMemory(), true);
    }

    /** Bytes that can still be allocated before the heap reaches its limit. */
    public static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
}
