package dev.retrylab.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * Events counted in short buckets over a window of virtual time, {@code [start, start + buckets ·
 * bucket)}: for instance attempts per 10 ms around the end of an outage, where the retries of
 * synchronised clients arrive together (a thundering herd) and jitter spreads them. Events
 * outside the window are ignored. Memory is one {@code long} per bucket, whatever the run's length.
 *
 * <p>{@link #record} allocates nothing. Not thread-safe: it belongs to one run; read it once the
 * run is over.
 */
public final class BucketCounts {

    private final long startNanos;
    private final long bucketNanos;
    private final long[] counts;

    /**
     * @param startNanos  the start of the window, zero or more
     * @param bucketNanos the length of a bucket, positive
     * @param buckets     how many buckets the window has, zero or more
     */
    public BucketCounts(long startNanos, long bucketNanos, int buckets) {
        if (startNanos < 0 || bucketNanos <= 0 || buckets < 0) {
            throw new IllegalArgumentException("need a start of 0 or more, a positive bucket and 0 or more buckets, "
                    + "was " + startNanos + " ns, " + bucketNanos + " ns and " + buckets);
        }
        this.startNanos = startNanos;
        this.bucketNanos = bucketNanos;
        this.counts = new long[buckets];
    }

    /** Counts one event at virtual time {@code atNanos}, if it falls in the window. */
    public void record(long atNanos) {
        long offset = atNanos - startNanos;
        if (offset >= 0) {
            long bucket = offset / bucketNanos;
            if (bucket < counts.length) {
                counts[(int) bucket]++;
            }
        }
    }

    /** The number of buckets. */
    public int size() {
        return counts.length;
    }

    /** The count of bucket {@code bucket}. */
    public long count(int bucket) {
        Objects.checkIndex(bucket, counts.length);
        return counts[bucket];
    }

    /** The start of the window in nanoseconds. */
    public long startNanos() {
        return startNanos;
    }

    /** The start of bucket {@code bucket} in nanoseconds. */
    public long bucketStartNanos(int bucket) {
        Objects.checkIndex(bucket, counts.length);
        return startNanos + bucket * bucketNanos;
    }

    /** The length of a bucket. */
    public Duration bucket() {
        return Duration.ofNanos(bucketNanos);
    }

    /** The length of a bucket in nanoseconds. */
    public long bucketNanos() {
        return bucketNanos;
    }
}
