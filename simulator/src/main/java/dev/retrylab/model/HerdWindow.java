package dev.retrylab.model;

import dev.retrylab.fault.Fault;
import dev.retrylab.metrics.BucketCounts;
import java.time.Duration;
import java.util.List;

/**
 * Where a run counts attempts in short buckets, for the herd chart: from {@code before} ahead of
 * the instant {@code at} to {@code after} past it (rounded up to whole buckets of {@code bucket}),
 * clipped to the run. Fine buckets show what per-second intervals hide: clients that retry in
 * step arrive together, and jitter spreads them out. By default the window is around the end of the fault
 * that starts first (when the clients it synchronised come back), or around the start of the run
 * without faults. Immutable.
 *
 * @param atNanos     the instant, zero or more
 * @param beforeNanos how long before it the window starts, zero or more
 * @param afterNanos  how long after it the window ends, positive
 * @param bucketNanos the length of a bucket, positive
 */
public record HerdWindow(long atNanos, long beforeNanos, long afterNanos, long bucketNanos) {

    /** The default time before the instant. */
    public static final Duration DEFAULT_BEFORE = Duration.ofSeconds(1);
    /** The default time after the instant. */
    public static final Duration DEFAULT_AFTER = Duration.ofSeconds(5);
    /** The default bucket. */
    public static final Duration DEFAULT_BUCKET = Duration.ofMillis(10);
    /** The most buckets a window may have. */
    public static final int MAX_BUCKETS = 100_000;

    /** Validates the lengths and the number of buckets. */
    public HerdWindow {
        if (atNanos < 0 || beforeNanos < 0 || afterNanos <= 0 || bucketNanos <= 0) {
            throw new IllegalArgumentException("the herd window needs at and before of 0 or more, after and bucket "
                    + "above 0");
        }
        if (buckets(beforeNanos, afterNanos, bucketNanos) > MAX_BUCKETS) {
            throw new IllegalArgumentException("the herd window would have more than " + MAX_BUCKETS
                    + " buckets: widen the bucket or narrow the window");
        }
    }

    /** The default window around {@code atNanos}: 1 s before, 5 s after, buckets of 10 ms. */
    public static HerdWindow around(long atNanos) {
        return new HerdWindow(atNanos, DEFAULT_BEFORE.toNanos(), DEFAULT_AFTER.toNanos(), DEFAULT_BUCKET.toNanos());
    }

    /** The default instant: the end of the fault that starts first (the first listed of those), else 0. */
    public static long defaultInstant(List<Fault> faults) {
        Fault first = null;
        for (Fault fault : faults) {
            if (first == null || fault.startNanos() < first.startNanos()) {
                first = fault;
            }
        }
        return first == null ? 0L : first.endNanos();
    }

    /** How many buckets cover {@code before + after}. */
    public static long buckets(long beforeNanos, long afterNanos, long bucketNanos) {
        long span = beforeNanos > Long.MAX_VALUE - afterNanos ? Long.MAX_VALUE : beforeNanos + afterNanos;
        return span / bucketNanos + (span % bucketNanos == 0 ? 0 : 1);
    }

    /** The start of the window in a run of {@code durationNanos}. */
    public long startNanos(long durationNanos) {
        return Math.min(Math.max(0L, atNanos - beforeNanos), durationNanos);
    }

    /** The end of the window in a run of {@code durationNanos}. */
    public long endNanos(long durationNanos) {
        long end = atNanos > Long.MAX_VALUE - afterNanos ? Long.MAX_VALUE : atNanos + afterNanos;
        return Math.min(end, durationNanos);
    }

    /** The window's buckets in a run of {@code durationNanos}, counting events in the window only. */
    public BucketCounts counter(long durationNanos) {
        long start = startNanos(durationNanos);
        return new BucketCounts(start, bucketNanos, (int) buckets(0, endNanos(durationNanos) - start, bucketNanos));
    }
}
