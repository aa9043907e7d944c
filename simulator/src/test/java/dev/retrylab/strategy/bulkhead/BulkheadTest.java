package dev.retrylab.strategy.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    private static Bulkhead bulkhead(int calls, int queued) {
        return Bulkhead.builder().maxConcurrentCalls(calls).maxQueuedCalls(queued).build();
    }

    @Test
    void tryEnter_freeSlots_takesThemUntilFull() {
        Bulkhead bulkhead = bulkhead(2, 5);
        assertThat(bulkhead.tryEnter()).isTrue();
        assertThat(bulkhead.tryEnter()).isTrue();
        assertThat(bulkhead.tryEnter()).isFalse();
        assertThat(bulkhead.queuedCalls()).isZero(); // tryEnter never queues

        bulkhead.exit();
        assertThat(bulkhead.runningCalls()).isEqualTo(1);
        assertThat(bulkhead.tryEnter()).isTrue();
    }

    @Test
    void enter_freeSlot_runsTheCallbackAtOnceOnTheCallingThread() {
        Bulkhead bulkhead = bulkhead(1, 0);
        List<Thread> ranOn = new ArrayList<>();

        Admission admission = bulkhead.enter(() -> ranOn.add(Thread.currentThread()));

        assertThat(admission).isSameAs(Admission.ADMITTED);
        assertThat(admission.isAdmitted()).isTrue();
        assertThat(ranOn).containsExactly(Thread.currentThread());
        assertThat(bulkhead.runningCalls()).isEqualTo(1);
    }

    @Test
    void enter_slotsTaken_queuesAndExitAdmitsInFifoOrder() {
        Bulkhead bulkhead = bulkhead(1, 3);
        List<String> admitted = new ArrayList<>();
        bulkhead.enter(() -> admitted.add("a"));

        assertThat(bulkhead.enter(() -> admitted.add("b"))).isSameAs(Admission.QUEUED);
        assertThat(bulkhead.enter(() -> admitted.add("c")).isQueued()).isTrue();
        assertThat(bulkhead.enter(() -> admitted.add("d")).isQueued()).isTrue();
        assertThat(admitted).containsExactly("a");
        assertThat(bulkhead.queuedCalls()).isEqualTo(3);

        bulkhead.exit(); // a ends: b gets its slot
        assertThat(admitted).containsExactly("a", "b");
        assertThat(bulkhead.runningCalls()).isEqualTo(1);
        bulkhead.exit();
        bulkhead.exit();
        assertThat(admitted).containsExactly("a", "b", "c", "d");
        bulkhead.exit();
        assertThat(bulkhead.runningCalls()).isZero();
        assertThat(bulkhead.queuedCalls()).isZero();
    }

    @Test
    void enter_slotsAndQueueFull_rejectsWithAMessageGivingTheLimits() {
        Bulkhead bulkhead = bulkhead(2, 3);
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bulkhead.enter(() -> ran.add("admitted"));
        }

        Admission admission = bulkhead.enter(() -> ran.add("rejected"));

        assertThat(admission.isRejected()).isTrue();
        assertThat(admission.reason()).isEqualTo(BulkheadRejection.CALLS_FULL);
        assertThat(admission.message()).isEqualTo("bulkhead full: 2 calls running and 3 queued");
        assertThat(bulkhead.rejectionMessage(BulkheadRejection.CALLS_FULL)).isEqualTo(admission.message());
        assertThat(ran).hasSize(2).doesNotContain("rejected");
    }

    @Test
    void enter_noQueue_rejectsAsSoonAsSlotsAreTaken() {
        Bulkhead bulkhead = bulkhead(1, 0);
        bulkhead.enter(() -> { });
        assertThat(bulkhead.enter(() -> { }).message()).isEqualTo("bulkhead full: 1 call running and no queue");
    }

    @Test
    void tryEnter_whileCallsAreQueued_doesNotJumpTheQueue() {
        Bulkhead bulkhead = bulkhead(1, 2);
        List<String> admitted = new ArrayList<>();
        bulkhead.enter(() -> admitted.add("a"));
        bulkhead.enter(() -> admitted.add("b"));

        bulkhead.exit(); // the slot goes to b, not to a later tryEnter
        assertThat(bulkhead.tryEnter()).isFalse();
        assertThat(admitted).containsExactly("a", "b");
    }

    @Test
    void exit_withoutARunningCall_isAnError() {
        Bulkhead bulkhead = bulkhead(1, 0);
        assertThatThrownBy(bulkhead::exit)
                .isInstanceOf(IllegalStateException.class).hasMessage("exit() without a running call");
    }

    @Test
    void exit_callbacksThatExitInline_runOneAfterAnotherWithoutDeepeningTheStack() {
        Bulkhead bulkhead = bulkhead(1, 200_000);
        int[] ran = new int[1];
        Runnable finishAtOnce = () -> {
            ran[0]++;
            bulkhead.exit();
        };
        assertThat(bulkhead.tryEnter()).isTrue();
        for (int i = 0; i < 200_000; i++) {
            bulkhead.enter(finishAtOnce);
        }

        bulkhead.exit(); // would overflow the stack if each exit ran the next callback inside it

        assertThat(ran[0]).isEqualTo(200_000);
        assertThat(bulkhead.runningCalls()).isZero();
        assertThat(bulkhead.queuedCalls()).isZero();
    }

    @Test
    void exit_callbackThrows_exceptionReachesTheExitingThreadAndLaterCallbacksStillRun() {
        Bulkhead bulkhead = bulkhead(1, 2);
        List<String> admitted = new ArrayList<>();
        bulkhead.tryEnter();
        bulkhead.enter(() -> {
            bulkhead.exit(); // finishes, handing its slot on, then fails
            throw new IllegalStateException("boom");
        });
        bulkhead.enter(() -> admitted.add("c"));

        assertThatThrownBy(bulkhead::exit).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(admitted).containsExactly("c");
        assertThat(bulkhead.runningCalls()).isEqualTo(1); // c holds the slot
    }

    @Test
    void enter_nullCallback_isRejected() {
        assertThatThrownBy(() -> bulkhead(1, 0).enter(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tryAcquireRetry_upToTheLimit_thenRefusesUntilReleased() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(10).maxConcurrentRetries(2).build();
        assertThat(bulkhead.tryAcquireRetry()).isTrue();
        assertThat(bulkhead.tryAcquireRetry()).isTrue();
        assertThat(bulkhead.tryAcquireRetry()).isFalse();
        assertThat(bulkhead.rejectionMessage(BulkheadRejection.RETRIES_FULL))
                .isEqualTo("bulkhead retry limit reached: 2 retries running");

        bulkhead.releaseRetry();
        assertThat(bulkhead.runningRetries()).isEqualTo(1);
        assertThat(bulkhead.tryAcquireRetry()).isTrue();
    }

    @Test
    void releaseRetry_withoutARunningRetry_isAnError() {
        Bulkhead bulkhead = bulkhead(1, 0);
        assertThatThrownBy(bulkhead::releaseRetry)
                .isInstanceOf(IllegalStateException.class).hasMessage("releaseRetry() without a running retry");
    }

    @Test
    void builder_retryLimitDefault_isTheCallLimit() {
        Bulkhead bulkhead = bulkhead(3, 0);
        assertThat(bulkhead.maxConcurrentRetries()).isEqualTo(3);
        assertThat(bulkhead).hasToString("Bulkhead[maxConcurrentCalls=3, maxQueuedCalls=0, maxConcurrentRetries=3]");
    }

    @Test
    void builder_invalidSettings_areRejectedWithTheAllowedRange() {
        assertThatThrownBy(() -> Bulkhead.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConcurrentCalls is required: set it to 1..1000000");
        assertThatThrownBy(() -> Bulkhead.builder().maxConcurrentCalls(0))
                .hasMessage("maxConcurrentCalls must be 1..1000000, was 0");
        assertThatThrownBy(() -> Bulkhead.builder().maxQueuedCalls(-1))
                .hasMessage("maxQueuedCalls must be 0..1000000, was -1");
        assertThatThrownBy(() -> Bulkhead.builder().maxConcurrentCalls(2).maxConcurrentRetries(3).build())
                .hasMessage("maxConcurrentRetries must be 0..maxConcurrentCalls (2), was 3: a retry runs inside its call's slot");
    }

    @Test
    void admission_rejectionWithoutReason_isInvalid() {
        assertThatThrownBy(() -> new Admission(Admission.Outcome.REJECTED, null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Admission(Admission.Outcome.ADMITTED, BulkheadRejection.CALLS_FULL, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
