package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.hedge.HedgeStats;
import dev.retrylab.time.ManualScheduler;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HedgingTest {

    private static final long MS = 1_000_000L;

    private final ManualScheduler time = new ManualScheduler();
    private final List<CompletableFuture<String>> started = new ArrayList<>();

    /** Attempt i answers after latencies[i] ms, failing when failures[i]. */
    private AsyncAttempt<String> attempts(long[] latenciesMs, boolean[] failures) {
        return () -> {
            int i = started.size();
            CompletableFuture<String> future = new CompletableFuture<>();
            started.add(future);
            time.schedule(Duration.ofMillis(latenciesMs[i]), () -> {
                if (failures[i]) {
                    future.completeExceptionally(new ConnectException("attempt " + i));
                } else {
                    future.complete("attempt " + i);
                }
            });
            return future;
        };
    }

    private AsyncExecutor executor(HedgePolicy hedge) {
        return new AsyncExecutor(Pipeline.builder().hedge(hedge).build(), time, 1L);
    }

    @Test
    void slowFirstAttempt_isBeatenByAHedgeAndCancelled() throws Exception {
        HedgePolicy hedge = HedgePolicy.fixedDelay(2, Duration.ofMillis(20));
        CompletableFuture<String> call = executor(hedge)
                .getAsync(attempts(new long[] {100, 10, 10}, new boolean[3]));
        time.runUntilIdle();
        assertThat(call.get()).isEqualTo("attempt 1");
        assertThat(started).hasSize(2);
        assertThat(started.get(0)).isCancelled();
        HedgeStats stats = hedge.stats();
        assertThat(stats.hedgesStarted()).isEqualTo(1);
        assertThat(stats.hedgesWon()).isEqualTo(1);
        assertThat(stats.attemptsCancelled()).isEqualTo(1);
    }

    @Test
    void fastFirstAttempt_startsNoHedgeAndLeavesNoTimer() throws Exception {
        HedgePolicy hedge = HedgePolicy.fixedDelay(2, Duration.ofMillis(20));
        CompletableFuture<String> call = executor(hedge).getAsync(attempts(new long[] {5}, new boolean[1]));
        time.advance(Duration.ofMillis(5));
        assertThat(call.get()).isEqualTo("attempt 0");
        assertThat(time.pendingTasks()).isZero();
        assertThat(hedge.stats().hedgesStarted()).isZero();
    }

    @Test
    void failedAttempt_withNothingRunning_endsThePassSoTheRetryStageDecides() {
        HedgePolicy hedge = HedgePolicy.fixedDelay(2, Duration.ofMillis(50));
        List<Long> startTimes = new ArrayList<>();
        AsyncAttempt<String> failing = attempts(new long[] {5, 5, 5}, new boolean[] {true, true, true});
        CompletableFuture<String> call = executor(hedge).getAsync(() -> {
            startTimes.add(time.nanoTime() / MS);
            return failing.start();
        });
        time.runUntilIdle();
        assertThat(startTimes).containsExactly(0L);
        assertThat(call).isCompletedExceptionally();
        assertThat(hedge.stats().hedgesStarted()).isZero();
        assertThat(time.pendingTasks()).as("the hedge timer was cancelled").isZero();
    }

    @Test
    void failedFirstAttempt_whileAHedgeRuns_waitsForTheHedge() throws Exception {
        HedgePolicy hedge = HedgePolicy.fixedDelay(1, Duration.ofMillis(20));
        CompletableFuture<String> call = executor(hedge)
                .getAsync(attempts(new long[] {30, 20}, new boolean[] {true, false}));
        time.runUntilIdle();
        // the first fails at 30ms while the hedge (started at 20ms) answers at 40ms
        assertThat(call.get()).isEqualTo("attempt 1");
        assertThat(time.nanoTime()).isEqualTo(40 * MS);
    }

    @Test
    void syncExecutor_runsHedgesOnItsThreadsAndReturnsTheFirstSuccess() throws InterruptedException {
        HedgePolicy hedge = HedgePolicy.fixedDelay(1, Duration.ofMillis(20));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            SyncExecutor executor = new SyncExecutor(Pipeline.builder().hedge(hedge).build(), time, time, time,
                    threads, 1L);
            List<Boolean> firstInterrupted = new java.util.concurrent.CopyOnWriteArrayList<>();
            int[] calls = {0};
            String result = executor.get(() -> {
                int number;
                synchronized (calls) {
                    number = calls[0]++;
                }
                if (number == 0) {
                    // the first attempt passes 100ms of virtual time, starting the hedge at 20ms, then
                    // hangs until the winning hedge cancels it with an interrupt
                    time.advance(Duration.ofMillis(100));
                    try {
                        new java.util.concurrent.CountDownLatch(1).await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException cancelled) {
                        firstInterrupted.add(true);
                        throw cancelled;
                    }
                    return "slow";
                }
                return "hedge";
            });
            assertThat(result).isEqualTo("hedge");
            assertThat(hedge.stats().hedgesWon()).isEqualTo(1);
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(firstInterrupted).containsExactly(true);
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
