package dev.retrylab.strategy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatioRetryBudgetTest {

    private final ManualScheduler clock = new ManualScheduler();

    /** ttl 10 s in 10 one-second buckets, reserve 1/s * 10 s = 10 retries, 20% of requests. */
    private RatioRetryBudget tenSecondsOneReserveTwentyPercent() {
        return RatioRetryBudget.of(Duration.ofSeconds(10), 1, 0.2, clock);
    }

    @Test
    void ratioBudget_noTraffic_allowsOnlyTheReserve() {
        RatioRetryBudget budget = tenSecondsOneReserveTwentyPercent();

        assertThat(budget.availableRetries()).isEqualTo(10);
        assertThat(grantedInARow(budget, 100)).isEqualTo(10);
        assertThat(budget.retriesInWindow()).isEqualTo(10);
    }

    @Test
    void ratioBudget_hundredRequests_addTwentyRetriesToTheReserve() {
        RatioRetryBudget budget = tenSecondsOneReserveTwentyPercent();
        requests(budget, 100);

        assertThat(grantedInARow(budget, 100)).isEqualTo(30); // 10 + 0.2 * 100
    }

    @Test
    void ratioBudget_fractionOfARetry_isNotEnough() {
        RatioRetryBudget budget = tenSecondsOneReserveTwentyPercent();
        requests(budget, 7); // 10 + 1.4 = 11.4 retries

        assertThat(grantedInARow(budget, 100)).isEqualTo(11);
        requests(budget, 3); // 10 + 2.0 - 11 = 1.0 left
        assertThat(grantedInARow(budget, 100)).isEqualTo(1);
    }

    @Test
    void ratioBudget_spentRetries_comeBackWhenTheyLeaveTheWindow() {
        RatioRetryBudget budget = tenSecondsOneReserveTwentyPercent();
        grantedInARow(budget, 100);

        clock.advance(Duration.ofMillis(9_999)); // still bucket 9: the spent retries count
        assertThat(budget.availableRetries()).isZero();
        clock.advance(Duration.ofMillis(1)); // bucket 10: bucket 0 left the window
        assertThat(budget.availableRetries()).isEqualTo(10);
    }

    @Test
    void ratioBudget_oldRequests_stopFundingRetries() {
        RatioRetryBudget budget = tenSecondsOneReserveTwentyPercent();
        requests(budget, 50); // t = 0: +10 retries
        clock.advance(Duration.ofSeconds(5));
        requests(budget, 50); // t = 5 s: +10 retries
        assertThat(budget.availableRetries()).isEqualTo(30);

        clock.advance(Duration.ofSeconds(5)); // t = 10 s: the first 50 expired
        assertThat(budget.requestsInWindow()).isEqualTo(50);
        assertThat(budget.availableRetries()).isEqualTo(20);
        clock.advance(Duration.ofSeconds(5)); // t = 15 s: all expired
        assertThat(budget.availableRetries()).isEqualTo(10);
    }

    @Test
    void ratioBudget_steadyTraffic_holdsRetriesToTheRatioPlusReserve() {
        RatioRetryBudget budget = RatioRetryBudget.of(Duration.ofSeconds(10), 0, 0.1, clock);
        long granted = 0;
        for (int second = 0; second < 60; second++) { // 100 requests and 100 retry asks per second
            requests(budget, 100);
            granted += grantedInARow(budget, 100);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(granted).isEqualTo(600); // 10% of 6000 requests, no reserve
    }

    @Test
    void ratioBudget_zeroRatioAndZeroReserve_neverRetries() {
        RatioRetryBudget budget = RatioRetryBudget.of(Duration.ofSeconds(1), 0, 0.0, clock);
        requests(budget, 1_000);
        assertThat(budget.tryAcquireRetry(FailureKind.TIMEOUT, 0)).isFalse();
    }

    @Test
    void finagleDefaults_noTraffic_allowAHundredRetries() {
        RatioRetryBudget budget = RatioRetryBudget.finagleDefaults(clock); // 10 s * 10/s
        assertThat(budget.availableRetries()).isEqualTo(100);
        assertThat(budget).hasToString("RatioRetryBudget[ttl=PT10S, minRetriesPerSecond=10, percentCanRetry=0.2]");
    }

    @Test
    void successesAndFailures_doNotChangeTheBudget() {
        RatioRetryBudget budget = tenSecondsOneReserveTwentyPercent();
        budget.onSuccess(true);
        budget.onFailure(FailureKind.SERVER_ERROR);
        assertThat(budget.availableRetries()).isEqualTo(10);
    }

    @Test
    void builder_outOfRangeSettings_areRejectedWithTheAllowedRange() {
        assertThatThrownBy(() -> RatioRetryBudget.builder(clock).ttl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ttl must be 1ms..1h, was PT0S");
        assertThatThrownBy(() -> RatioRetryBudget.builder(clock).ttl(Duration.ofHours(2)))
                .hasMessage("ttl must be 1ms..1h, was PT2H");
        assertThatThrownBy(() -> RatioRetryBudget.builder(clock).minRetriesPerSecond(-1))
                .hasMessage("minRetriesPerSecond must be 0..1000000, was -1");
        assertThatThrownBy(() -> RatioRetryBudget.builder(clock).percentCanRetry(1000.5))
                .hasMessage("percentCanRetry must be 0..1000, was 1000.5");
        assertThatThrownBy(() -> RatioRetryBudget.builder(clock).buckets(0))
                .hasMessage("buckets must be 1..1000, was 0");
        assertThatThrownBy(() -> RatioRetryBudget.builder(null)).isInstanceOf(NullPointerException.class);
    }

    private static void requests(RatioRetryBudget budget, int count) {
        for (int i = 0; i < count; i++) {
            budget.onRequest();
        }
    }

    private static int grantedInARow(RatioRetryBudget budget, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (budget.tryAcquireRetry(FailureKind.SERVER_ERROR, 0)) {
                granted++;
            }
        }
        return granted;
    }
}
