package dev.retrylab.strategy.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerWindowTest {

    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);

    private final ManualScheduler clock = new ManualScheduler();

    private static void record(CircuitBreaker breaker, boolean... failed) {
        for (boolean callFailed : failed) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            if (callFailed) {
                breaker.onFailure(TIMEOUT);
            } else {
                breaker.onSuccess();
            }
        }
    }

    /** A 10 s window; at threshold 100 a failure opens it only when every windowed call failed. */
    private CircuitBreaker timeBreaker(int minimumCalls, double threshold) {
        return new CircuitBreaker(CircuitBreakerConfig.builder().timeWindow(Duration.ofSeconds(10))
                .minimumCalls(minimumCalls).failureRateThreshold(threshold).build(), clock);
    }

    @Test
    void countWindow_moreCallsThanItsSize_oldestOutcomesSlideOut() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().countWindow(4).minimumCalls(4)
                .failureRateThreshold(75).build(), clock);
        record(breaker, true, true, false, false);
        assertThat(breaker.failureRate()).isEqualTo(50.0);

        record(breaker, false);
        assertThat(breaker.failureRate()).isEqualTo(25.0);
        record(breaker, false);
        assertThat(breaker.failureRate()).isEqualTo(0.0);
        assertThat(breaker.bufferedCalls()).isEqualTo(4);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void countWindow_failuresSlidOut_doNotOpenTheBreaker() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().countWindow(4).minimumCalls(4)
                .failureRateThreshold(75).build(), clock);
        record(breaker, true, true, false, false, false, false, true, true);

        // the window now holds S S F F: 50 %, although 4 of the 8 calls failed
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        record(breaker, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void timeWindow_timeMovesOn_outcomesOlderThanWindowSlideOut() {
        CircuitBreaker breaker = timeBreaker(1, 100);
        record(breaker, false, true);
        assertThat(breaker.failureRate()).isEqualTo(50.0);

        clock.advance(Duration.ofSeconds(5));
        record(breaker, false, false);
        assertThat(breaker.bufferedCalls()).isEqualTo(4);
        assertThat(breaker.failureRate()).isEqualTo(25.0);

        clock.advance(Duration.ofSeconds(5));
        assertThat(breaker.bufferedCalls()).isEqualTo(2);
        assertThat(breaker.failedCalls()).isZero();

        clock.advance(Duration.ofSeconds(5));
        assertThat(breaker.bufferedCalls()).isZero();
        assertThat(breaker.failureRate()).isEqualTo(-1.0);
    }

    @Test
    void timeWindow_lastNanosecondOfWindow_stillHoldsTheOldestSecond() {
        CircuitBreaker breaker = timeBreaker(1, 100);
        record(breaker, true);

        clock.advance(Duration.ofSeconds(10).minusNanos(1));
        assertThat(breaker.failedCalls()).isEqualTo(1);
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.failedCalls()).isZero();
    }

    @Test
    void timeWindow_oldFailuresSlidOut_doNotOpenTheBreaker() {
        CircuitBreaker breaker = timeBreaker(4, 50);
        record(breaker, true, true, true);
        clock.advance(Duration.ofSeconds(10));

        record(breaker, true, false, false, false);

        // 1 failure in the 4 calls of the last 10 s; without sliding it would be 4 of 7
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.failureRate()).isEqualTo(25.0);
    }

    @Test
    void timeWindow_failuresInsideWindow_openTheBreaker() {
        CircuitBreaker breaker = timeBreaker(4, 50);
        record(breaker, true, true, true);
        clock.advance(Duration.ofSeconds(9));

        record(breaker, false);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void timeWindow_idleForLongerThanWindow_startsEmpty() {
        CircuitBreaker breaker = timeBreaker(1, 100);
        record(breaker, false, true);

        clock.advance(Duration.ofHours(3));
        record(breaker, false);

        assertThat(breaker.bufferedCalls()).isEqualTo(1);
        assertThat(breaker.failedCalls()).isZero();
    }

    @Test
    void timeWindow_clockBelowZero_bucketsBySecondAllTheSame() {
        ManualScheduler negative = new ManualScheduler(-5_500_000_000L);
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().timeWindow(Duration.ofSeconds(2))
                .minimumCalls(1).failureRateThreshold(100).build(), negative);
        record(breaker, false, true);

        negative.advance(Duration.ofMillis(1_499));
        assertThat(breaker.bufferedCalls()).isEqualTo(2);
        negative.advance(Duration.ofMillis(1));
        assertThat(breaker.bufferedCalls()).isZero();
    }
}
