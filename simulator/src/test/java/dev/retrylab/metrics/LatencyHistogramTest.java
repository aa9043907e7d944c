package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    /** 3 significant digits: a reported value exceeds the recorded one by less than 1/1024 of it. */
    private static final double PRECISION = 1.0 / 1024;

    @Test
    void percentiles_randomLatencies_matchSortedArrayWithinHistogramPrecision() {
        // Nearest rank ceil(p/100 * n) as in HdrHistogram's getValueAtPercentile, in exact integers.
        long[] perMilles = {500, 900, 990, 999};
        for (long seed = 1; seed <= 100; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 1 + random.nextInt(5_000);
            long[] values = new long[n];
            LatencyHistogram histogram = new LatencyHistogram();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                // log-uniform from 1 microsecond to 10 seconds
                values[i] = (long) Math.pow(10, 3 + 7 * random.nextDouble());
                histogram.record(values[i]);
                sum += values[i];
            }
            Arrays.sort(values);
            LatencyStats stats = histogram.stats();
            double[] reported = {stats.p50(), stats.p90(), stats.p99(), stats.p999()};
            for (int k = 0; k < reported.length; k++) {
                long perMille = perMilles[k];
                int rank = (int) Math.max(1, (perMille * n + 999) / 1000);
                double expectedMs = values[rank - 1] / 1e6;
                assertThat(reported[k]).as("seed %d, n %d, per mille %d", seed, n, perMille)
                        .isBetween(expectedMs * (1 - 1e-12), expectedMs * (1 + PRECISION));
            }
            assertThat(stats.mean()).as("mean, seed %d", seed).isCloseTo(sum / n / 1e6, within(sum / n / 1e6 * 1e-3));
            assertThat(histogram.count()).isEqualTo(n);
        }
    }

    @Test
    void stats_fewKnownValues_reportsThemInMilliseconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            histogram.record(ms * 1_000_000L);
        }

        LatencyStats stats = histogram.stats();
        assertThat(stats.p50()).isCloseTo(50, within(50 * PRECISION));
        assertThat(stats.p90()).isCloseTo(90, within(90 * PRECISION));
        assertThat(stats.p99()).isCloseTo(99, within(99 * PRECISION));
        assertThat(stats.p999()).isCloseTo(100, within(100 * PRECISION));
        assertThat(stats.mean()).isCloseTo(50.5, within(0.05));
    }

    @Test
    void stats_nothingRecorded_isAllZero() {
        assertThat(new LatencyHistogram().stats()).isEqualTo(LatencyStats.EMPTY);
    }

    @Test
    void record_hoursLongLatency_isTrackedAndBeyondADayIsClamped() {
        LatencyHistogram histogram = new LatencyHistogram();
        long threeHours = 3L * 3600 * 1_000_000_000L;
        histogram.record(threeHours);

        assertThat(histogram.percentileMillis(100)).isCloseTo(threeHours / 1e6, within(threeHours / 1e6 * PRECISION));
        assertThat(histogram.clampedCount()).isZero();

        histogram.record(Long.MAX_VALUE);

        assertThat(histogram.clampedCount()).isEqualTo(1);
        assertThat(histogram.percentileMillis(100)).isCloseTo(24 * 3600e3, within(24 * 3600e3 * PRECISION));
    }

    @Test
    void record_negativeLatency_throws() {
        assertThatThrownBy(() -> new LatencyHistogram().record(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void add_twoHistograms_poolsTheirValues() {
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        first.record(1_000_000);
        second.record(3_000_000);
        first.add(second);

        assertThat(first.count()).isEqualTo(2);
        assertThat(first.meanMillis()).isCloseTo(2.0, within(0.002));
    }

    @Test
    void latencyStats_decreasingPercentilesOrNaN_throw() {
        assertThatThrownBy(() -> new LatencyStats(1, 5, 4, 6, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyStats(Double.NaN, 1, 2, 3, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
