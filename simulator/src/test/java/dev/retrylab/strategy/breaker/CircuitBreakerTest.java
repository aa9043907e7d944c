package dev.retrylab.strategy.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);
    private static final Failure INVALID_INPUT = Failure.of(FailureKind.INVALID_INPUT);
    private static final Duration OPEN = Duration.ofSeconds(10);

    private final ManualScheduler clock = new ManualScheduler();

    /** Count window of 10, rate evaluated from 10 calls at 50 %, open 10 s, 3 trial calls. */
    private static CircuitBreakerConfig.Builder tenCalls() {
        return CircuitBreakerConfig.builder().countWindow(10).minimumCalls(10).failureRateThreshold(50)
                .openDuration(OPEN).halfOpenTrialCalls(3);
    }

    private CircuitBreaker breaker(CircuitBreakerConfig.Builder config) {
        return new CircuitBreaker(config.build(), clock);
    }

    private static void succeed(CircuitBreaker breaker, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onSuccess();
        }
    }

    private static void fail(CircuitBreaker breaker, Failure failure, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onFailure(failure);
        }
    }

    private CircuitBreaker openBreaker() {
        CircuitBreaker breaker = breaker(tenCalls());
        fail(breaker, TIMEOUT, 10);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        return breaker;
    }

    private CircuitBreaker halfOpenBreaker() {
        CircuitBreaker breaker = openBreaker();
        clock.advance(OPEN);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        return breaker;
    }

    @Test
    void newBreaker_noCalls_isClosedAndPermits() {
        CircuitBreaker breaker = breaker(tenCalls());

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.bufferedCalls()).isZero();
        assertThat(breaker.failureRate()).isEqualTo(-1.0);
        assertThat(breaker.notPermittedCalls()).isZero();
    }

    @Test
    void closed_failureRateReachesThreshold_opens() {
        CircuitBreaker breaker = breaker(tenCalls());
        succeed(breaker, 5);
        fail(breaker, TIMEOUT, 4);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        fail(breaker, TIMEOUT, 1);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.failureRate()).isEqualTo(50.0);
        assertThat(breaker.bufferedCalls()).isEqualTo(10);
        assertThat(breaker.failedCalls()).isEqualTo(5);
    }

    @Test
    void closed_failureRateBelowThreshold_staysClosed() {
        CircuitBreaker breaker = breaker(tenCalls());
        fail(breaker, TIMEOUT, 4);
        succeed(breaker, 6);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.failureRate()).isEqualTo(40.0);
    }

    @Test
    void closed_fewerThanMinimumCalls_staysClosedEvenWhenAllFail() {
        CircuitBreaker breaker = breaker(tenCalls().countWindow(20).minimumCalls(5));
        fail(breaker, TIMEOUT, 4);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.failureRate()).isEqualTo(-1.0);
        assertThat(breaker.failedCalls()).isEqualTo(4);

        fail(breaker, TIMEOUT, 1);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void closed_minimumReachedBySuccess_opensWhenRateAlreadyAboveThreshold() {
        CircuitBreaker breaker = breaker(tenCalls().minimumCalls(4));
        fail(breaker, TIMEOUT, 3);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        succeed(breaker, 1);

        // 3 failures in 4 calls = 75 % >= 50 %
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void closed_consecutiveFailuresReachThreshold_opensBeforeMinimumCalls() {
        CircuitBreaker breaker = breaker(tenCalls().countWindow(100).minimumCalls(100).consecutiveFailureThreshold(3));
        fail(breaker, TIMEOUT, 2);
        succeed(breaker, 1);
        fail(breaker, TIMEOUT, 2);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.consecutiveFailures()).isEqualTo(2);

        fail(breaker, TIMEOUT, 1);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.consecutiveFailures()).isZero();
    }

    @Test
    void closed_notCountedFailureBetweenFailures_resetsConsecutiveCount() {
        CircuitBreaker breaker = breaker(tenCalls().countWindow(100).minimumCalls(100).consecutiveFailureThreshold(2));
        fail(breaker, TIMEOUT, 1);
        fail(breaker, INVALID_INPUT, 1);
        fail(breaker, TIMEOUT, 1);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void closed_nonRetryableFailuresByDefault_recordedAsSuccesses() {
        CircuitBreaker breaker = breaker(tenCalls());
        fail(breaker, INVALID_INPUT, 10);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.bufferedCalls()).isEqualTo(10);
        assertThat(breaker.failedCalls()).isZero();
        assertThat(breaker.failureRate()).isZero();
    }

    @Test
    void countFailuresWhen_customPredicate_countsOnlyMatchingFailures() {
        CircuitBreaker breaker = breaker(tenCalls()
                .countFailuresWhen(failure -> failure.kind() == FailureKind.INVALID_INPUT));
        fail(breaker, TIMEOUT, 10);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        fail(breaker, INVALID_INPUT, 5);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void countFailures_classificationWithoutTimeouts_recordsTimeoutsAsSuccesses() {
        Classification noTimeouts = Classification.builder().neverRetry(FailureKind.TIMEOUT).build();
        CircuitBreaker breaker = breaker(tenCalls().countFailures(noTimeouts));
        fail(breaker, TIMEOUT, 10);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        fail(breaker, Failure.of(FailureKind.UNAVAILABLE), 5);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void open_beforeOpenDurationElapsed_refusesAndCountsRefusals() {
        CircuitBreaker breaker = openBreaker();
        clock.advance(OPEN.minusNanos(1));

        assertThat(breaker.tryAcquirePermission()).isFalse();
        assertThat(breaker.tryAcquirePermission()).isFalse();

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.notPermittedCalls()).isEqualTo(2);
    }

    @Test
    void open_openDurationElapsed_stateReadsOpenUntilPermissionRequested() {
        CircuitBreaker breaker = openBreaker();
        clock.advance(OPEN);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void open_outcomesOfEarlierPermittedCalls_areIgnored() {
        CircuitBreaker breaker = openBreaker();
        breaker.onSuccess();
        breaker.onFailure(TIMEOUT);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.bufferedCalls()).isEqualTo(10);
        assertThat(breaker.failedCalls()).isEqualTo(10);
    }

    @Test
    void halfOpen_allTrialPermitsTaken_refusesFurtherCalls() {
        CircuitBreaker breaker = halfOpenBreaker();
        long refusedBefore = breaker.notPermittedCalls();

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();

        assertThat(breaker.notPermittedCalls()).isEqualTo(refusedBefore + 1);
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void halfOpen_allTrialCallsSucceed_closesWithEmptyWindow() {
        CircuitBreaker breaker = halfOpenBreaker();
        breaker.onSuccess();
        succeed(breaker, 1);
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);

        succeed(breaker, 1);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.bufferedCalls()).isZero();
        assertThat(breaker.failureRate()).isEqualTo(-1.0);
    }

    @Test
    void halfOpen_oneTrialFailsAfterSuccesses_reopensForAnotherOpenDuration() {
        CircuitBreaker breaker = halfOpenBreaker();
        breaker.onSuccess();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.tryAcquirePermission()).isTrue();

        breaker.onFailure(TIMEOUT);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        clock.advance(OPEN.minusNanos(1));
        assertThat(breaker.tryAcquirePermission()).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void halfOpen_reentered_grantsAFreshSetOfTrialPermits() {
        CircuitBreaker breaker = halfOpenBreaker();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        breaker.onFailure(TIMEOUT);
        clock.advance(OPEN);

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void halfOpen_notCountedFailure_countsAsTrialSuccess() {
        CircuitBreaker breaker = halfOpenBreaker();
        breaker.onFailure(INVALID_INPUT);
        fail(breaker, INVALID_INPUT, 2);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void releasePermission_halfOpen_returnsTheTrialPermit() {
        CircuitBreaker breaker = halfOpenBreaker();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();

        breaker.releasePermission();

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void releasePermission_moreThanTaken_neverExceedsTrialCount() {
        CircuitBreaker breaker = halfOpenBreaker();
        breaker.releasePermission();
        breaker.releasePermission();
        breaker.releasePermission();

        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    @Test
    void releasePermission_closed_recordsNoOutcome() {
        CircuitBreaker breaker = breaker(tenCalls());
        assertThat(breaker.tryAcquirePermission()).isTrue();

        breaker.releasePermission();

        assertThat(breaker.bufferedCalls()).isZero();
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void closedAgain_afterRecovery_needsAFullNewWindowToReopen() {
        CircuitBreaker breaker = halfOpenBreaker();
        breaker.onSuccess();
        succeed(breaker, 2);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        fail(breaker, TIMEOUT, 9);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        fail(breaker, TIMEOUT, 1);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void onFailure_nullFailure_throws() {
        CircuitBreaker breaker = breaker(tenCalls());

        assertThatThrownBy(() -> breaker.onFailure(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("failure");
    }

    @Test
    void constructor_nullClock_throws() {
        assertThatThrownBy(() -> new CircuitBreaker(CircuitBreakerConfig.defaults(), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
    }
}
