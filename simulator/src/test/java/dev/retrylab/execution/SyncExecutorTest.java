package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.event.RetryEvent;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncExecutorTest {

    private static final long MS = 1_000_000L;

    private final ManualScheduler time = new ManualScheduler();

    private static RetryPolicy exponential(int maxAttempts) {
        return RetryPolicy.builder().maxAttempts(maxAttempts)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0)).build();
    }

    private SyncExecutor executor(Pipeline pipeline) {
        return SyncExecutor.onVirtualTime(pipeline, time, 1L);
    }

    @Test
    void success_onFirstAttempt_returnsTheResultWithoutWaiting() {
        RetryMetrics metrics = new RetryMetrics();
        SyncExecutor executor = executor(Pipeline.builder().retry(exponential(3)).metrics(metrics).build());
        assertThat(executor.get(() -> "ok")).isEqualTo("ok");
        assertThat(time.nanoTime()).isZero();
        assertThat(metrics.snapshot().succeededWithoutRetry()).isEqualTo(1);
        assertThat(metrics.snapshot().attempts()).isEqualTo(1);
    }

    @Test
    void failuresThenSuccess_waitsExactlyTheBackoffOnTheClock() {
        List<Long> attemptTimes = new ArrayList<>();
        SyncExecutor executor = executor(Pipeline.builder().retry(exponential(5)).build());
        String result = executor.get(() -> {
            attemptTimes.add(time.nanoTime() / MS);
            if (attemptTimes.size() < 3) {
                throw new ConnectException("refused");
            }
            return "third time lucky";
        });
        assertThat(result).isEqualTo("third time lucky");
        assertThat(attemptTimes).containsExactly(0L, 100L, 300L);
    }

    @Test
    void exhaustedAttempts_throwWithReasonAttemptsAndCause() {
        RetryMetrics metrics = new RetryMetrics();
        SyncExecutor executor = executor(Pipeline.builder().retry(exponential(3)).metrics(metrics).build());
        SocketException boom = new SocketException("connection reset");
        CallFailedException failed = catchThrowableOfType(CallFailedException.class,
                () -> executor.get(() -> {
                    throw boom;
                }));
        assertThat(failed.reason()).isEqualTo(GiveUpReason.MAX_ATTEMPTS);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastFailure().kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(failed.getCause()).isSameAs(boom);
        assertThat(failed.getMessage()).contains("3 attempts", "max_attempts", "CONNECTION");
        RetryMetrics.Snapshot snapshot = metrics.snapshot();
        assertThat(snapshot.failedWithRetry()).isEqualTo(1);
        assertThat(snapshot.attemptsPerCall()[3]).isEqualTo(1);
        assertThat(snapshot.failuresByKind()).containsEntry(FailureKind.CONNECTION, 3L);
        assertThat(snapshot.waitingNanos()).isEqualTo(300 * MS);
    }

    @Test
    void nonRetryableFailure_isNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        SyncExecutor executor = executor(Pipeline.builder().retry(exponential(5)).build());
        assertThatThrownBy(() -> executor.get(() -> {
            calls.incrementAndGet();
            throw new FailureException(Failure.of(FailureKind.AUTHORIZATION));
        })).isInstanceOfSatisfying(CallFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(GiveUpReason.NOT_RETRYABLE));
        assertThat(calls).hasValue(1);
    }

    @Test
    void retryAfter_noAttemptStartsBeforeTheHintedTime() {
        List<Long> attemptTimes = new ArrayList<>();
        SyncExecutor executor = executor(Pipeline.builder().retry(exponential(3)).build());
        executor.get(() -> {
            attemptTimes.add(time.nanoTime() / MS);
            if (attemptTimes.size() == 1) {
                throw new FailureException(Failure.rateLimited(Duration.ofMillis(1500)));
            }
            return "served";
        });
        assertThat(attemptTimes).containsExactly(0L, 1500L);
    }

    @Test
    void attemptTimeout_turnsASlowAttemptIntoATimeoutAndRetriesIt() {
        List<Boolean> interrupted = new ArrayList<>();
        SyncExecutor executor = executor(Pipeline.builder().retry(exponential(3))
                .attemptTimeout(Duration.ofMillis(50)).build());
        String result = executor.get(() -> {
            if (interrupted.isEmpty()) {
                time.advance(Duration.ofMillis(80)); // the attempt takes 80ms of virtual time
                interrupted.add(Thread.currentThread().isInterrupted());
                return "too late";
            }
            return "in time";
        });
        assertThat(result).isEqualTo("in time");
        assertThat(interrupted).containsExactly(true);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt cleared").isFalse();
        assertThat(time.pendingTasks()).as("timers cancelled").isZero();
    }

    @Test
    void listener_seesEveryEventInOrderStampedFromTheClock() {
        List<RetryEvent> events = new ArrayList<>();
        SyncExecutor executor = executor(Pipeline.builder().retry(exponential(3)).listener(events::add).build());
        AtomicInteger calls = new AtomicInteger();
        executor.get(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new ConnectException();
            }
            return 1;
        });
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isEqualTo(new RetryEvent.AttemptStarted(1, 0));
        assertThat(events.get(1)).isInstanceOfSatisfying(RetryEvent.AttemptFailed.class,
                e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.CONNECTION));
        assertThat(events.get(2)).isEqualTo(new RetryEvent.RetryScheduled(2, 100 * MS, 0));
        assertThat(events.get(3)).isEqualTo(new RetryEvent.AttemptStarted(2, 100 * MS));
        assertThat(events.get(4)).isEqualTo(new RetryEvent.CallSucceeded(2, 100 * MS, 100 * MS));
    }

    @Test
    void sameSeed_givesTheSameJitteredDelaysCallAfterCall() {
        RetryPolicy jittered = RetryPolicy.builder().maxAttempts(6)
                .backoff(Backoff.exponential(Duration.ofMillis(10), 2.0).withJitter(Jitter.FULL)).build();
        assertThat(delaysOfFailingCalls(jittered, 7L)).isEqualTo(delaysOfFailingCalls(jittered, 7L))
                .isNotEqualTo(delaysOfFailingCalls(jittered, 8L));
    }

    private static List<Long> delaysOfFailingCalls(RetryPolicy policy, long seed) {
        List<Long> delays = new ArrayList<>();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(policy)
                .listener(event -> {
                    if (event instanceof RetryEvent.RetryScheduled scheduled) {
                        delays.add(scheduled.delayNanos());
                    }
                }).build(), new ManualScheduler(), seed);
        for (int call = 0; call < 3; call++) {
            assertThatThrownBy(() -> executor.get(() -> {
                throw new ConnectException();
            })).isInstanceOf(CallFailedException.class);
        }
        return delays;
    }
}
