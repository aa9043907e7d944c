package dev.retrylab.strategy.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerConfigTest {

    @Test
    void defaults_asDocumented() {
        CircuitBreakerConfig config = CircuitBreakerConfig.defaults();

        assertThat(config.failureRateThreshold()).isEqualTo(50.0);
        assertThat(config.consecutiveFailureThreshold()).isZero();
        assertThat(config.windowType()).isEqualTo(CircuitBreakerConfig.WindowType.COUNT);
        assertThat(config.windowSize()).isEqualTo(100);
        assertThat(config.minimumCalls()).isEqualTo(20);
        assertThat(config.openDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.halfOpenTrialCalls()).isEqualTo(5);
    }

    @Test
    void defaults_countRetryableFailuresOnly() {
        CircuitBreakerConfig config = CircuitBreakerConfig.defaults();

        assertThat(config.countsAsFailure(Failure.of(FailureKind.TIMEOUT))).isTrue();
        assertThat(config.countsAsFailure(Failure.of(FailureKind.UNAVAILABLE))).isTrue();
        assertThat(config.countsAsFailure(Failure.of(FailureKind.INVALID_INPUT))).isFalse();
        assertThat(config.countsAsFailure(Failure.of(FailureKind.NOT_FOUND))).isFalse();
    }

    @Test
    void timeWindow_wholeSeconds_setsTypeAndSize() {
        CircuitBreakerConfig config = CircuitBreakerConfig.builder().timeWindow(Duration.ofMinutes(1))
                .minimumCalls(500).build();

        assertThat(config.windowType()).isEqualTo(CircuitBreakerConfig.WindowType.TIME);
        assertThat(config.windowSize()).isEqualTo(60);
    }

    @Test
    void failureRateThreshold_outOfRange_namesSettingAndRange() {
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder();

        assertThatThrownBy(() -> builder.failureRateThreshold(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureRateThreshold must be above 0 and at most 100 percent, was 0.0");
        assertThatThrownBy(() -> builder.failureRateThreshold(100.5)).hasMessageContaining("failureRateThreshold");
        assertThatThrownBy(() -> builder.failureRateThreshold(Double.NaN)).hasMessageContaining("was NaN");
    }

    @Test
    void builderSetters_invalidValues_throwNamingTheSetting() {
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder();

        assertThatThrownBy(() -> builder.consecutiveFailureThreshold(0))
                .hasMessage("consecutiveFailureThreshold must be 1 or more, was 0");
        assertThatThrownBy(() -> builder.countWindow(0)).hasMessage("countWindow must be 1..1000000 calls, was 0");
        assertThatThrownBy(() -> builder.countWindow(1_000_001)).hasMessageContaining("countWindow");
        assertThatThrownBy(() -> builder.minimumCalls(0)).hasMessage("minimumCalls must be 1 or more, was 0");
        assertThatThrownBy(() -> builder.openDuration(Duration.ZERO))
                .hasMessage("openDuration must be positive, was PT0S");
        assertThatThrownBy(() -> builder.halfOpenTrialCalls(0))
                .hasMessage("halfOpenTrialCalls must be 1 or more, was 0");
        assertThatThrownBy(() -> builder.countFailuresWhen(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("countFailuresWhen");
    }

    @Test
    void timeWindow_fractionalOrOutOfRange_throwsNamingTheRange() {
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder();

        assertThatThrownBy(() -> builder.timeWindow(Duration.ofMillis(1_500)))
                .hasMessage("timeWindow must be a whole number of seconds from 1s to 3600s, was PT1.5S");
        assertThatThrownBy(() -> builder.timeWindow(Duration.ZERO)).hasMessageContaining("from 1s to 3600s");
        assertThatThrownBy(() -> builder.timeWindow(Duration.ofHours(2))).hasMessageContaining("was PT2H");
    }

    @Test
    void build_minimumCallsAboveCountWindow_throws() {
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder().countWindow(10).minimumCalls(11);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimumCalls (11) must not exceed the count window (10 calls)");
    }

    @Test
    void build_minimumCallsAboveTimeWindowSeconds_isAllowed() {
        CircuitBreakerConfig config = CircuitBreakerConfig.builder().timeWindow(Duration.ofSeconds(10))
                .minimumCalls(1_000).build();

        assertThat(config.minimumCalls()).isEqualTo(1_000);
    }
}
