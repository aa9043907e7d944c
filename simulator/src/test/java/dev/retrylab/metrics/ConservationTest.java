package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConservationTest {

    @Test
    void check_balancedNumbers_passes() {
        assertThatCode(() -> Conservation.check(10, 6, 3, 1)).doesNotThrowAnyException();
        assertThatCode(() -> Conservation.check(0, 0, 0, 0)).doesNotThrowAnyException();
    }

    @Test
    void check_lostRequest_throwsNamingEveryNumber() {
        assertThatThrownBy(() -> Conservation.check(10, 6, 2, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("request conservation violated: requests 10 != successes 6 + failures 2 + in flight 1"
                        + " (= 9, difference 1)");
    }

    @Test
    void check_doubleCountedOutcome_throwsWithNegativeDifference() {
        assertThatThrownBy(() -> Conservation.check(3, 3, 1, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("difference -1");
    }

    @Test
    void check_negativeInFlightThatBalances_throws() {
        assertThatThrownBy(() -> Conservation.check(3, 3, 1, -1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in flight -1");
    }
}
