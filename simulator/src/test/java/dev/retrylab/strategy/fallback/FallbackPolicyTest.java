package dev.retrylab.strategy.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.strategy.retry.RetryState;
import dev.retrylab.strategy.retry.RetryStrategy;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks the documented order (primary with retries, fallback with retries, fresh last-known-good
 * value, primary failure) by driving the policy as an executor would, on virtual time.
 */
class FallbackPolicyTest {

    private static final Failure UNAVAILABLE = Failure.of(FailureKind.UNAVAILABLE);
    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);

    private final ManualScheduler clock = new ManualScheduler();
    private final SplittableRandom rng = new SplittableRandom(1);
    private final LastKnownGoodCache<String, String> cache =
            new LastKnownGoodCache<>(Duration.ofMinutes(5), 100, clock);
    private final FallbackPolicy<String, String> policy =
            FallbackPolicy.<String, String>of(retries(3), retries(2)).withLastKnownGood(cache);

    /** An attempt's scripted outcome: a value, or a failure when value is null. */
    private record Outcome(String value, Failure failure) {
        static Outcome ok(String value) {
            return new Outcome(value, null);
        }

        static Outcome fail(Failure failure) {
            return new Outcome(null, failure);
        }
    }

    /** The executor's part, reduced to what the order needs. */
    private Served<String> call(String key, Deque<Outcome> primary, Deque<Outcome> fallback) {
        RetryState primaryState = new RetryState(clock.nanoTime());
        Outcome outcome = runWithRetries(policy.primaryRetry(), primaryState, primary);
        if (outcome.failure() == null) {
            return policy.servedByPrimary(key, outcome.value(), primaryState.attempts());
        }
        Failure primaryFailure = outcome.failure();
        RetryState fallbackState = new RetryState(clock.nanoTime());
        Outcome second = runWithRetries(policy.fallbackRetry(), fallbackState, fallback);
        int attempts = primaryState.attempts() + fallbackState.attempts();
        if (second.failure() == null) {
            return policy.servedByFallback(second.value(), attempts, primaryFailure);
        }
        Served<String> cached = policy.servedFromCache(key, attempts, primaryFailure);
        if (cached != null) {
            return cached;
        }
        throw new FailureException(primaryFailure);
    }

    private Outcome runWithRetries(RetryStrategy strategy, RetryState state, Deque<Outcome> script) {
        while (true) {
            Outcome outcome = script.removeFirst();
            if (outcome.failure() == null) {
                return outcome;
            }
            Decision decision = strategy.decide(state, outcome.failure(), clock.nanoTime(), rng);
            if (!decision.retry()) {
                return outcome;
            }
            clock.advance(decision.delay());
            state.attemptStarted();
        }
    }

    private static RetryPolicy retries(int maxAttempts) {
        return RetryPolicy.builder().maxAttempts(maxAttempts).backoff(Backoff.constant(Duration.ofMillis(10))).build();
    }

    private static Deque<Outcome> script(Outcome... outcomes) {
        return new ArrayDeque<>(List.of(outcomes));
    }

    @Test
    void call_primarySucceedsAfterARetry_servedByPrimaryAndCached() {
        Deque<Outcome> fallback = script(Outcome.ok("from fallback"));

        Served<String> served = call("k", script(Outcome.fail(UNAVAILABLE), Outcome.ok("live")), fallback);

        assertThat(served).isEqualTo(Served.primary("live", 2));
        assertThat(served.degraded()).isFalse();
        assertThat(fallback).as("fallback not called").hasSize(1);
        assertThat(cache.getFresh("k")).contains("live");
    }

    @Test
    void call_primaryGivesUp_servedByFallbackAndNotCached() {
        Served<String> served = call("k",
                script(Outcome.fail(UNAVAILABLE), Outcome.fail(UNAVAILABLE), Outcome.fail(TIMEOUT)),
                script(Outcome.ok("from fallback")));

        assertThat(served.source()).isEqualTo(Source.FALLBACK);
        assertThat(served.value()).isEqualTo("from fallback");
        assertThat(served.attempts()).as("3 primary + 1 fallback").isEqualTo(4);
        assertThat(served.primaryFailure()).isEqualTo(TIMEOUT);
        assertThat(served.degraded()).isTrue();
        assertThat(cache.getFresh("k")).as("a degraded value is not last-known-good").isEmpty();
    }

    @Test
    void call_fallbackRetriesOnItsOwn_servedAfterTheFallbacksRetry() {
        Served<String> served = call("k",
                script(Outcome.fail(UNAVAILABLE), Outcome.fail(UNAVAILABLE), Outcome.fail(UNAVAILABLE)),
                script(Outcome.fail(TIMEOUT), Outcome.ok("second fallback attempt")));

        assertThat(served).isEqualTo(Served.fallback("second fallback attempt", 5, UNAVAILABLE));
        assertThat(clock.nanoTime()).as("two primary retries and one fallback retry, 10 ms each")
                .isEqualTo(30_000_000L);
    }

    @Test
    void call_primaryAndFallbackFailWithFreshCache_servedFromCacheWithItsAge() {
        call("k", script(Outcome.ok("good")), script());
        clock.advance(Duration.ofMinutes(2));

        Served<String> served = call("k",
                script(Outcome.fail(UNAVAILABLE), Outcome.fail(UNAVAILABLE), Outcome.fail(UNAVAILABLE)),
                script(Outcome.fail(UNAVAILABLE), Outcome.fail(UNAVAILABLE)));

        assertThat(served.source()).isEqualTo(Source.CACHE);
        assertThat(served.value()).isEqualTo("good");
        assertThat(served.attempts()).isEqualTo(5);
        assertThat(served.ageNanos()).as("2 min, then 2 primary and 1 fallback retries of 10 ms")
                .isEqualTo(Duration.ofMinutes(2).plusMillis(30).toNanos());
        assertThat(served.primaryFailure()).isEqualTo(UNAVAILABLE);
    }

    @Test
    void call_everythingFailsAndCacheIsStale_failsWithThePrimaryFailure() {
        call("k", script(Outcome.ok("good")), script());
        clock.advance(Duration.ofMinutes(6));
        Failure primaryFailure = Failure.rateLimited(Duration.ofMillis(1));

        assertThatThrownBy(() -> call("k",
                script(Outcome.fail(UNAVAILABLE), Outcome.fail(UNAVAILABLE), Outcome.fail(primaryFailure)),
                script(Outcome.fail(TIMEOUT), Outcome.fail(TIMEOUT))))
                .isInstanceOfSatisfying(FailureException.class,
                        error -> assertThat(error.failure()).isSameAs(primaryFailure));
    }

    @Test
    void call_notRetryablePrimaryFailure_goesStraightToTheFallback() {
        Failure notFound = Failure.of(FailureKind.NOT_FOUND);

        Served<String> served = call("k", script(Outcome.fail(notFound)), script(Outcome.ok("fallback")));

        assertThat(served).isEqualTo(Served.fallback("fallback", 2, notFound));
    }

    @Test
    void servedFromCache_noCacheConfigured_isNull() {
        FallbackPolicy<String, String> withoutCache = FallbackPolicy.of(retries(1), retries(1));

        assertThat(withoutCache.lastKnownGood()).isEmpty();
        assertThat(withoutCache.servedByPrimary("k", "v", 1)).isEqualTo(Served.primary("v", 1));
        assertThat(withoutCache.servedFromCache("k", 2, UNAVAILABLE)).isNull();
    }

    @Test
    void served_inconsistentComponents_throw() {
        assertThatThrownBy(() -> new Served<>("v", Source.PRIMARY, 1, 0, UNAVAILABLE))
                .hasMessage("a value served by the primary has no primary failure");
        assertThatThrownBy(() -> Served.fallback("v", 1, null))
                .hasMessage("a value served by FALLBACK needs the primary's failure");
        assertThatThrownBy(() -> Served.primary("v", 0)).hasMessage("attempts must be 1 or more, was 0");
        assertThatThrownBy(() -> Served.cache("v", -1, 0, UNAVAILABLE)).hasMessage("attempts must be 0 or more, was -1");
        assertThat(Served.cache("v", 0, 0, UNAVAILABLE).attempts()).isZero();
        assertThatThrownBy(() -> new Served<>("v", Source.FALLBACK, 1, 5, UNAVAILABLE))
                .hasMessageContaining("only a cached value has an age");
    }
}
