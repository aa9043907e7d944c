package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class AsyncExecutorTest {

    private static final long MS = 1_000_000L;

    private final ManualScheduler time = new ManualScheduler();

    private AsyncExecutor executor(Pipeline.Builder pipeline) {
        return new AsyncExecutor(pipeline.build(), time, 1L);
    }

    private static RetryPolicy exponential(int maxAttempts) {
        return RetryPolicy.builder().maxAttempts(maxAttempts)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0)).build();
    }

    /** An attempt that completes after {@code latency} of virtual time, failing while {@code failures} last. */
    private AsyncAttempt<String> attempt(List<Long> starts, int failures, Duration latency) {
        return () -> {
            starts.add(time.nanoTime() / MS);
            CompletableFuture<String> future = new CompletableFuture<>();
            int number = starts.size();
            time.schedule(latency, () -> {
                if (number <= failures) {
                    future.completeExceptionally(new ConnectException("refused"));
                } else {
                    future.complete("answer " + number);
                }
            });
            return future;
        };
    }

    @Test
    void retries_areScheduledOnTheClockWithoutBlocking() throws Exception {
        List<Long> starts = new ArrayList<>();
        CompletableFuture<String> call = executor(Pipeline.builder().retry(exponential(5)))
                .getAsync(attempt(starts, 2, Duration.ofMillis(10)));
        assertThat(call).isNotDone();
        time.runUntilIdle();
        assertThat(call.get()).isEqualTo("answer 3");
        // attempt 1 at 0 fails at 10, retry after 100 -> 110, fails at 120, retry after 200 -> 320
        assertThat(starts).containsExactly(0L, 110L, 320L);
    }

    @Test
    void exhaustedAttempts_completeWithCallFailedException() {
        List<Long> starts = new ArrayList<>();
        RetryMetrics metrics = new RetryMetrics();
        CompletableFuture<String> call = executor(Pipeline.builder().retry(exponential(2)).metrics(metrics))
                .getAsync(attempt(starts, 99, Duration.ofMillis(10)));
        time.runUntilIdle();
        assertThat(call).isCompletedExceptionally();
        ExecutionException error = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                call::get);
        assertThat(error.getCause()).isInstanceOfSatisfying(CallFailedException.class, failed -> {
            assertThat(failed.reason()).isEqualTo(GiveUpReason.MAX_ATTEMPTS);
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.lastFailure().kind()).isEqualTo(FailureKind.CONNECTION);
        });
        assertThat(metrics.snapshot().attempts()).isEqualTo(2);
        assertThat(metrics.snapshot().failedWithRetry()).isEqualTo(1);
    }

    @Test
    void attemptTimeout_failsAHangingAttemptCancelsItAndRetries() throws Exception {
        List<CompletableFuture<String>> started = new ArrayList<>();
        AsyncAttempt<String> hangsOnce = () -> {
            CompletableFuture<String> future = new CompletableFuture<>();
            started.add(future);
            if (started.size() > 1) {
                future.complete("answered");
            }
            return future;
        };
        CompletableFuture<String> call = executor(Pipeline.builder().retry(exponential(3))
                .attemptTimeout(Duration.ofMillis(50))).getAsync(hangsOnce);
        time.runUntilIdle();
        assertThat(call.get()).isEqualTo("answered");
        assertThat(started.get(0)).isCancelled();
        assertThat(time.nanoTime()).isEqualTo(150 * MS); // 50ms timeout, then a 100ms backoff
    }

    @Test
    void cancellingTheCall_stopsFurtherAttempts() {
        List<Long> starts = new ArrayList<>();
        CompletableFuture<String> call = executor(Pipeline.builder().retry(exponential(10)))
                .getAsync(attempt(starts, 99, Duration.ofMillis(10)));
        time.advance(Duration.ofMillis(20));
        call.cancel(true);
        time.runUntilIdle();
        assertThat(starts).containsExactly(0L);
    }

    @Test
    void attemptThatThrowsWhileStarting_isAFailedAttempt() throws Exception {
        int[] calls = {0};
        AsyncAttempt<String> throwsFirst = () -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("could not start");
            }
            return CompletableFuture.completedFuture("second");
        };
        RetryPolicy retryUnknown = exponential(3).toBuilder()
                .classification(dev.retrylab.strategy.Classification.builder().retry(FailureKind.UNKNOWN).build())
                .build();
        CompletableFuture<String> call = executor(Pipeline.builder().retry(retryUnknown)).getAsync(throwsFirst);
        time.runUntilIdle();
        assertThat(call.get()).isEqualTo("second");
    }
}
