package dev.retrylab.strategy.breaker;

import static dev.retrylab.testing.AllocationMeter.bytesAllocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The closed path allocates nothing. A run makes 100,000 calls, so even one boxed number or
 * iterator per call (16 bytes or more) would show as well over the 1 byte per call allowed here.
 */
class CircuitBreakerAllocationTest {

    private static final int CALLS = 100_000;

    @Test
    void closedPath_countWindowSuccesses_allocatesNothing() {
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.defaults(), new ManualScheduler());

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                if (breaker.tryAcquirePermission()) {
                    breaker.onSuccess();
                }
            }
        });

        assertThat(bytes).isLessThan(CALLS);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void closedPath_timeWindowWithMovingClockAndSomeFailures_allocatesNothing() {
        ManualScheduler clock = new ManualScheduler();
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().timeWindow(Duration.ofSeconds(5))
                .failureRateThreshold(100).consecutiveFailureThreshold(1_000).build(), clock);
        Failure counted = Failure.of(FailureKind.UNAVAILABLE);
        Failure notCounted = Failure.of(FailureKind.INVALID_INPUT);
        Duration tick = Duration.ofMillis(7);

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                clock.advance(tick);
                if (breaker.tryAcquirePermission()) {
                    switch (i % 4) {
                        case 0 -> breaker.onFailure(counted);
                        case 1 -> breaker.onFailure(notCounted);
                        default -> breaker.onSuccess();
                    }
                }
            }
        });

        assertThat(bytes).isLessThan(CALLS);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }
}
