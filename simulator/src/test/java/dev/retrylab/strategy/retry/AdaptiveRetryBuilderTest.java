package dev.retrylab.strategy.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveRetryBuilderTest {

    private final AdaptiveRetry.Builder builder = AdaptiveRetry.builder(RetryPolicy.defaults());

    @Test
    void builder_nullPolicy_throws() {
        assertThatThrownBy(() -> AdaptiveRetry.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("policy");
    }

    @Test
    void window_outOfRange_namesSettingAndRange() {
        assertThatThrownBy(() -> builder.window(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window must be 1..100000 calls, was 0");
        assertThatThrownBy(() -> builder.window(100_001)).hasMessageContaining("was 100001");
    }

    @Test
    void minimumCalls_zero_throws() {
        assertThatThrownBy(() -> builder.minimumCalls(0)).hasMessage("minimumCalls must be 1 or more, was 0");
    }

    @Test
    void maxAge_zeroOrNegative_throws() {
        assertThatThrownBy(() -> builder.maxAge(Duration.ZERO)).hasMessage("maxAge must be positive, was PT0S");
        assertThatThrownBy(() -> builder.maxAge(Duration.ofSeconds(-1))).hasMessageContaining("maxAge");
    }

    @Test
    void attempts_floorBelowOneOrCeilingBelowFloor_throws() {
        assertThatThrownBy(() -> builder.attempts(0, 3)).hasMessage("attempt floor must be 1 or more, was 0");
        assertThatThrownBy(() -> builder.attempts(3, 2))
                .hasMessage("attempt ceiling must be at least the floor (3), was 2");
    }

    @Test
    void delayScale_nonPositiveInfiniteOrInverted_throws() {
        assertThatThrownBy(() -> builder.delayScale(0.0, 2.0))
                .hasMessage("delay scale floor must be a finite number above 0, was 0.0");
        assertThatThrownBy(() -> builder.delayScale(Double.NaN, 2.0)).hasMessageContaining("was NaN");
        assertThatThrownBy(() -> builder.delayScale(2.0, 1.0))
                .hasMessage("delay scale ceiling must be finite and at least the floor (2.0), was 1.0");
        assertThatThrownBy(() -> builder.delayScale(1.0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("delay scale ceiling");
    }

    @Test
    void health_outOfOrderOrRange_throws() {
        assertThatThrownBy(() -> builder.health(-0.1, 0.9))
                .hasMessage("unhealthyAt must be 0 or more and below 1, was -0.1");
        assertThatThrownBy(() -> builder.health(0.6, 0.6))
                .hasMessage("healthyAt must be above unhealthyAt (0.6) and at most 1, was 0.6");
        assertThatThrownBy(() -> builder.health(0.5, 1.1)).hasMessageContaining("at most 1, was 1.1");
    }

    @Test
    void build_minimumCallsAboveWindow_throws() {
        assertThatThrownBy(() -> builder.window(5).minimumCalls(6).build())
                .hasMessage("minimumCalls (6) must not exceed the window (5 calls), or the attempt limit would never"
                        + " adapt");
    }

    @Test
    void build_validSettings_keepsThePolicy() {
        AdaptiveRetry retry = builder.window(5).minimumCalls(5).attempts(2, 6).build();

        assertThat(retry.policy()).isSameAs(RetryPolicy.defaults());
        assertThat(retry.maxAttempts()).isEqualTo(6);
    }
}
