package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.fallback.FallbackPolicy;
import dev.retrylab.strategy.fallback.LastKnownGoodCache;
import dev.retrylab.strategy.fallback.Served;
import dev.retrylab.strategy.fallback.Source;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FallbackExecutorTest {

    private final ManualScheduler time = new ManualScheduler();
    private final RetryPolicy primaryRetry = RetryPolicy.builder().maxAttempts(3)
            .backoff(Backoff.constant(Duration.ofMillis(100))).build();
    private final RetryPolicy fallbackRetry = RetryPolicy.builder().maxAttempts(2)
            .backoff(Backoff.constant(Duration.ofMillis(10))).build();
    private final LastKnownGoodCache<String, String> cache =
            new LastKnownGoodCache<>(Duration.ofMinutes(5), 100, time);
    private final FallbackPolicy<String, String> policy =
            FallbackPolicy.<String, String>of(primaryRetry, fallbackRetry).withLastKnownGood(cache);
    private final FallbackExecutor<String, String> executor = new FallbackExecutor<>(policy,
            SyncExecutor.onVirtualTime(Pipeline.builder().retry(primaryRetry).build(), time, 1L),
            SyncExecutor.onVirtualTime(Pipeline.builder().retry(fallbackRetry).build(), time, 2L));

    private static String down() throws ConnectException {
        throw new ConnectException("primary down");
    }

    private static String alsoDown() throws SocketTimeoutException {
        throw new SocketTimeoutException("fallback down");
    }

    @Test
    void primarySuccess_isServedAsPrimaryAndRemembered() {
        Served<String> served = executor.get("user:1", () -> "live", () -> "stale");
        assertThat(served).isEqualTo(Served.primary("live", 1));
        assertThat(cache.getFresh("user:1")).contains("live");
    }

    @Test
    void primaryFailure_isServedByTheFallbackAfterBothRetryPolicies() {
        Served<String> served = executor.get("user:1", FallbackExecutorTest::down, () -> "default profile");
        assertThat(served.source()).isEqualTo(Source.FALLBACK);
        assertThat(served.value()).isEqualTo("default profile");
        assertThat(served.attempts()).isEqualTo(4); // 3 primary attempts, then the fallback's first
        assertThat(served.primaryFailure().kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(cache.getFresh("user:1")).as("a fallback value is never cached").isEmpty();
    }

    @Test
    void bothFailing_servesAFreshLastKnownGoodValueWithItsAge() {
        executor.get("user:1", () -> "live", () -> "unused");
        time.advance(Duration.ofMinutes(2));
        Served<String> served = executor.get("user:1", FallbackExecutorTest::down, FallbackExecutorTest::alsoDown);
        assertThat(served.source()).isEqualTo(Source.CACHE);
        assertThat(served.value()).isEqualTo("live");
        assertThat(served.attempts()).isEqualTo(5);
        // 2 minutes, then the primary's two 100ms waits and the fallback's one 10ms wait
        assertThat(served.ageNanos()).isEqualTo(Duration.ofMinutes(2).plusMillis(210).toNanos());
    }

    @Test
    void bothFailingWithATooOldValue_failsWithThePrimaryFailure() {
        executor.get("user:1", () -> "live", () -> "unused");
        time.advance(Duration.ofMinutes(6));
        CallFailedException failed = catchThrowableOfType(CallFailedException.class,
                () -> executor.get("user:1", FallbackExecutorTest::down, FallbackExecutorTest::alsoDown));
        assertThat(failed.lastFailure().kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(failed.getSuppressed()).singleElement().isInstanceOfSatisfying(CallFailedException.class,
                e -> assertThat(e.lastFailure().kind()).isEqualTo(FailureKind.TIMEOUT));
    }

    @Test
    void executorsThatDoNotUseThePolicysStrategies_areRejected() {
        SyncExecutor other = SyncExecutor.onVirtualTime(Pipeline.builder().build(), time, 1L);
        SyncExecutor fallback = SyncExecutor.onVirtualTime(Pipeline.builder().retry(fallbackRetry).build(), time, 1L);
        assertThatThrownBy(() -> new FallbackExecutor<>(policy, other, fallback))
                .hasMessageContaining("primaryRetry");
    }

    @Test
    void async_followsTheSameOrder() throws Exception {
        AsyncFallbackExecutor<String, String> async = new AsyncFallbackExecutor<>(policy,
                new AsyncExecutor(Pipeline.builder().retry(primaryRetry).build(), time, 1L),
                new AsyncExecutor(Pipeline.builder().retry(fallbackRetry).build(), time, 2L));
        CompletableFuture<Served<String>> live = async.getAsync("k", () -> CompletableFuture.completedFuture("v"),
                () -> CompletableFuture.completedFuture("f"));
        assertThat(live.get().source()).isEqualTo(Source.PRIMARY);
        CompletableFuture<Served<String>> degraded = async.getAsync("k",
                () -> CompletableFuture.failedFuture(new ConnectException()),
                () -> CompletableFuture.failedFuture(new ConnectException()));
        time.runUntilIdle();
        assertThat(degraded.get().source()).isEqualTo(Source.CACHE);
        assertThat(degraded.get().attempts()).isEqualTo(5);
    }
}
