package dev.retrylab.strategy.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final long MS = 1_000_000L;

    @Test
    void exponential_followsBaseTimesMultiplierToTheNMinusOneUpToTheCap() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(1));
        long[] expectedMs = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int n = 1; n <= expectedMs.length; n++) {
            assertThat(backoff.baseDelayNanos(n)).as("retry %d", n).isEqualTo(expectedMs[n - 1] * MS);
        }
    }

    @Test
    void exponential_withoutCap_saturatesInsteadOfOverflowing() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 10.0);
        assertThat(backoff.baseDelayNanos(200)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void constantLinearAndNone_haveTheirDocumentedShapes() {
        assertThat(Backoff.constant(Duration.ofMillis(50)).baseDelayNanos(7)).isEqualTo(50 * MS);
        Backoff linear = Backoff.linear(Duration.ofMillis(100), Duration.ofMillis(30)).withCap(Duration.ofMillis(200));
        assertThat(linear.baseDelayNanos(1)).isEqualTo(100 * MS);
        assertThat(linear.baseDelayNanos(3)).isEqualTo(160 * MS);
        assertThat(linear.baseDelayNanos(5)).isEqualTo(200 * MS);
        assertThat(Backoff.none().delayNanos(3, 0, new SplittableRandom(1))).isZero();
    }

    @Test
    void cap_appliesBeforeJitter() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofMillis(300))
                .withJitter(Jitter.FULL);
        // retry 4: 800ms un-capped, 300ms capped; full jitter with draw 0.5 gives half of the capped delay
        assertThat(backoff.delayNanos(4, 0, new FixedDraw(0.5))).isEqualTo(150 * MS);
    }

    @Test
    void jitterFormulas_giveExactValuesForAKnownDraw() {
        Backoff base = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(10));
        FixedDraw quarter = new FixedDraw(0.25);
        // retry 2: d = 200ms
        assertThat(base.delayNanos(2, 0, quarter)).isEqualTo(200 * MS);
        assertThat(base.withJitter(Jitter.FULL).delayNanos(2, 0, quarter)).isEqualTo(50 * MS);
        assertThat(base.withJitter(Jitter.EQUAL).delayNanos(2, 0, quarter)).isEqualTo(125 * MS);
        // proportional f = 0.5: U(100ms, 300ms) at 0.25 = 150ms
        assertThat(base.withJitter(Jitter.PROPORTIONAL, 0.5).delayNanos(2, 0, quarter)).isEqualTo(150 * MS);
        // decorrelated: U(base, 3 * prev); prev 400ms: U(100, 1200) at 0.25 = 375ms
        assertThat(base.withJitter(Jitter.DECORRELATED).delayNanos(2, 400 * MS, quarter)).isEqualTo(375 * MS);
        // first decorrelated retry: prev starts at base, U(100, 300) at 0.25 = 150ms
        assertThat(base.withJitter(Jitter.DECORRELATED).delayNanos(1, 0, quarter)).isEqualTo(150 * MS);
    }

    @Test
    void decorrelated_neverExceedsTheCap() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofMillis(500))
                .withJitter(Jitter.DECORRELATED);
        assertThat(backoff.delayNanos(5, 400 * MS, new FixedDraw(0.99))).isEqualTo(500 * MS);
    }

    @Test
    void jitteredDelays_stayInTheirRangesForManySeeds() {
        Backoff exponential = Backoff.exponential(Duration.ofMillis(10), 2.0).withCap(Duration.ofSeconds(1));
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            long previous = 0;
            for (int n = 1; n <= 12; n++) {
                long d = exponential.baseDelayNanos(n);
                assertThat(exponential.withJitter(Jitter.FULL).delayNanos(n, 0, rng)).as("seed %d", seed)
                        .isBetween(0L, d);
                assertThat(exponential.withJitter(Jitter.EQUAL).delayNanos(n, 0, rng)).as("seed %d", seed)
                        .isBetween(d / 2, d);
                assertThat(exponential.withJitter(Jitter.PROPORTIONAL, 0.2).delayNanos(n, 0, rng)).as("seed %d", seed)
                        .isBetween((long) (d * 0.8) - 1, (long) (d * 1.2) + 1);
                long decorrelated = exponential.withJitter(Jitter.DECORRELATED).delayNanos(n, previous, rng);
                long prev = previous > 0 ? previous : 10 * MS;
                assertThat(decorrelated).as("seed %d", seed).isBetween(Math.min(10 * MS, 1_000 * MS),
                        Math.min(1_000 * MS, 3 * prev));
                previous = decorrelated;
            }
        }
    }

    @Test
    void fullJitter_meanIsHalfTheDelay() {
        Backoff backoff = Backoff.constant(Duration.ofMillis(100)).withJitter(Jitter.FULL);
        SplittableRandom rng = new SplittableRandom(42);
        double sum = 0;
        int samples = 100_000;
        for (int i = 0; i < samples; i++) {
            sum += backoff.delayNanos(1, 0, rng);
        }
        // U(0, 100ms) has mean 50ms and standard deviation 28.9ms; the mean of 1e5 draws is within 0.5ms at 5 sigma
        assertThat(sum / samples / MS).isCloseTo(50.0, within(0.5));
    }

    @Test
    void invalidSettings_areRejectedWithTheirName() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, 2.0)).hasMessageContaining("base");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofMillis(1), 0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> Backoff.constant(Duration.ofSeconds(1)).withCap(Duration.ofMillis(10)))
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> Backoff.none().withJitter(Jitter.PROPORTIONAL, 1.5)).hasMessageContaining("factor");
        assertThatThrownBy(() -> Backoff.none().baseDelayNanos(0)).hasMessageContaining("retry");
    }
}
