package dev.retrylab.strategy.budget;

import java.util.Arrays;

/**
 * Sums over a sliding time window, kept in a ring of equal time buckets so that recording and
 * reading allocate nothing. Several series (requests, retries, ...) share one ring.
 *
 * <p>The window covers the current bucket and the {@code buckets - 1} before it, so an entry
 * counts for between {@code window - window/buckets} and {@code window} after it was added: the
 * granularity is one bucket. Bucket boundaries fall at {@code origin + k * window/buckets}.
 *
 * <p>Not thread-safe: the owning budget guards it with its lock. The same bucketed design as
 * Finagle's {@code WindowedAdder}, which backs its {@code RetryBudget}.
 */
final class SlidingWindow {

    private final long bucketNanos;
    private final int bucketCount;
    private final long originNanos;
    private final long[][] buckets;
    private final long[] totals;
    private long newestBucket;

    SlidingWindow(long windowNanos, int bucketCount, int series, long originNanos) {
        if (windowNanos < bucketCount) {
            throw new IllegalArgumentException("window must be at least one nanosecond per bucket, was "
                    + windowNanos + "ns for " + bucketCount + " buckets");
        }
        this.bucketNanos = windowNanos / bucketCount;
        this.bucketCount = bucketCount;
        this.originNanos = originNanos;
        this.buckets = new long[series][bucketCount];
        this.totals = new long[series];
    }

    /** Moves the window so that it ends at {@code nowNanos}, forgetting buckets that fell out. */
    void advanceTo(long nowNanos) {
        long index = Math.floorDiv(nowNanos - originNanos, bucketNanos);
        if (index <= newestBucket) {
            return;
        }
        if (index - newestBucket >= bucketCount) {
            for (int s = 0; s < totals.length; s++) {
                Arrays.fill(buckets[s], 0L);
                totals[s] = 0L;
            }
        } else {
            for (long i = newestBucket + 1; i <= index; i++) {
                int slot = (int) Math.floorMod(i, (long) bucketCount);
                for (int s = 0; s < totals.length; s++) {
                    totals[s] -= buckets[s][slot];
                    buckets[s][slot] = 0L;
                }
            }
        }
        newestBucket = index;
    }

    /** Adds {@code amount} to {@code series} in the newest bucket. */
    void add(int series, long amount) {
        buckets[series][(int) Math.floorMod(newestBucket, (long) bucketCount)] += amount;
        totals[series] += amount;
    }

    /** The sum of {@code series} over the window as of the last {@link #advanceTo}. */
    long total(int series) {
        return totals[series];
    }

    long bucketNanos() {
        return bucketNanos;
    }
}
