package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.strategy.breaker.CircuitState;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The two compositions of breaker and retry, and the validation of the order. */
class PipelineOrderTest {

    private final ManualScheduler time = new ManualScheduler();
    private final AtomicInteger attempts = new AtomicInteger();

    private CircuitBreaker breaker(int consecutiveFailures) {
        return new CircuitBreaker(CircuitBreakerConfig.builder().countWindow(10).minimumCalls(10)
                .consecutiveFailureThreshold(consecutiveFailures).openDuration(Duration.ofSeconds(30)).build(), time);
    }

    private static RetryPolicy threeAttempts() {
        return RetryPolicy.builder().maxAttempts(3).backoff(Backoff.constant(Duration.ofMillis(10))).build();
    }

    private Object alwaysRefused() throws ConnectException {
        attempts.incrementAndGet();
        throw new ConnectException("refused");
    }

    @Test
    void breakerOutsideRetry_countsOneOutcomePerCall() {
        CircuitBreaker breaker = breaker(3);
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(threeAttempts())
                .circuitBreaker(breaker).build(), time, 1L);
        assertThatThrownBy(() -> executor.get(this::alwaysRefused)).isInstanceOf(CallFailedException.class);
        assertThat(attempts).hasValue(3);
        assertThat(breaker.bufferedCalls()).isEqualTo(1);
        assertThat(breaker.consecutiveFailures()).isEqualTo(1);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void breakerInsideRetry_checksEveryAttemptAndStopsTheRetriesWhenItOpens() {
        CircuitBreaker breaker = breaker(2);
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(threeAttempts())
                .circuitBreaker(breaker)
                .order(Stage.RETRY, Stage.CIRCUIT_BREAKER, Stage.BULKHEAD, Stage.HEDGE).build(), time, 1L);
        CallFailedException failed = catchThrowableOfType(CallFailedException.class,
                () -> executor.get(this::alwaysRefused));
        // attempts 1 and 2 fail and open the breaker; attempt 3 is refused without a call
        assertThat(attempts).hasValue(2);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.reason()).isEqualTo(GiveUpReason.CIRCUIT_OPEN);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void openBreakerOutsideRetry_refusesTheCallWithoutAnAttempt() {
        CircuitBreaker breaker = breaker(1);
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(threeAttempts())
                .circuitBreaker(breaker).build(), time, 1L);
        assertThatThrownBy(() -> executor.get(this::alwaysRefused)).isInstanceOf(CallFailedException.class);
        attempts.set(0);
        CallFailedException refused = catchThrowableOfType(CallFailedException.class,
                () -> executor.get(this::alwaysRefused));
        assertThat(attempts).hasValue(0);
        assertThat(refused.attempts()).isZero();
        assertThat(refused.reason()).isEqualTo(GiveUpReason.CIRCUIT_OPEN);
        time.advance(Duration.ofSeconds(30));
        assertThat(executor.get(() -> "recovered")).isEqualTo("recovered");
        assertThat(breaker.state()).isIn(CircuitState.HALF_OPEN, CircuitState.CLOSED);
    }

    @Test
    void asyncBreakerInsideRetry_recordsEachAttemptBeforeTheNextStarts() {
        CircuitBreaker breaker = breaker(2);
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().retry(threeAttempts())
                .circuitBreaker(breaker)
                .order(Stage.RETRY, Stage.CIRCUIT_BREAKER, Stage.BULKHEAD, Stage.HEDGE).build(), time, 1L);
        var call = executor.getAsync(() -> {
            attempts.incrementAndGet();
            return java.util.concurrent.CompletableFuture.failedFuture(new ConnectException());
        });
        time.runUntilIdle();
        assertThat(attempts).hasValue(2);
        assertThat(call).failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(CallFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(GiveUpReason.CIRCUIT_OPEN));
    }

    @Test
    void order_mustListEveryStageOnce() {
        assertThatThrownBy(() -> Pipeline.builder().order(Stage.RETRY, Stage.RETRY))
                .hasMessageContaining("RETRY twice");
        assertThatThrownBy(() -> Pipeline.builder().order(Stage.RETRY))
                .hasMessageContaining("exactly once");
        assertThat(Pipeline.builder().build().order()).isEqualTo(Pipeline.DEFAULT_ORDER);
        assertThatThrownBy(() -> Pipeline.builder().order(Stage.HEDGE, Stage.RETRY, Stage.BULKHEAD,
                Stage.CIRCUIT_BREAKER)).hasMessageContaining("HEDGE must come after RETRY");
    }
}
