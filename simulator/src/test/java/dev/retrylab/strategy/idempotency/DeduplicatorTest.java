package dev.retrylab.strategy.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.ConcurrentRun;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.strategy.retry.RetryState;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final IdempotencyKey A = IdempotencyKey.of("a");
    private static final IdempotencyKey B = IdempotencyKey.of("b");
    private static final IdempotencyKey C = IdempotencyKey.of("c");

    private final ManualScheduler clock = new ManualScheduler();
    private final Deduplicator<String> dedup = new Deduplicator<>(Duration.ofHours(24), 1_000, clock);

    @Test
    void claim_firstDuringAndAfterExecution_executeThenInProgressThenTheFirstResult() {
        assertThat(dedup.claim(A).status()).isEqualTo(Claim.Status.EXECUTE);
        assertThat(dedup.claim(A).status()).isEqualTo(Claim.Status.IN_PROGRESS);

        assertThat(dedup.complete(A, "charged 10 EUR")).isEqualTo("charged 10 EUR");

        Claim<String> replay = dedup.claim(A);
        assertThat(replay).isEqualTo(new Claim<>(Claim.Status.COMPLETED, "charged 10 EUR"));
        assertThat(dedup.claim(A)).as("the same instance, no allocation").isSameAs(replay);
        assertThat(dedup.stats()).isEqualTo(new DeduplicationStats(1, 2, 1, 0));
    }

    @Test
    void execute_sameKeyWithinTtl_runsTheOperationOnce() {
        AtomicInteger runs = new AtomicInteger();

        String first = dedup.execute(A, () -> "order #" + runs.incrementAndGet());
        clock.advance(Duration.ofHours(23));
        String second = dedup.execute(A, () -> "order #" + runs.incrementAndGet());

        assertThat(runs).hasValue(1);
        assertThat(second).isEqualTo(first).isEqualTo("order #1");
        assertThat(dedup.execute(B, () -> "order #" + runs.incrementAndGet())).isEqualTo("order #2");
    }

    @Test
    void execute_exactlyTtlThenOneNanoLater_replaysThenExecutesAgain() {
        AtomicInteger runs = new AtomicInteger();
        dedup.execute(A, () -> "run " + runs.incrementAndGet());

        clock.advance(Duration.ofHours(24));
        assertThat(dedup.execute(A, () -> "run " + runs.incrementAndGet())).as("age == ttl").isEqualTo("run 1");

        clock.advance(Duration.ofNanos(1));
        assertThat(dedup.execute(A, () -> "run " + runs.incrementAndGet())).as("age > ttl").isEqualTo("run 2");
        assertThat(dedup.stats()).isEqualTo(new DeduplicationStats(2, 1, 0, 0));
    }

    @Test
    void claim_executingClaimNeverCompleted_isForgottenAfterTheTtl() {
        dedup.claim(A);
        clock.advance(Duration.ofHours(24));
        assertThat(dedup.claim(A).status()).isEqualTo(Claim.Status.IN_PROGRESS);

        clock.advance(Duration.ofNanos(1));

        assertThat(dedup.claim(A).status()).isEqualTo(Claim.Status.EXECUTE);
    }

    @Test
    void release_executingClaim_letsTheRetryExecute() {
        dedup.claim(A);

        assertThat(dedup.release(A)).isTrue();
        assertThat(dedup.release(A)).isFalse();
        assertThat(dedup.claim(A).status()).isEqualTo(Claim.Status.EXECUTE);
    }

    @Test
    void release_completedKey_keepsTheResult() {
        dedup.execute(A, () -> "done");

        assertThat(dedup.release(A)).isFalse();
        assertThat(dedup.claim(A).result()).isEqualTo("done");
    }

    @Test
    void execute_operationThrows_releasesSoTheRetryExecutes() {
        assertThatThrownBy(() -> dedup.execute(A, () -> {
            throw new IllegalStateException("database down before the write");
        })).hasMessage("database down before the write");

        assertThat(dedup.execute(A, () -> "second try")).isEqualTo("second try");
    }

    @Test
    void execute_operationReturnsNull_throwsAndReleases() {
        assertThatThrownBy(() -> dedup.execute(A, () -> null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("returned null");

        assertThat(dedup.claim(A).status()).isEqualTo(Claim.Status.EXECUTE);
    }

    @Test
    void execute_duplicateWhileTheFirstRuns_throwsInProgress() {
        assertThatThrownBy(() -> dedup.execute(A, () -> dedup.execute(A, () -> "nested")))
                .isInstanceOfSatisfying(DuplicateInProgressException.class,
                        error -> assertThat(error.key()).isEqualTo(A))
                .hasMessage("a request with idempotency key a is still executing");
    }

    @Test
    void complete_secondResultForACompletedKey_keepsTheFirst() {
        dedup.claim(A);
        dedup.complete(A, "first");

        assertThat(dedup.complete(A, "second")).isEqualTo("first");
        assertThat(dedup.claim(A).result()).isEqualTo("first");
    }

    @Test
    void claim_newKeyWhenFull_evictsTheOldestStampedKey() {
        Deduplicator<String> small = new Deduplicator<>(Duration.ofHours(1), 2, clock);
        small.claim(A);
        clock.advance(Duration.ofSeconds(1));
        small.execute(B, () -> "b");
        clock.advance(Duration.ofSeconds(1));
        small.complete(A, "a");
        clock.advance(Duration.ofSeconds(1));
        small.complete(B, "ignored, B keeps its first result and its stamp");
        small.claim(B);

        small.execute(C, () -> "c");

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.stats().evictions()).isEqualTo(1);
        assertThat(small.claim(A).result()).as("A's completion stamped it after B").isEqualTo("a");
        assertThat(small.claim(B).status()).as("B was evicted").isEqualTo(Claim.Status.EXECUTE);
    }

    @Test
    void claim_newKeyWhenFull_dropsExpiredKeysWithoutEvicting() {
        Deduplicator<String> small = new Deduplicator<>(Duration.ofMinutes(1), 2, clock);
        small.execute(A, () -> "a");
        small.execute(B, () -> "b");
        clock.advance(Duration.ofMinutes(2));

        small.execute(C, () -> "c");

        assertThat(small.size()).isEqualTo(1);
        assertThat(small.stats().evictions()).isZero();
    }

    @Test
    void constructor_invalidSettings_throwNamingTheSetting() {
        assertThatThrownBy(() -> new Deduplicator<String>(Duration.ZERO, 1, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ttl must be positive, was PT0S");
        assertThatThrownBy(() -> new Deduplicator<String>(Duration.ofSeconds(1), 0, clock))
                .hasMessage("maxEntries must be 1 or more, was 0");
    }

    @Test
    void retriedPayment_responseLostAfterTheServerCharged_chargesOnce() {
        // The client's first attempt reaches the server, which charges, but the response is lost
        // (a timeout). The client retries with the same key and gets the first charge's receipt.
        RetryPolicy client = RetryPolicy.builder().retryOnlyIdempotent(true)
                .backoff(Backoff.constant(Duration.ofMillis(200))).build();
        SplittableRandom rng = new SplittableRandom(11);
        IdempotencyKey key = IdempotencyKey.random(rng);
        RetryState state = key.markIdempotent(new RetryState(clock.nanoTime()).idempotent(false));
        AtomicInteger charges = new AtomicInteger();

        dedup.execute(key, () -> "receipt-" + charges.incrementAndGet());
        Decision decision = client.decide(state, Failure.of(FailureKind.TIMEOUT), clock.nanoTime(), rng);
        assertThat(decision.retry()).isTrue();
        clock.advance(decision.delay());
        state.attemptStarted();
        String receipt = dedup.execute(key, () -> "receipt-" + charges.incrementAndGet());

        assertThat(charges).hasValue(1);
        assertThat(receipt).isEqualTo("receipt-1");
    }

    @Test
    void execute_eightThreadsSharingKeys_eachKeyExecutesOnceAndCountsAddUp() throws InterruptedException {
        int keys = 64;
        int rounds = 200;
        int threads = 8;
        AtomicIntegerArray runs = new AtomicIntegerArray(keys);
        AtomicReferenceArray<String> firstResult = new AtomicReferenceArray<>(keys);
        AtomicLong answered = new AtomicLong();
        AtomicLong refused = new AtomicLong();

        ConcurrentRun.inThreads(threads, thread -> {
            SplittableRandom random = new SplittableRandom(thread);
            for (int round = 0; round < rounds; round++) {
                int k = random.nextInt(keys);
                try {
                    String result = dedup.execute(IdempotencyKey.of("key-" + k),
                            () -> "key-" + k + " run " + runs.incrementAndGet(k));
                    firstResult.compareAndSet(k, null, result);
                    if (!result.equals(firstResult.get(k))) {
                        throw new AssertionError("key-" + k + " answered " + result + " and " + firstResult.get(k));
                    }
                    answered.incrementAndGet();
                } catch (DuplicateInProgressException expected) {
                    refused.incrementAndGet();
                }
            }
        });

        DeduplicationStats stats = dedup.stats();
        for (int k = 0; k < keys; k++) {
            assertThat(runs.get(k)).as("executions of key-%d", k).isLessThanOrEqualTo(1);
        }
        int executedKeys = 0;
        for (int k = 0; k < keys; k++) {
            executedKeys += runs.get(k);
        }
        assertThat(stats.executions()).isEqualTo(executedKeys);
        assertThat(stats.claims()).isEqualTo((long) threads * rounds);
        assertThat(answered.get() + refused.get()).isEqualTo((long) threads * rounds);
        assertThat(stats.inProgress()).isEqualTo(refused.get());
        assertThat(stats.executions() + stats.replays()).isEqualTo(answered.get());
        assertThat(stats.evictions()).isZero();
    }
}
