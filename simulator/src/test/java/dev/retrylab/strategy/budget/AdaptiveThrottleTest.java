package dev.retrylab.strategy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AdaptiveThrottleTest {

    /** A generator the throttle must not draw from. */
    private static final RandomGenerator MUST_NOT_DRAW = () -> {
        throw new AssertionError("drew a random number although the rejection probability is zero");
    };

    private final ManualScheduler clock = new ManualScheduler();

    @Test
    void rejectionProbability_atHandPickedCounts_followsTheSreBookFormula() {
        // max(0, (requests - K * accepts) / (requests + 1)) with K = 2
        assertThat(probabilityAfter(2.0, 0, 0)).isZero();
        assertThat(probabilityAfter(2.0, 10, 5)).isZero(); // 10 - 10 = 0
        assertThat(probabilityAfter(2.0, 10, 8)).isZero(); // negative, clamped
        assertThat(probabilityAfter(2.0, 10, 3)).isEqualTo(4.0 / 11.0);
        assertThat(probabilityAfter(2.0, 10, 4)).isEqualTo(2.0 / 11.0);
        assertThat(probabilityAfter(2.0, 100, 0)).isEqualTo(100.0 / 101.0);
        assertThat(probabilityAfter(2.0, 1, 0)).isEqualTo(0.5);
        assertThat(probabilityAfter(1.1, 10, 5)).isCloseTo(4.5 / 11.0, within(1e-15));
        assertThat(probabilityAfter(1.0, 1000, 999)).isEqualTo(1.0 / 1001.0);
    }

    @Test
    void allowRequest_zeroProbability_admitsWithoutDrawing() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(clock);
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.allowRequest(MUST_NOT_DRAW)).isTrue();
            throttle.onAccepted();
        }
        assertThat(throttle.requestsInWindow()).isEqualTo(100);
        assertThat(throttle.acceptsInWindow()).isEqualTo(100);
    }

    @Test
    void allowRequest_drawBelowTheProbability_rejectsAndAboveAdmits() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(clock);
        throttle.allowRequest(MUST_NOT_DRAW); // 1 request, 0 accepts: next p = 1/2
        assertThat(throttle.allowRequest(fixedDraw(0.4999))).isFalse();
        // now 2 requests, 0 accepts: p = 2/3
        assertThat(throttle.allowRequest(fixedDraw(0.6667))).isTrue();
        assertThat(throttle.requestsInWindow()).isEqualTo(3); // local rejections count as requests
    }

    @Test
    void rejectionProbability_afterTheWindow_forgetsTheHistory() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(clock); // 2 min in 60 buckets of 2 s
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50; i++) {
            throttle.allowRequest(random);
            throttle.onRejectedByBackend();
        }
        assertThat(throttle.rejectionProbability()).isEqualTo(50.0 / 51.0);
        assertThat(throttle.backendRejectionsInWindow()).isEqualTo(50);

        clock.advance(Duration.ofMillis(119_999)); // still in the window (bucket 59)
        assertThat(throttle.rejectionProbability()).isEqualTo(50.0 / 51.0);
        clock.advance(Duration.ofMillis(1)); // bucket 60: bucket 0 left
        assertThat(throttle.rejectionProbability()).isZero();
        assertThat(throttle.requestsInWindow()).isZero();
        assertThat(throttle.backendRejectionsInWindow()).isZero();
    }

    @Test
    void rejectionProbability_slidingWindow_keepsOnlyRecentCounts() {
        AdaptiveThrottle throttle = AdaptiveThrottle.builder(clock).window(Duration.ofSeconds(10)).buckets(10).build();
        requests(throttle, 10, 0); // t = 0: 10 requests, no accepts
        clock.advance(Duration.ofSeconds(5));
        requests(throttle, 10, 10); // t = 5 s: 10 requests, 10 accepts
        assertThat(throttle.rejectionProbability()).isZero(); // 20 - 2 * 10 = 0

        clock.advance(Duration.ofSeconds(5)); // t = 10 s: the first 10 are gone
        assertThat(throttle.rejectionProbability()).isZero();
        requests(throttle, 30, 0);
        assertThat(throttle.rejectionProbability()).isEqualTo((40.0 - 20.0) / 41.0);
    }

    /**
     * The fraction rejected matches the formula: over a run, the number of local rejections is
     * a sum of Bernoulli draws whose probabilities the throttle reports, so it must lie within a
     * few standard deviations of their sum. The backend accepts at most 30 requests per second of
     * 100 offered, so in steady state p = 1 - K * 30 / 100 = 0.4.
     */
    @Test
    void allowRequest_manySeededDraws_rejectsTheFractionTheFormulaGives() {
        for (long seed = 1; seed <= 5; seed++) {
            ManualScheduler time = new ManualScheduler();
            AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(time);
            SplittableRandom rng = new SplittableRandom(seed);
            double expectedRejections = 0;
            double variance = 0;
            long rejections = 0;
            long steadyRequests = 0;
            long steadyRejections = 0;
            int acceptedThisSecond = 0;
            for (int request = 0; request < 36_000; request++) { // 6 minutes at 100/s
                time.advance(Duration.ofMillis(10));
                if (request % 100 == 0) {
                    acceptedThisSecond = 0;
                }
                double p = throttle.rejectionProbability();
                expectedRejections += p;
                variance += p * (1 - p);
                boolean allowed = throttle.allowRequest(rng);
                if (!allowed) {
                    rejections++;
                } else if (acceptedThisSecond < 30) {
                    acceptedThisSecond++;
                    throttle.onAccepted();
                } else {
                    throttle.onRejectedByBackend();
                }
                if (request >= 18_000) {
                    steadyRequests++;
                    steadyRejections += allowed ? 0 : 1;
                }
            }
            assertThat((double) rejections).as("seed %d", seed)
                    .isCloseTo(expectedRejections, within(5 * Math.sqrt(variance) + 1));
            assertThat(steadyRejections / (double) steadyRequests).as("seed %d", seed)
                    .isCloseTo(0.4, within(0.03));
        }
    }

    @Test
    void builder_outOfRangeSettings_areRejectedWithTheAllowedRange() {
        assertThatThrownBy(() -> AdaptiveThrottle.builder(clock).k(0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be 1..1000, was 0.9");
        assertThatThrownBy(() -> AdaptiveThrottle.builder(clock).k(Double.NaN)).hasMessage("k must be 1..1000, was NaN");
        assertThatThrownBy(() -> AdaptiveThrottle.builder(clock).window(Duration.ofMillis(-1)))
                .hasMessage("window must be 1ms..1h, was PT-0.001S");
        assertThatThrownBy(() -> AdaptiveThrottle.builder(clock).buckets(1_001))
                .hasMessage("buckets must be 1..1000, was 1001");
    }

    @Test
    void defaults_areKTwoOverTwoMinutes() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(clock);
        assertThat(throttle.k()).isEqualTo(2.0);
        assertThat(throttle.window()).isEqualTo(Duration.ofMinutes(2));
    }

    private double probabilityAfter(double k, int requests, int accepts) {
        AdaptiveThrottle throttle = AdaptiveThrottle.builder(clock).k(k).build();
        requests(throttle, requests, accepts);
        return throttle.rejectionProbability();
    }

    /** Counts {@code requests} requests, whatever the draws decide, and {@code accepts} accepts. */
    private static void requests(AdaptiveThrottle throttle, int requests, int accepts) {
        SplittableRandom random = new SplittableRandom(requests * 31L + accepts);
        for (int i = 0; i < requests; i++) {
            throttle.allowRequest(random);
        }
        for (int i = 0; i < accepts; i++) {
            throttle.onAccepted();
        }
    }

    /** A generator whose every double is {@code value}. */
    private static RandomGenerator fixedDraw(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
