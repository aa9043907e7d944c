package dev.retrylab.strategy.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hammers one breaker from 8 threads on a shared virtual clock; bounded work, no sleeping. */
class CircuitBreakerConcurrencyTest {

    private static final int THREADS = 8;
    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);
    private static final Set<String> ALLOWED = Set.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN",
            "HALF_OPEN->CLOSED");

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void breaker_hammeredFromEightThreads_countsAddUpAndEveryChangeIsValid() throws Exception {
        int iterations = 20_000;
        ManualScheduler clock = new ManualScheduler();
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().countWindow(50).minimumCalls(20)
                .failureRateThreshold(50).consecutiveFailureThreshold(10).openDuration(Duration.ofMillis(20))
                .halfOpenTrialCalls(4).build(), clock);
        List<CircuitStateChanged> events = new ArrayList<>();
        breaker.addListener(events::add); // runs under the breaker's lock, so additions are serialized
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 1_000L + t;
            results.add(pool.submit(() -> hammer(breaker, clock, start, iterations, seed)));
        }

        long permitted = 0;
        long invalidSnapshots = 0;
        for (Future<long[]> result : results) {
            long[] counts = result.get(60, TimeUnit.SECONDS);
            permitted += counts[0];
            invalidSnapshots += counts[1];
        }

        assertThat(invalidSnapshots).as("snapshots that broke an invariant").isZero();
        assertThat(permitted + breaker.notPermittedCalls()).isEqualTo((long) THREADS * iterations);
        Set<CircuitState> reached = EnumSet.noneOf(CircuitState.class);
        CircuitState current = CircuitState.CLOSED;
        long previousAt = Long.MIN_VALUE;
        for (CircuitStateChanged event : events) {
            assertThat(event.from()).as("chain at %s", event).isEqualTo(current);
            assertThat(event.from() + "->" + event.to()).isIn(ALLOWED);
            assertThat(event.atNanos()).isGreaterThanOrEqualTo(previousAt);
            current = event.to();
            previousAt = event.atNanos();
            reached.add(current);
        }
        assertThat(breaker.state()).isEqualTo(current);
        assertThat(reached).as("the run exercised every state").containsExactlyInAnyOrder(CircuitState.values());
    }

    /** Returns {permitted calls, invariant violations seen}. */
    private static long[] hammer(CircuitBreaker breaker, ManualScheduler clock, CyclicBarrier start,
                                 int iterations, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Duration tick = Duration.ofMillis(1);
        start.await(30, TimeUnit.SECONDS);
        long permitted = 0;
        long invalid = 0;
        for (int i = 0; i < iterations; i++) {
            if (i % 16 == 0) {
                clock.advance(tick);
            }
            if (!breaker.tryAcquirePermission()) {
                continue;
            }
            permitted++;
            // alternate 200 ms of outage (90 % failures) with 200 ms of health (5 % failures)
            boolean outage = (clock.nanoTime() / 200_000_000L) % 2 == 0;
            int roll = random.nextInt(100);
            if (roll < 3) {
                breaker.releasePermission();
            } else if (roll < (outage ? 90 : 5) + 3) {
                breaker.onFailure(TIMEOUT);
            } else {
                breaker.onSuccess();
            }
            if (i % 64 == 0 && !valid(breaker)) {
                invalid++;
            }
        }
        return new long[] {permitted, invalid};
    }

    private static boolean valid(CircuitBreaker breaker) {
        int buffered = breaker.bufferedCalls();
        int failed = breaker.failedCalls();
        double rate = breaker.failureRate();
        return breaker.state() != null && buffered >= 0 && buffered <= 50 && failed >= 0 && failed <= 50
                && (rate == -1.0 || (rate >= 0.0 && rate <= 100.0));
    }

    @Test
    void halfOpen_eightThreadsRaceForPermits_exactlyTheTrialCountGetsThrough() throws Exception {
        int trials = 3;
        int rounds = 200;
        ManualScheduler clock = new ManualScheduler();
        CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerConfig.builder().countWindow(1).minimumCalls(1)
                .openDuration(Duration.ofSeconds(1)).halfOpenTrialCalls(trials).build(), clock);
        breaker.tryAcquirePermission();
        breaker.onFailure(TIMEOUT);
        AtomicInteger[] granted = new AtomicInteger[rounds];
        for (int r = 0; r < rounds; r++) {
            granted[r] = new AtomicInteger();
        }
        // the barrier action runs alone between rounds: check the round, re-open, let the open duration pass
        int[] round = {0};
        List<String> problems = new ArrayList<>();
        CyclicBarrier barrier = new CyclicBarrier(THREADS, () -> {
            if (round[0] > 0) {
                int got = granted[round[0] - 1].get();
                if (got != trials) {
                    problems.add("round " + round[0] + " granted " + got);
                }
                breaker.onFailure(TIMEOUT); // one trial call failed: open again
            }
            clock.advance(Duration.ofSeconds(1));
            round[0]++;
        });
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> {
                for (int r = 0; r < rounds; r++) {
                    barrier.await(30, TimeUnit.SECONDS);
                    if (breaker.tryAcquirePermission()) {
                        granted[r].incrementAndGet();
                    }
                }
                barrier.await(30, TimeUnit.SECONDS);
                return null;
            });
        }

        for (Future<Void> future : pool.invokeAll(workers, 60, TimeUnit.SECONDS)) {
            future.get();
        }

        assertThat(problems).isEmpty();
        assertThat(breaker.notPermittedCalls()).isEqualTo((long) rounds * (THREADS - trials));
    }
}
