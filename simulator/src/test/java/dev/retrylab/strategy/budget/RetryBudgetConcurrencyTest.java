package dev.retrylab.strategy.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.testing.Concurrently;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each shared budget hammered from 8 threads: the tokens and counters must add up exactly. */
class RetryBudgetConcurrencyTest {

    private static final int THREADS = 8;
    private static final FailureKind KIND = FailureKind.SERVER_ERROR;

    @Test
    void awsStandard_sharedBy8Threads_grantsExactly100Retries() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();
        AtomicLong granted = new AtomicLong();

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 1_000; i++) {
                if (budget.tryAcquireRetry(KIND, 0)) {
                    granted.incrementAndGet();
                }
            }
        });

        assertThat(granted).hasValue(100);
        assertThat(budget.tokenThousandths()).isZero();
    }

    @Test
    void tokenBucket_depositsAndRetriesFrom8Threads_loseNoToken() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.builder()
                .capacity(1_000_000).initialTokens(0).retryCost(5).successIncrement(1).build();
        AtomicLong granted = new AtomicLong();
        int perThread = 20_000;

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < perThread; i++) {
                budget.onSuccess(false);
                if (budget.tryAcquireRetry(KIND, 0)) {
                    granted.incrementAndGet();
                }
            }
        });

        long deposited = (long) THREADS * perThread;
        assertThat(granted.get() * 5).isLessThanOrEqualTo(deposited);
        assertThat(budget.tokenThousandths()).isEqualTo((deposited - 5 * granted.get()) * 1_000);
    }

    @Test
    void grpc_successesAndFailuresFrom8Threads_addUpExactly() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(1000, 0.1);
        for (int i = 0; i < 1000; i++) {
            budget.onFailure(KIND); // empty: 0 tokens
        }

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 1_000; i++) {
                budget.onSuccess(i % 2 == 0);
                budget.tryAcquireRetry(KIND, 0); // free in gRPC: must not change the count
            }
        });
        assertThat(budget.tokenThousandths()).isEqualTo(800_000L); // 8000 * 0.1

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 50; i++) {
                budget.onFailure(KIND);
            }
        });
        assertThat(budget.tokenThousandths()).isEqualTo(400_000L);
    }

    @Test
    void refillingBucket_retriesRacingTheClock_neverGrantMoreThanWasEarned() {
        ManualScheduler clock = new ManualScheduler();
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.builder()
                .capacity(1_000).initialTokens(0).retryCost(1).refill(100, clock).build();
        AtomicLong granted = new AtomicLong();

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 5_000; i++) {
                if (thread == 0 && i < 1_000) {
                    clock.advance(Duration.ofMillis(1)); // 1 s in all: 100 tokens earned
                }
                if (budget.tryAcquireRetry(KIND, 0)) {
                    granted.incrementAndGet();
                }
            }
        });

        assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(granted.get() * 1_000 + budget.tokenThousandths()).isEqualTo(100_000L);
    }

    @Test
    void ratioBudget_sharedBy8Threads_grantsExactlyReservePlusRatio() {
        ManualScheduler clock = new ManualScheduler();
        RatioRetryBudget budget = RatioRetryBudget.finagleDefaults(clock); // reserve 100, 20%
        AtomicLong granted = new AtomicLong();

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 1_000; i++) {
                budget.onRequest();
            }
        });
        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 500; i++) {
                if (budget.tryAcquireRetry(KIND, 0)) {
                    granted.incrementAndGet();
                }
            }
        });

        assertThat(budget.requestsInWindow()).isEqualTo(8_000);
        assertThat(granted).hasValue(100 + 1_600);
        assertThat(budget.retriesInWindow()).isEqualTo(1_700);
    }

    @Test
    void ratioBudget_requestsAndRetriesInterleaved_grantNoMoreThanFunded() {
        ManualScheduler clock = new ManualScheduler();
        RatioRetryBudget budget = RatioRetryBudget.of(Duration.ofSeconds(10), 1, 0.5, clock); // reserve 10
        AtomicLong granted = new AtomicLong();

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 2_000; i++) {
                budget.onRequest();
                for (int ask = 0; ask < 2; ask++) { // two asks per request: only half can be funded
                    if (budget.tryAcquireRetry(KIND, 0)) {
                        granted.incrementAndGet();
                    }
                }
            }
        });

        long funded = 10 + 16_000 / 2;
        assertThat(budget.requestsInWindow()).isEqualTo(16_000);
        assertThat(budget.retriesInWindow()).isEqualTo(granted.get()).isLessThanOrEqualTo(funded);
        assertThat(granted.get() + budget.availableRetries()).isEqualTo(funded);
    }

    @Test
    void timeBudget_sharedBy8Threads_grantsExactlyTheMaximumDelay() {
        ManualScheduler clock = new ManualScheduler();
        RetryTimeBudget budget = RetryTimeBudget.of(Duration.ofSeconds(1), Duration.ofMinutes(1), clock);
        AtomicLong granted = new AtomicLong();
        long oneMilli = Duration.ofMillis(1).toNanos();

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 500; i++) {
                if (budget.tryAcquireRetry(KIND, oneMilli)) {
                    granted.incrementAndGet();
                }
            }
        });

        assertThat(granted).hasValue(1_000);
        assertThat(budget.usedNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void adaptiveThrottle_sharedBy8Threads_countsEveryRequestAndAccept() {
        ManualScheduler clock = new ManualScheduler();
        AdaptiveThrottle throttle = AdaptiveThrottle.withDefaults(clock);
        AtomicLong allowed = new AtomicLong();

        Concurrently.run(THREADS, thread -> {
            SplittableRandom rng = new SplittableRandom(thread);
            for (int i = 0; i < 5_000; i++) {
                if (throttle.allowRequest(rng)) {
                    allowed.incrementAndGet();
                    if (i % 4 == 0) { // the backend accepts a quarter: the throttle must kick in
                        throttle.onAccepted();
                    } else {
                        throttle.onRejectedByBackend();
                    }
                }
            }
        });

        assertThat(throttle.requestsInWindow()).isEqualTo(40_000);
        assertThat(throttle.acceptsInWindow() + throttle.backendRejectionsInWindow()).isEqualTo(allowed.get());
        assertThat(allowed.get()).isLessThan(40_000);
    }
}
