package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.retry.RetryState;
import org.junit.jupiter.api.Test;

class LogicalRequestsTest {

    private final LogicalRequests requests = new LogicalRequests();

    @Test
    void open_newRequest_hasItsClientStartAndNoUpstreamOrAttempts() {
        int id = requests.open(123_456, 77L);

        assertThat(requests.client(id)).isEqualTo(123_456);
        assertThat(requests.startNanos(id)).isEqualTo(77L);
        assertThat(requests.upstream(id)).isEqualTo(-1);
        assertThat(requests.attempts(id)).isZero();
        assertThat(requests.inFlight()).isEqualTo(1);
    }

    @Test
    void fields_setOneAfterAnother_doNotDisturbEachOther() {
        int id = requests.open(Integer.MAX_VALUE, 5L);

        requests.upstream(id, 42);
        requests.attemptStarted(id);
        requests.lastFailure(id, FailureKind.RATE_LIMITED);
        requests.attemptStarted(id);
        requests.upstream(id, 7);

        assertThat(requests.client(id)).isEqualTo(Integer.MAX_VALUE);
        assertThat(requests.attempts(id)).isEqualTo(2);
        assertThat(requests.upstream(id)).isEqualTo(7);
        assertThat(requests.lastFailure(id)).isEqualTo(FailureKind.RATE_LIMITED);
        requests.lastFailure(id, FailureKind.TIMEOUT);
        assertThat(requests.lastFailure(id)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(requests.upstream(id)).isEqualTo(7);
    }

    @Test
    void stateAfterFailure_twoRequestsInTurn_eachResumesItsOwnState() {
        int first = requests.open(1, 100L);
        int second = requests.open(2, 200L);

        RetryState state = requests.stateAfterFailure(first, 5_000L);
        state.retryScheduled(300L, 40L, 35L);
        state.attemptStarted();
        requests.saveState(first, state);
        RetryState other = requests.stateAfterFailure(second, RetryState.NO_DEADLINE);
        assertThat(other.attempts()).as("a fresh state for the second request").isEqualTo(1);
        assertThat(other.firstAttemptNanos()).isEqualTo(200L);
        other.retryScheduled(210L, 9L, 9L);
        other.attemptStarted();
        requests.saveState(second, other);
        RetryState resumed = requests.stateAfterFailure(first, 999L);

        assertThat(resumed.attempts()).isEqualTo(2);
        assertThat(resumed.firstAttemptNanos()).isEqualTo(100L);
        assertThat(resumed.previousDelayNanos()).isEqualTo(40L);
        assertThat(resumed.previousBackoffNanos()).isEqualTo(35L);
        assertThat(resumed.notBeforeNanos()).isEqualTo(340L);
        assertThat(resumed.deadlineNanos()).as("the deadline of the first failure").isEqualTo(5_000L);
    }

    @Test
    void open_reusedId_startsWithoutTheClosedRequestsState() {
        int id = requests.open(1, 0L);
        RetryState state = requests.stateAfterFailure(id, 50L);
        state.attemptStarted();
        requests.saveState(id, state);
        requests.close(id);

        int reused = requests.open(9, 1_000L);
        RetryState fresh = requests.stateAfterFailure(reused, 2_000L);

        assertThat(reused).isEqualTo(id);
        assertThat(fresh.attempts()).isEqualTo(1);
        assertThat(fresh.firstAttemptNanos()).isEqualTo(1_000L);
        assertThat(fresh.deadlineNanos()).isEqualTo(2_000L);
        assertThat(requests.inFlight()).isEqualTo(1);
    }

    @Test
    void open_manyRequests_growsAndKeepsEachRecord() {
        int count = 5_000;
        for (int i = 0; i < count; i++) {
            assertThat(requests.open(i, 10L * i)).isEqualTo(i);
        }

        for (int i = 0; i < count; i++) {
            assertThat(requests.client(i)).isEqualTo(i);
            assertThat(requests.startNanos(i)).isEqualTo(10L * i);
        }
    }

    @Test
    void restore_lessThanOneAttempt_isRejected() {
        assertThatThrownBy(() -> new RetryState(0L).restore(0, 0L, 0L, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
