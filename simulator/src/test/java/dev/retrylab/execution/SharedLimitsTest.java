package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.budget.AdaptiveThrottle;
import dev.retrylab.strategy.budget.TokenBucketRetryBudget;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retry budgets, the client-side throttle and the bulkhead, driven through both executors. */
class SharedLimitsTest {

    private final ManualScheduler time = new ManualScheduler();
    private final AtomicInteger attempts = new AtomicInteger();

    private static RetryPolicy retries(int maxAttempts) {
        return RetryPolicy.builder().maxAttempts(maxAttempts).backoff(Backoff.constant(Duration.ofMillis(10))).build();
    }

    private Object refused() throws ConnectException {
        attempts.incrementAndGet();
        throw new ConnectException();
    }

    @Test
    void retryBudget_refusesRetriesOnceItsTokensAreSpent() {
        // 10 tokens, 5 per retry: two retries in all, shared by every call
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.builder().capacity(10).retryCost(5).build();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(5))
                .retryBudget(budget).build(), time, 1L);
        CallFailedException first = catchThrowableOfType(CallFailedException.class, () -> executor.get(this::refused));
        assertThat(first.reason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
        assertThat(first.attempts()).isEqualTo(3);
        CallFailedException second = catchThrowableOfType(CallFailedException.class, () -> executor.get(this::refused));
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void awsStandardBudget_refundsOnSuccessSoHealthyTrafficKeepsRetrying() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(3))
                .retryBudget(budget).build(), time, 1L);
        for (int i = 0; i < 1_000; i++) {
            int[] calls = {0};
            assertThat(executor.get(() -> {
                if (calls[0]++ == 0) {
                    throw new ConnectException();
                }
                return "ok";
            })).isEqualTo("ok");
        }
        // each call pays 5 for its retry and gets 5 back when the retry succeeds
        assertThat(budget.tokens()).isEqualTo(500.0);
    }

    @Test
    void throttle_refusesMostAttemptsLocallyWhileTheBackendIsOverloaded() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(time);
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().retry(retries(1))
                .throttle(throttle).build(), time, 1L);
        Map<GiveUpReason, Integer> reasons = new EnumMap<>(GiveUpReason.class);
        int calls = 2_000;
        for (int i = 0; i < calls; i++) {
            CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> executor.get(() -> {
                attempts.incrementAndGet();
                throw new FailureException(Failure.of(FailureKind.UNAVAILABLE));
            }));
            reasons.merge(failed.reason(), 1, Integer::sum);
        }
        // with no accepts, p = requests / (requests + 1): nearly every request after the first few is refused
        assertThat(reasons.get(GiveUpReason.THROTTLED)).isGreaterThan(calls * 9 / 10);
        assertThat(attempts.get()).isEqualTo(reasons.get(GiveUpReason.MAX_ATTEMPTS));
        assertThat(throttle.rejectionProbability()).isGreaterThan(0.99);
    }

    @Test
    void throttle_letsEverythingThroughWhileTheBackendAccepts() {
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(time);
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().throttle(throttle).build(), time, 1L);
        for (int i = 0; i < 1_000; i++) {
            assertThat(executor.get(() -> "ok")).isEqualTo("ok");
        }
        assertThat(throttle.rejectionProbability()).isZero();
    }

    @Test
    void asyncBulkhead_runsQueuesAndRejectsThenCompletesEveryQueuedCall() throws Exception {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(1).maxQueuedCalls(1).build();
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().bulkhead(bulkhead).build(), time, 1L);
        List<CompletableFuture<String>> pending = new ArrayList<>();
        AsyncAttempt<String> hangs = () -> {
            CompletableFuture<String> future = new CompletableFuture<>();
            pending.add(future);
            return future;
        };
        CompletableFuture<String> running = executor.getAsync(hangs);
        CompletableFuture<String> queued = executor.getAsync(hangs);
        CompletableFuture<String> rejected = executor.getAsync(hangs);
        assertThat(pending).hasSize(1);
        assertThat(bulkhead.queuedCalls()).isEqualTo(1);
        ExecutionException refusal = catchThrowableOfType(ExecutionException.class, rejected::get);
        assertThat(refusal.getCause()).isInstanceOfSatisfying(CallFailedException.class,
                e -> assertThat(e.reason()).isEqualTo(GiveUpReason.REJECTED));
        pending.get(0).complete("first");
        assertThat(running.get()).isEqualTo("first");
        assertThat(pending).as("the queued call started when the slot freed").hasSize(2);
        pending.get(1).complete("second");
        assertThat(queued.get()).isEqualTo("second");
        assertThat(bulkhead.runningCalls()).isZero();
    }

    @Test
    void bulkheadRetrySlots_limitConcurrentRetriesSeparately() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(10).maxConcurrentRetries(1).build();
        AsyncExecutor executor = new AsyncExecutor(Pipeline.builder().retry(retries(3)).bulkhead(bulkhead).build(),
                time, 1L);
        AsyncAttempt<String> failsOnce = () -> attempts.incrementAndGet() <= 2
                ? CompletableFuture.failedFuture(new ConnectException())
                : CompletableFuture.completedFuture("retried");
        CompletableFuture<String> first = executor.getAsync(failsOnce);
        CompletableFuture<String> second = executor.getAsync(failsOnce);
        // both failed at once; the first took the only retry slot, the second is refused
        assertThat(second).isCompletedExceptionally();
        assertThat(catchThrowableOfType(ExecutionException.class, second::get).getCause())
                .isInstanceOfSatisfying(CallFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(GiveUpReason.REJECTED));
        time.runUntilIdle();
        assertThat(first).isCompletedWithValue("retried");
        assertThat(bulkhead.runningRetries()).isZero();
    }

    @Test
    void syncBulkhead_fullWithoutQueue_refusesTheCallWithoutAnAttempt() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(1).maxQueuedCalls(0).build();
        SyncExecutor executor = SyncExecutor.onVirtualTime(Pipeline.builder().bulkhead(bulkhead).build(), time, 1L);
        CallFailedException[] inner = new CallFailedException[1];
        String outer = executor.get(() -> {
            inner[0] = catchThrowableOfType(CallFailedException.class, () -> executor.get(this::refused));
            return "outer";
        });
        assertThat(outer).isEqualTo("outer");
        assertThat(inner[0].reason()).isEqualTo(GiveUpReason.REJECTED);
        assertThat(attempts).hasValue(0);
        assertThat(bulkhead.runningCalls()).isZero();
    }
}
