package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketCountsTest {

    private static final long MILLI = 1_000_000L;

    @Test
    void record_eventsInAndAroundTheWindow_countOnlyThoseInside() {
        // window [100 ms, 130 ms) in buckets of 10 ms
        BucketCounts counts = new BucketCounts(100 * MILLI, 10 * MILLI, 3);
        long[] times = {99 * MILLI, 100 * MILLI, 109 * MILLI, 110 * MILLI, 129 * MILLI, 130 * MILLI, 500 * MILLI};
        for (long t : times) {
            counts.record(t);
        }

        assertThat(counts.size()).isEqualTo(3);
        assertThat(new long[] {counts.count(0), counts.count(1), counts.count(2)}).containsExactly(2, 1, 1);
        assertThat(counts.bucketStartNanos(2)).isEqualTo(120 * MILLI);
        assertThat(counts.bucket().toMillis()).isEqualTo(10);
    }

    @Test
    void constructor_nonPositiveBucket_isRefused() {
        assertThatThrownBy(() -> new BucketCounts(0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BucketCounts(-1, 1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
