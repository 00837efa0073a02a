package latentlab.compute;

import java.util.Locale;

/**
 * The Java heap cannot hold what an input or a setting asks for ({@link HeapBudget}); the message says what for,
 * how much it needs and how much the heap has, and how to get more.
 */
public final class NotEnoughMemoryException extends RuntimeException {
    private final long needed;
    private final long limit;

    /**
     * @param what      what the memory is for, e.g. "reading train-images.gz"
     * @param needed    bytes needed
     * @param free      bytes free when asked
     * @param limit     the heap's limit ({@link Runtime#maxMemory()})
     * @param inOnePiece whether the heap had enough free but not in one piece (the allocation failed)
     */
    public NotEnoughMemoryException(String what, long needed, long free, long limit, boolean inOnePiece) {
        super(String.format(Locale.ROOT, "not enough memory for %s: it needs %s%s, %s of the Java heap %s free "
                + "(its limit is %s; a larger -Xmx raises it)", what, size(needed), inOnePiece ? " in one piece" : "",
                size(Math.max(0, free)), inOnePiece ? "were" : "are", size(limit)));
        this.needed = needed;
        this.limit = limit;
    }

    /** Bytes the refused allocation needed. */
    public long needed() {
        return needed;
    }

    /** The heap's limit when it was refused. */
    public long limit() {
        return limit;
    }

    /** Bytes in MB (or GB) with thousands separators, as a person reads them. */
    static String size(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        if (mb >= 10_240) {
            return String.format(Locale.ROOT, "%,.1f GB", mb / 1024);
        }
        return String.format(Locale.ROOT, "%,.0f MB", Math.max(mb, bytes > 0 ? 1 : 0));
    }
}
