package dev.retrylab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap bytes the current thread allocates while running a block, through the
 * HotSpot extension of {@link java.lang.management.ThreadMXBean}. Tests that use it are skipped
 * on a JVM that cannot measure allocation.
 */
public final class AllocationMeter {

    private AllocationMeter() {
    }

    /** Runs {@code block} a few times to warm it up, then returns the bytes one more run allocated. */
    public static long bytesAllocatedBy(Runnable block) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation measurement needs HotSpot");
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(hotspot.isThreadAllocatedMemorySupported(), "allocation measurement is not supported");
        if (!hotspot.isThreadAllocatedMemoryEnabled()) {
            hotspot.setThreadAllocatedMemoryEnabled(true);
        }
        for (int i = 0; i < 5; i++) {
            block.run();
        }
        long before = hotspot.getCurrentThreadAllocatedBytes();
        block.run();
        return hotspot.getCurrentThreadAllocatedBytes() - before;
    }
}
