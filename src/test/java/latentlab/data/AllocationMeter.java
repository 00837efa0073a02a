package latentlab.data;

import java.lang.management.ManagementFactory;

/** Bytes allocated on the heap by the current thread so far (HotSpot's per-thread counter), to bound allocations. */
public final class AllocationMeter {
    private AllocationMeter() {
    }

    public static long allocated() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
