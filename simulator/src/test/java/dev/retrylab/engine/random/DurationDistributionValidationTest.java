package dev.retrylab.engine.random;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DurationDistributionValidationTest {

    private static final Duration MS = Duration.ofMillis(1);

    @Test
    void constant_negative_isRejected() {
        assertRejected(() -> new ConstantDuration(-1), "constant duration must be zero or more, was -1ns");
        assertRejected(() -> DurationDistribution.constant(Duration.ofMillis(-2)),
                "constant duration must be zero or positive, was PT-0.002S");
    }

    @Test
    void uniform_maxBelowMin_isRejected() {
        assertRejected(() -> DurationDistribution.uniform(Duration.ofMillis(3), MS),
                "uniform max must be at least min (3ms), was 1000000ns");
        assertRejected(() -> new UniformDuration(-5, 10), "uniform min must be zero or more, was -5ns");
    }

    @Test
    void exponential_zeroMean_isRejected() {
        assertRejected(() -> new ExponentialDuration(0), "exponential mean must be positive, was 0ns");
        assertRejected(() -> DurationDistribution.exponential(Duration.ZERO), "exponential mean must be positive, was PT0S");
    }

    @Test
    void truncatedNormal_badParameters_areRejected() {
        assertRejected(() -> new TruncatedNormalDuration(-1, 5), "normal mean must be zero or more, was -1ns");
        assertRejected(() -> new TruncatedNormalDuration(10, 0),
                "normal sd must be positive (use a constant duration for none), was 0ns");
    }

    @Test
    void logNormal_p99NotAboveMedian_isRejected() {
        assertRejected(() -> DurationDistribution.logNormal(Duration.ofMillis(20), Duration.ofMillis(20)),
                "lognormal p99 must be above the median (20ms), was 20ms");
        assertRejected(() -> DurationDistribution.logNormal(Duration.ZERO, MS), "lognormal median must be positive, was PT0S");
    }

    @Test
    void logNormal_badLogParameters_areRejected() {
        assertRejected(() -> new LogNormalDuration(Double.NaN, 1),
                "lognormal mu (the mean of ln nanoseconds) must be finite, was NaN");
        assertRejected(() -> new LogNormalDuration(10, -0.5),
                "lognormal sigma (the sd of ln nanoseconds) must be positive and finite, was -0.5");
        assertRejected(() -> new LogNormalDuration(10, Double.POSITIVE_INFINITY),
                "lognormal sigma (the sd of ln nanoseconds) must be positive and finite, was Infinity");
    }

    @Test
    void pareto_badParameters_areRejected() {
        assertRejected(() -> DurationDistribution.pareto(MS, 0.0),
                "pareto shape (tail index) must be positive and finite, was 0.0");
        assertRejected(() -> DurationDistribution.pareto(MS, Double.NaN),
                "pareto shape (tail index) must be positive and finite, was NaN");
        assertRejected(() -> DurationDistribution.pareto(Duration.ofMillis(5), 1.5, MS),
                "pareto cap must be at least the scale (5ms), was 1000000ns");
        assertRejected(() -> new ParetoDuration(0, 1.5, Long.MAX_VALUE), "pareto scale must be positive, was 0ns");
    }

    @Test
    void mixture_probabilityOutsideUnitInterval_isRejected() {
        DurationDistribution fast = DurationDistribution.constant(MS);
        assertRejected(() -> DurationDistribution.mixture(1.001, fast, fast),
                "mixture probability of the first mode must be in [0, 1], was 1.001");
        assertRejected(() -> DurationDistribution.mixture(Double.NaN, fast, fast),
                "mixture probability of the first mode must be in [0, 1], was NaN");
        assertThatThrownBy(() -> DurationDistribution.mixture(0.5, fast, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("mixture second mode");
    }

    @Test
    void empirical_emptyOrNegative_isRejected() {
        assertRejected(() -> DurationDistribution.empirical(List.of()), "empirical samples must list at least one duration");
        assertRejected(() -> new EmpiricalDuration(new long[] {3, -4}), "empirical sample 1 must be zero or more, was -4ns");
        assertRejected(() -> DurationDistribution.empirical(List.of(MS, Duration.ofMillis(-1))),
                "empirical sample 1 must be zero or positive, was PT-0.001S");
    }

    private static void assertRejected(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
