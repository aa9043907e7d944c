package dev.retrylab.strategy.breaker;

import static dev.retrylab.strategy.breaker.CircuitState.CLOSED;
import static dev.retrylab.strategy.breaker.CircuitState.HALF_OPEN;
import static dev.retrylab.strategy.breaker.CircuitState.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CircuitBreakerListenerTest {

    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);
    private static final long SECOND = 1_000_000_000L;

    private final ManualScheduler clock = new ManualScheduler();
    private final CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().countWindow(2)
            .minimumCalls(2).failureRateThreshold(100).openDuration(Duration.ofSeconds(5)).halfOpenTrialCalls(1)
            .build(), clock);

    private void failTwice() {
        for (int i = 0; i < 2; i++) {
            breaker.tryAcquirePermission();
            breaker.onFailure(TIMEOUT);
        }
    }

    @Test
    void listener_fullCycle_receivesEveryChangeInOrderWithItsTime() {
        List<CircuitStateChanged> events = new ArrayList<>();
        breaker.addListener(events::add);

        failTwice();
        clock.advance(Duration.ofSeconds(5));
        breaker.tryAcquirePermission();
        breaker.onFailure(TIMEOUT);
        clock.advance(Duration.ofSeconds(7));
        breaker.tryAcquirePermission();
        clock.advance(Duration.ofSeconds(1));
        breaker.onSuccess();

        assertThat(events).containsExactly(
                new CircuitStateChanged(CLOSED, OPEN, 0L),
                new CircuitStateChanged(OPEN, HALF_OPEN, 5 * SECOND),
                new CircuitStateChanged(HALF_OPEN, OPEN, 5 * SECOND),
                new CircuitStateChanged(OPEN, HALF_OPEN, 12 * SECOND),
                new CircuitStateChanged(HALF_OPEN, CLOSED, 13 * SECOND));
    }

    @Test
    void listener_refusedCallsAndOutcomesWithoutChange_receivesNothing() {
        List<CircuitStateChanged> events = new ArrayList<>();
        breaker.addListener(events::add);
        breaker.tryAcquirePermission();
        breaker.onSuccess();
        failTwice();
        events.clear();

        breaker.tryAcquirePermission();
        breaker.onSuccess();
        breaker.onFailure(TIMEOUT);

        assertThat(events).isEmpty();
    }

    @Test
    void listeners_several_calledInRegistrationOrder() {
        List<String> calls = new ArrayList<>();
        breaker.addListener(event -> calls.add("first " + event.to()));
        breaker.addListener(event -> calls.add("second " + event.to()));

        failTwice();

        assertThat(calls).containsExactly("first OPEN", "second OPEN");
    }

    @Test
    void listener_duringChange_seesTheNewState() {
        List<CircuitState> seen = new ArrayList<>();
        breaker.addListener(event -> seen.add(breaker.state()));

        failTwice();

        assertThat(seen).containsExactly(OPEN);
    }

    @Test
    void removeListener_registered_stopsDelivery() {
        List<CircuitStateChanged> events = new ArrayList<>();
        Consumer<CircuitStateChanged> listener = events::add;
        breaker.addListener(listener);

        assertThat(breaker.removeListener(listener)).isTrue();
        failTwice();

        assertThat(events).isEmpty();
        assertThat(breaker.removeListener(listener)).isFalse();
    }

    @Test
    void stateChanged_sameStateTwice_isRejected() {
        assertThatThrownBy(() -> new CircuitStateChanged(OPEN, OPEN, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPEN twice");
    }
}
