package dev.retrylab.strategy.breaker;

import java.util.Arrays;

/**
 * The outcomes of the last N seconds, in N one-second buckets with running totals. The bucket of
 * second {@code t} (the clock's nanoseconds divided by 10^9, rounded down) is slot
 * {@code t mod N}; when time moves on, the buckets of seconds that left the window are emptied
 * and subtracted from the totals. So the window holds the current second and the N − 1 before
 * it, and recording allocates nothing. Not thread-safe; expects a clock that never goes back
 * (an older time is counted in the newest bucket).
 */
final class TimeWindow extends OutcomeWindow {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int[] bucketCalls;
    private final int[] bucketFailures;
    private long newestSecond = Long.MIN_VALUE;
    private int calls;
    private int failures;

    TimeWindow(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("window length must be 1 second or more, was " + seconds);
        }
        this.bucketCalls = new int[seconds];
        this.bucketFailures = new int[seconds];
    }

    @Override
    void record(boolean failed, long nowNanos) {
        int slot = advanceTo(nowNanos);
        bucketCalls[slot]++;
        calls++;
        if (failed) {
            bucketFailures[slot]++;
            failures++;
        }
    }

    @Override
    int calls(long nowNanos) {
        advanceTo(nowNanos);
        return calls;
    }

    @Override
    int failures(long nowNanos) {
        advanceTo(nowNanos);
        return failures;
    }

    @Override
    boolean usesTime() {
        return true;
    }

    @Override
    void clear() {
        Arrays.fill(bucketCalls, 0);
        Arrays.fill(bucketFailures, 0);
        calls = 0;
        failures = 0;
    }

    /** Empties the buckets that fell out of the window; returns the slot of the newest second. */
    private int advanceTo(long nowNanos) {
        long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        int size = bucketCalls.length;
        if (second > newestSecond) {
            boolean first = newestSecond == Long.MIN_VALUE;
            long stale = first ? size : Math.min(size, second - newestSecond);
            for (long s = second - stale + 1; s <= second; s++) {
                int slot = (int) Math.floorMod(s, (long) size);
                calls -= bucketCalls[slot];
                failures -= bucketFailures[slot];
                bucketCalls[slot] = 0;
                bucketFailures[slot] = 0;
            }
            newestSecond = second;
        }
        return (int) Math.floorMod(newestSecond, (long) size);
    }
}
