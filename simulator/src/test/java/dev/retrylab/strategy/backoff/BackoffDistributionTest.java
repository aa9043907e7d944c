package dev.retrylab.strategy.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retrylab.strategy.backoff.BackoffDistribution.RetryDelay;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffDistributionTest {

    @Test
    void withoutJitter_everyStatisticIsTheDelayAndTheCumulativeMeanAddsUp() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofMillis(300));
        List<RetryDelay> delays = BackoffDistribution.sample(backoff, 3, 10, new SplittableRandom(1));
        assertThat(delays).containsExactly(
                new RetryDelay(1, 100, 100, 100, 100, 100, 100, 100),
                new RetryDelay(2, 200, 200, 200, 200, 200, 200, 300),
                new RetryDelay(3, 300, 300, 300, 300, 300, 300, 600));
    }

    @Test
    void fullJitter_percentilesMatchTheUniformDistribution() {
        Backoff backoff = Backoff.constant(Duration.ofMillis(100)).withJitter(Jitter.FULL);
        RetryDelay first = BackoffDistribution.sample(backoff, 1, 100_000, new SplittableRandom(7)).get(0);
        // U(0, 100ms): p5 = 5ms, p50 = 50ms, p95 = 95ms; 1e5 samples put them within 0.5ms
        assertThat(first.p5Ms()).isCloseTo(5.0, within(0.5));
        assertThat(first.p50Ms()).isCloseTo(50.0, within(0.5));
        assertThat(first.p95Ms()).isCloseTo(95.0, within(0.5));
        assertThat(first.minMs()).isGreaterThanOrEqualTo(0.0);
        assertThat(first.maxMs()).isLessThan(100.0);
    }

    @Test
    void sameSeed_givesTheSameResult() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(10), 2.0).withJitter(Jitter.DECORRELATED);
        assertThat(BackoffDistribution.sample(backoff, 5, 1000, new SplittableRandom(3)))
                .isEqualTo(BackoffDistribution.sample(backoff, 5, 1000, new SplittableRandom(3)));
    }

    @Test
    void percentile_usesNearestRank() {
        long[] sorted = {1_000_000, 2_000_000, 3_000_000, 4_000_000};
        assertThat(BackoffDistribution.percentileMs(sorted, 50)).isEqualTo(2.0);
        assertThat(BackoffDistribution.percentileMs(sorted, 51)).isEqualTo(3.0);
        assertThat(BackoffDistribution.percentileMs(sorted, 5)).isEqualTo(1.0);
        assertThat(BackoffDistribution.percentileMs(sorted, 100)).isEqualTo(4.0);
    }
}
