package dev.retrylab.strategy.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.ConcurrentRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyTrackerTest {

    private static final long MS = 1_000_000L;

    @Test
    void exactPercentile_wikipediaNearestRankExample_matchesPublishedValues() {
        // The worked example of the nearest-rank method in Wikipedia's "Percentile" article:
        // {15, 20, 35, 40, 50} has p5 = 15, p30 = 20, p40 = 20, p50 = 35, p100 = 50.
        LatencyTracker tracker = new LatencyTracker(10, 95.0, 1, 1);
        for (long value : new long[] {50, 15, 40, 20, 35}) {
            tracker.recordLatency(value);
        }

        assertThat(tracker.exactPercentileNanos(5)).isEqualTo(15);
        assertThat(tracker.exactPercentileNanos(30)).isEqualTo(20);
        assertThat(tracker.exactPercentileNanos(40)).isEqualTo(20);
        assertThat(tracker.exactPercentileNanos(50)).isEqualTo(35);
        assertThat(tracker.exactPercentileNanos(100)).isEqualTo(50);
    }

    @Test
    void exactPercentile_oneToHundredMillisShuffled_isTheRank() {
        LatencyTracker tracker = new LatencyTracker(100, 95.0, 100, 100);
        List<Long> latencies = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) {
            latencies.add(ms * MS);
        }
        Collections.shuffle(latencies, new Random(42));
        latencies.forEach(tracker::recordLatency);

        // nearest rank ceil(p/100 * 100) = p for whole p
        assertThat(tracker.percentileNanos()).isEqualTo(95 * MS);
        assertThat(tracker.exactPercentileNanos(50)).isEqualTo(50 * MS);
        assertThat(tracker.exactPercentileNanos(99)).isEqualTo(99 * MS);
        assertThat(tracker.exactPercentileNanos(99.9)).isEqualTo(100 * MS);
        assertThat(tracker.exactPercentileNanos(0.5)).isEqualTo(1 * MS);
    }

    @Test
    void exactPercentile_twentySamples_roundsTheRankUp() {
        LatencyTracker tracker = new LatencyTracker(20, 95.0, 1, 1);
        for (long i = 20; i >= 1; i--) {
            tracker.recordLatency(i);
        }

        // ranks: p95 -> ceil(19.0) = 19, p90 -> 18, p99 -> ceil(19.8) = 20, p0.1 -> ceil(0.02) = 1
        assertThat(tracker.percentileNanos()).isEqualTo(19);
        assertThat(tracker.exactPercentileNanos(90)).isEqualTo(18);
        assertThat(tracker.exactPercentileNanos(99)).isEqualTo(20);
        assertThat(tracker.exactPercentileNanos(0.1)).isEqualTo(1);
    }

    @Test
    void exactPercentile_randomSamples_matchesSortedNearestRank() {
        for (long seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int window = 1 + random.nextInt(200);
            int count = 1 + random.nextInt(3 * window);
            LatencyTracker tracker = new LatencyTracker(window, 50.0, 1, 1);
            long[] all = new long[count];
            for (int i = 0; i < count; i++) {
                all[i] = random.nextLong(1_000);
                tracker.recordLatency(all[i]);
            }
            long[] kept = Arrays.copyOfRange(all, Math.max(0, count - window), count);
            Arrays.sort(kept);
            int percentile = 1 + random.nextInt(100);
            int rank = (int) Math.ceil(percentile * kept.length / 100.0);

            assertThat(tracker.exactPercentileNanos(percentile))
                    .as("seed %d, window %d, count %d, p%d", seed, window, count, percentile)
                    .isEqualTo(kept[rank - 1]);
        }
    }

    @Test
    void percentileNanos_beforeMinSamples_isUnknownThenKnown() {
        LatencyTracker tracker = new LatencyTracker(10, 100.0, 3, 10);
        tracker.recordLatency(5);
        tracker.recordLatency(7);

        assertThat(tracker.percentileNanos()).isEqualTo(LatencyTracker.UNKNOWN);

        tracker.recordLatency(6);

        assertThat(tracker.percentileNanos()).isEqualTo(7);
    }

    @Test
    void percentileNanos_betweenRecomputations_keepsTheLastValue() {
        LatencyTracker tracker = new LatencyTracker(10, 100.0, 1, 5);
        tracker.recordLatency(10);
        assertThat(tracker.percentileNanos()).isEqualTo(10);

        for (long value : new long[] {20, 30, 40, 50}) {
            tracker.recordLatency(value);
        }
        assertThat(tracker.percentileNanos()).as("4 samples since the last computation").isEqualTo(10);
        assertThat(tracker.exactPercentileNanos(100)).isEqualTo(50);

        tracker.recordLatency(60);
        assertThat(tracker.percentileNanos()).as("5 samples since the last computation").isEqualTo(60);
    }

    @Test
    void recordLatency_pastTheWindow_forgetsTheOldest() {
        LatencyTracker tracker = new LatencyTracker(3, 100.0, 1, 1);
        tracker.recordLatency(100);
        tracker.recordLatency(1);
        tracker.recordLatency(2);
        assertThat(tracker.percentileNanos()).isEqualTo(100);

        tracker.recordLatency(3);

        assertThat(tracker.percentileNanos()).isEqualTo(3);
        assertThat(tracker.samples()).isEqualTo(4);
    }

    @Test
    void exactPercentile_nothingRecorded_isUnknown() {
        assertThat(new LatencyTracker(5, 50.0, 1, 1).exactPercentileNanos(50)).isEqualTo(LatencyTracker.UNKNOWN);
    }

    @Test
    void recordLatency_negative_throws() {
        LatencyTracker tracker = new LatencyTracker(5, 50.0, 1, 1);

        assertThatThrownBy(() -> tracker.recordLatency(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency must be zero or more");
    }

    @Test
    void constructor_settingsOutOfRange_throwNamingTheSetting() {
        assertThatThrownBy(() -> new LatencyTracker(0, 50, 1, 1)).hasMessageContaining("windowSize must be 1..");
        assertThatThrownBy(() -> new LatencyTracker(5, 0, 1, 1)).hasMessageContaining("percentile must be in (0, 100]");
        assertThatThrownBy(() -> new LatencyTracker(5, 100.5, 1, 1)).hasMessageContaining("percentile");
        assertThatThrownBy(() -> new LatencyTracker(5, Double.NaN, 1, 1)).hasMessageContaining("percentile");
        assertThatThrownBy(() -> new LatencyTracker(5, 50, 6, 1)).hasMessageContaining("minSamples must be 1..windowSize");
        assertThatThrownBy(() -> new LatencyTracker(5, 50, 1, 0)).hasMessageContaining("recomputeEvery must be 1..windowSize");
        assertThatThrownBy(() -> tracker().exactPercentileNanos(-3)).hasMessageContaining("percentile");
    }

    @Test
    void recordLatency_eightThreads_countsEverySampleAndStaysConsistent() throws InterruptedException {
        LatencyTracker tracker = new LatencyTracker(1000, 95.0, 100, 10);
        int perThread = 20_000;

        ConcurrentRun.inThreads(8, thread -> {
            SplittableRandom random = new SplittableRandom(thread);
            for (int i = 0; i < perThread; i++) {
                tracker.recordLatency(1 + random.nextLong(1000));
                long delay = tracker.percentileNanos();
                boolean known = delay != LatencyTracker.UNKNOWN;
                if (known ? delay < 1 || delay > 1000 : i >= 99) {
                    throw new AssertionError("percentile " + delay + " after " + (i + 1) + " own samples");
                }
            }
        });

        assertThat(tracker.samples()).isEqualTo(8L * perThread);
        for (long value = 1; value <= 1000; value++) {
            tracker.recordLatency(value);
        }
        assertThat(tracker.exactPercentileNanos(95)).isEqualTo(950);
        assertThat(tracker.percentileNanos()).isEqualTo(950);
    }

    private static LatencyTracker tracker() {
        return new LatencyTracker(5, 50, 1, 1);
    }
}
