package dev.retrylab.strategy.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.time.Cancellable;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives a {@link HedgePolicy} the way an executor or the simulator does, on virtual time: proves
 * the policy's API is enough to run hedged calls, and that the first success wins.
 */
class HedgedCallOnVirtualTimeTest {

    /** One hedged call whose attempt i takes {@code latenciesMs[i]} and then succeeds. */
    private static final class ScriptedHedgedCall {
        private final HedgePolicy policy;
        private final ManualScheduler scheduler;
        private final long[] latenciesMs;
        private final List<Cancellable> pending = new ArrayList<>();
        private Cancellable hedgeTimer;
        private int hedges;
        private int winner = -1;
        private long finishedAtNanos = -1;

        ScriptedHedgedCall(HedgePolicy policy, ManualScheduler scheduler, long... latenciesMs) {
            this.policy = policy;
            this.scheduler = scheduler;
            this.latenciesMs = latenciesMs;
        }

        void start() {
            policy.callStarted();
            startAttempt(0);
        }

        private void startAttempt(int attempt) {
            long startedAt = scheduler.nanoTime();
            pending.add(scheduler.schedule(Duration.ofMillis(latenciesMs[attempt]),
                    () -> finished(attempt, scheduler.nanoTime() - startedAt)));
            if (policy.mayStartHedge(hedges)) {
                hedgeTimer = scheduler.schedule(policy.hedgeDelay(), this::hedgeDue);
            }
        }

        private void hedgeDue() {
            hedges++;
            policy.hedgeStarted();
            startAttempt(hedges);
        }

        private void finished(int attempt, long latencyNanos) {
            policy.recordLatency(latencyNanos);
            winner = attempt;
            finishedAtNanos = scheduler.nanoTime();
            if (attempt > 0) {
                policy.hedgeWon();
            }
            if (hedgeTimer != null) {
                hedgeTimer.cancel();
            }
            for (Cancellable other : pending) {
                if (other.cancel()) {
                    policy.attemptCancelled();
                }
            }
        }
    }

    @Test
    void hedgedCall_slowPrimary_hedgeWinsAndPrimaryIsCancelled() {
        ManualScheduler scheduler = new ManualScheduler();
        HedgePolicy policy = HedgePolicy.fixedDelay(2, Duration.ofMillis(30));
        ScriptedHedgedCall call = new ScriptedHedgedCall(policy, scheduler, 100, 20);

        call.start();
        scheduler.runUntilIdle();

        assertThat(call.winner).isEqualTo(1);
        assertThat(call.finishedAtNanos).as("hedge started at 30 ms, took 20 ms").isEqualTo(50_000_000L);
        assertThat(policy.stats()).isEqualTo(new HedgeStats(1, 1, 1, 1));
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void hedgedCall_fastPrimary_startsNoHedge() {
        ManualScheduler scheduler = new ManualScheduler();
        HedgePolicy policy = HedgePolicy.fixedDelay(2, Duration.ofMillis(30));
        ScriptedHedgedCall call = new ScriptedHedgedCall(policy, scheduler, 10);

        call.start();
        scheduler.runUntilIdle();

        assertThat(call.winner).isZero();
        assertThat(call.finishedAtNanos).isEqualTo(10_000_000L);
        assertThat(policy.stats()).isEqualTo(new HedgeStats(1, 0, 0, 0));
    }

    @Test
    void hedgedCall_twoSlowAttempts_secondHedgeWinsAndBothOthersAreCancelled() {
        ManualScheduler scheduler = new ManualScheduler();
        HedgePolicy policy = HedgePolicy.fixedDelay(2, Duration.ofMillis(30));
        ScriptedHedgedCall call = new ScriptedHedgedCall(policy, scheduler, 100, 100, 5);

        call.start();
        scheduler.runUntilIdle();

        assertThat(call.winner).isEqualTo(2);
        assertThat(call.finishedAtNanos).as("hedges at 30 and 60 ms, the second took 5 ms").isEqualTo(65_000_000L);
        assertThat(policy.stats()).isEqualTo(new HedgeStats(1, 2, 1, 2));
    }

    @Test
    void hedgedCalls_percentileDelay_learnsFromEarlierCalls() {
        ManualScheduler scheduler = new ManualScheduler();
        HedgePolicy policy = HedgePolicy.builder().maxHedges(1)
                .percentileDelay(50, Duration.ofMillis(500)).window(10).minSamples(3).recomputeEvery(1).build();
        for (int i = 0; i < 3; i++) {
            new ScriptedHedgedCall(policy, scheduler, 40).start();
            scheduler.runUntilIdle();
        }
        assertThat(policy.hedgeDelay()).isEqualTo(Duration.ofMillis(40));

        ScriptedHedgedCall slow = new ScriptedHedgedCall(policy, scheduler, 1000, 40);
        long start = scheduler.nanoTime();
        slow.start();
        scheduler.runUntilIdle();

        assertThat(slow.winner).isEqualTo(1);
        assertThat(slow.finishedAtNanos - start).as("hedge after p50 = 40 ms, then 40 ms").isEqualTo(80_000_000L);
    }
}
