package dev.retrylab.execution;

import dev.retrylab.strategy.fallback.FallbackPolicy;
import dev.retrylab.strategy.fallback.Served;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link FallbackExecutor}'s degradation chain for asynchronous calls: never blocks a thread.
 * Completing the returned future early cancels whichever call is running and starts no other.
 * Thread-safe.
 *
 * @param <K> what identifies a request's answer in the last-known-good cache
 * @param <V> the value type
 */
public final class AsyncFallbackExecutor<K, V> {

    private final FallbackPolicy<K, V> policy;
    private final AsyncExecutor primary;
    private final AsyncExecutor fallback;

    /**
     * @throws IllegalArgumentException when an executor's pipeline does not retry with the
     *                                  policy's strategy for it
     */
    public AsyncFallbackExecutor(FallbackPolicy<K, V> policy, AsyncExecutor primary, AsyncExecutor fallback) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        FallbackExecutor.requireSameRetry(policy, primary.pipeline(), fallback.pipeline());
    }

    /**
     * Serves {@code key}: from the primary, else the fallback, else a fresh last-known-good value;
     * completes exceptionally with the primary's {@link CallFailedException} when none could.
     */
    public CompletableFuture<Served<V>> getAsync(K key, AsyncAttempt<V> primaryAttempt,
                                                 AsyncAttempt<V> fallbackAttempt) {
        Objects.requireNonNull(primaryAttempt, "primaryAttempt");
        Objects.requireNonNull(fallbackAttempt, "fallbackAttempt");
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<CompletableFuture<V>> running = new AtomicReference<>();
        CompletableFuture<Served<V>> served = new CompletableFuture<>();
        served.whenComplete((value, error) -> {
            CompletableFuture<V> call = running.get();
            if (call != null && !call.isDone()) {
                call.cancel(true);
            }
        });
        CompletableFuture<V> primaryCall = primary.getAsync(() -> {
            attempts.incrementAndGet();
            return primaryAttempt.start();
        });
        running.set(primaryCall);
        primaryCall.whenComplete((value, error) -> {
            try {
                afterPrimary(key, value, error, fallbackAttempt, attempts, running, served);
            } catch (RuntimeException | Error e) {
                served.completeExceptionally(e);
            }
        });
        return served;
    }

    private void afterPrimary(K key, V value, Throwable error, AsyncAttempt<V> fallbackAttempt, AtomicInteger attempts,
                              AtomicReference<CompletableFuture<V>> running, CompletableFuture<Served<V>> served) {
        if (error == null) {
            served.complete(policy.servedByPrimary(key, value, attempts.get()));
            return;
        }
        Throwable cause = AsyncExecutor.unwrap(error);
        if (!(cause instanceof CallFailedException primaryFailed) || !FallbackExecutor.degrades(policy, primaryFailed)
                || served.isDone()) {
            served.completeExceptionally(cause);
            return;
        }
        CompletableFuture<V> fallbackCall = fallback.getAsync(() -> {
            attempts.incrementAndGet();
            return fallbackAttempt.start();
        });
        running.set(fallbackCall);
        if (served.isDone()) {
            fallbackCall.cancel(true);
            return;
        }
        fallbackCall.whenComplete((fallbackValue, fallbackError) -> {
            try {
                afterFallback(key, fallbackValue, fallbackError, attempts.get(), primaryFailed, served);
            } catch (RuntimeException | Error e) {
                served.completeExceptionally(e);
            }
        });
    }

    private void afterFallback(K key, V fallbackValue, Throwable fallbackError, int attempts,
                               CallFailedException primaryFailed, CompletableFuture<Served<V>> served) {
        if (fallbackError == null) {
            served.complete(policy.servedByFallback(fallbackValue, attempts, primaryFailed.lastFailure()));
            return;
        }
        Served<V> cached = policy.servedFromCache(key, attempts, primaryFailed.lastFailure());
        if (cached != null) {
            served.complete(cached);
        } else {
            primaryFailed.addSuppressed(AsyncExecutor.unwrap(fallbackError));
            served.completeExceptionally(primaryFailed);
        }
    }
}
