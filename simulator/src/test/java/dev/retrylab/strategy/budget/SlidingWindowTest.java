package dev.retrylab.strategy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    @Test
    void window_entryInTheLastBucket_isForgottenExactlyWhenItsBucketLeaves() {
        SlidingWindow window = new SlidingWindow(1_000, 10, 1, 0); // buckets of 100 ns
        window.add(0, 5);
        window.advanceTo(999);
        assertThat(window.total(0)).isEqualTo(5);
        window.advanceTo(1_000);
        assertThat(window.total(0)).isZero();
    }

    @Test
    void window_seriesAreIndependent() {
        SlidingWindow window = new SlidingWindow(1_000, 10, 2, 0);
        window.add(0, 1);
        window.add(1, 7);
        window.advanceTo(500);
        window.add(1, 3);
        assertThat(window.total(0)).isEqualTo(1);
        assertThat(window.total(1)).isEqualTo(10);
        window.advanceTo(1_000);
        assertThat(window.total(0)).isZero();
        assertThat(window.total(1)).isEqualTo(3);
    }

    @Test
    void window_longJump_clearsEverything() {
        SlidingWindow window = new SlidingWindow(1_000, 10, 1, 0);
        window.add(0, 9);
        window.advanceTo(1_000_000_000L);
        assertThat(window.total(0)).isZero();
        window.add(0, 2);
        assertThat(window.total(0)).isEqualTo(2);
    }

    @Test
    void window_timeGoingBackwards_isIgnored() {
        SlidingWindow window = new SlidingWindow(1_000, 10, 1, 500);
        window.advanceTo(900);
        window.add(0, 4);
        window.advanceTo(100);
        assertThat(window.total(0)).isEqualTo(4);
    }

    @Test
    void window_fewerNanosThanBuckets_isRejected() {
        assertThatThrownBy(() -> new SlidingWindow(5, 10, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one nanosecond per bucket");
    }

    @Test
    void window_randomSequences_matchANaiveModel() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int buckets = 1 + random.nextInt(20);
            long bucketNanos = 1 + random.nextInt(50);
            long origin = random.nextLong(-1_000_000, 1_000_000);
            SlidingWindow window = new SlidingWindow(bucketNanos * buckets, buckets, 1, origin);
            List<long[]> entries = new ArrayList<>(); // {bucket index, amount}
            long now = origin;
            for (int step = 0; step < 300; step++) {
                now += random.nextInt(4) == 0 ? random.nextLong(bucketNanos * buckets * 2) : random.nextLong(bucketNanos);
                window.advanceTo(now);
                long index = Math.floorDiv(now - origin, bucketNanos);
                long amount = random.nextInt(100);
                window.add(0, amount);
                entries.add(new long[] {index, amount});
                long expected = 0;
                for (long[] entry : entries) {
                    if (entry[0] > index - buckets) {
                        expected += entry[1];
                    }
                }
                assertThat(window.total(0)).as("seed %d step %d", seed, step).isEqualTo(expected);
            }
        }
    }
}
