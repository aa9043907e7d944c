package dev.retrylab.strategy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTimeBudgetTest {

    private static final FailureKind KIND = FailureKind.UNAVAILABLE;

    private final ManualScheduler clock = new ManualScheduler();

    @Test
    void timeBudget_delaysUpToTheMaximum_areAllowedAndTheRestRefused() {
        RetryTimeBudget budget = RetryTimeBudget.of(Duration.ofSeconds(1), Duration.ofSeconds(10), clock);

        assertThat(budget.tryAcquireRetry(KIND, ms(400))).isTrue();
        assertThat(budget.tryAcquireRetry(KIND, ms(400))).isTrue();
        assertThat(budget.tryAcquireRetry(KIND, ms(300))).isFalse(); // 1100 ms > 1 s
        assertThat(budget.tryAcquireRetry(KIND, ms(200))).isTrue(); // exactly 1 s
        assertThat(budget.tryAcquireRetry(KIND, 1L)).isFalse();
        assertThat(budget.usedNanos()).isEqualTo(ms(1_000));
        assertThat(budget.remaining()).isEqualTo(Duration.ZERO);
    }

    @Test
    void timeBudget_zeroDelay_isAlwaysAllowed() {
        RetryTimeBudget budget = RetryTimeBudget.of(Duration.ofMillis(1), Duration.ofSeconds(1), clock);
        budget.tryAcquireRetry(KIND, ms(1));
        assertThat(budget.tryAcquireRetry(KIND, 0L)).isTrue();
    }

    @Test
    void timeBudget_delayLongerThanTheMaximum_isRefusedEvenWhenUnused() {
        RetryTimeBudget budget = RetryTimeBudget.of(Duration.ofSeconds(1), Duration.ofSeconds(10), clock);
        assertThat(budget.tryAcquireRetry(KIND, ms(1_001))).isFalse();
        assertThat(budget.usedNanos()).isZero();
    }

    @Test
    void timeBudget_spentDelays_comeBackWhenTheyLeaveTheWindow() {
        RetryTimeBudget budget = RetryTimeBudget.of(Duration.ofSeconds(1), Duration.ofSeconds(10), clock);
        budget.tryAcquireRetry(KIND, ms(600)); // t = 0, bucket 0
        clock.advance(Duration.ofSeconds(3));
        budget.tryAcquireRetry(KIND, ms(400)); // t = 3 s, bucket 3
        assertThat(budget.tryAcquireRetry(KIND, ms(100))).isFalse();

        clock.advance(Duration.ofSeconds(7)); // t = 10 s: bucket 0 gone
        assertThat(budget.remaining()).isEqualTo(Duration.ofMillis(600));
        clock.advance(Duration.ofSeconds(3)); // t = 13 s: bucket 3 gone
        assertThat(budget.remaining()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void timeBudget_negativeDelay_isRejected() {
        RetryTimeBudget budget = RetryTimeBudget.of(Duration.ofSeconds(1), Duration.ofSeconds(10), clock);
        assertThatThrownBy(() -> budget.tryAcquireRetry(KIND, -1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delayNanos must be zero or positive, was -1");
    }

    @Test
    void of_outOfRangeSettings_areRejectedWithTheAllowedRange() {
        assertThatThrownBy(() -> RetryTimeBudget.of(Duration.ZERO, Duration.ofSeconds(1), clock))
                .hasMessage("maxRetryDelay must be positive, was PT0S");
        assertThatThrownBy(() -> RetryTimeBudget.of(Duration.ofSeconds(1), Duration.ofNanos(10), clock))
                .hasMessage("window must be 1ms..1h, was PT0.00000001S");
        assertThatThrownBy(() -> RetryTimeBudget.of(Duration.ofSeconds(1), Duration.ofSeconds(1), 1_001, clock))
                .hasMessage("buckets must be 1..1000, was 1001");
    }

    @Test
    void toString_showsTheSettings() {
        assertThat(RetryTimeBudget.of(Duration.ofSeconds(30), Duration.ofMinutes(1), clock))
                .hasToString("RetryTimeBudget[maxRetryDelay=PT30S, window=PT1M]");
    }

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
