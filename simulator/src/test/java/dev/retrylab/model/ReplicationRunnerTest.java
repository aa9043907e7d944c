package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.retrylab.metrics.IntervalCsv;
import dev.retrylab.metrics.ReplicatedSummary;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import dev.retrylab.scenario.ScenarioOverride;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicationRunnerTest {

    /** Only against a hang: an interrupted run stops within milliseconds, an endless one takes hours. */
    private static final Duration GUARD = Duration.ofMinutes(1);

    /** An open-loop load with a stall: requests depend only on the arrivals, not on the strategy. */
    private static final String STALL = String.join("\n",
            "seed: 11",
            "replications: 4",
            "duration: 10s",
            "services:",
            "  api: {workers: 4, serviceTime: {exponential: 10ms}}",
            "clients:",
            "  users: {count: 50, target: api, workload: {open: 200/s}, timeout: 100ms}",
            "faults:",
            "  - {type: outage, service: api, start: 3s, end: 4s, mode: hang}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  immediate: {maxAttempts: 3, backoff: none}",
            "");

    private static Scenario stall() throws ScenarioException {
        return ScenarioLoader.parse("stall.yaml", STALL);
    }

    @Test
    void run_scenarioReplications_givesThatManyRunsPerStrategyInScenarioOrder() throws ScenarioException {
        ScenarioResult result = ReplicationRunner.run(stall(), 1, RunProgress.NONE);

        assertThat(result.replications()).isEqualTo(4);
        assertThat(result.strategyNames()).containsExactly("no-retry", "immediate");
        assertThat(result.series()).containsOnlyKeys("no-retry", "immediate");
    }

    @Test
    void run_replications_differFromEachOther() throws ScenarioException {
        ScenarioResult result = ReplicationRunner.run(stall(), 1, RunProgress.NONE);

        for (ReplicatedSummary strategy : result.strategies()) {
            Set<Long> requests = new HashSet<>();
            for (RunSummary run : strategy.runs()) {
                requests.add(run.requests());
            }
            // Poisson arrivals of mean 2000: four equal counts would mean the seeds were not varied
            assertThat(requests).as(strategy.name()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void run_sameReplication_meetsTheSameArrivalsWhateverTheStrategy() throws ScenarioException {
        ScenarioResult result = ReplicationRunner.run(stall(), 1, RunProgress.NONE);
        ReplicatedSummary noRetry = result.strategy("no-retry");
        ReplicatedSummary immediate = result.strategy("immediate");

        for (int r = 0; r < result.replications(); r++) {
            assertThat(immediate.runs().get(r).requests()).as("replication " + r)
                    .isEqualTo(noRetry.runs().get(r).requests());
            assertThat(immediate.runs().get(r).attempts()).as("retries make more attempts, replication " + r)
                    .isGreaterThan(noRetry.runs().get(r).attempts());
        }
    }

    @Test
    void run_oneOrSeveralThreads_givesIdenticalResults() throws ScenarioException, IOException {
        Scenario scenario = stall();

        ScenarioResult one = ReplicationRunner.run(scenario, 1, RunProgress.NONE);
        ScenarioResult three = ReplicationRunner.run(scenario, 3, RunProgress.NONE);

        assertThat(three.strategies()).isEqualTo(one.strategies());
        assertThat(three.eventsProcessed()).isEqualTo(one.eventsProcessed());
        StringBuilder oneCsv = new StringBuilder();
        StringBuilder threeCsv = new StringBuilder();
        IntervalCsv.write(oneCsv, one.series());
        IntervalCsv.write(threeCsv, three.series());
        assertThat(threeCsv.toString()).isEqualTo(oneCsv.toString());
    }

    @Test
    void run_replicationZero_isTheRunASingleReplicationGives() throws ScenarioException {
        Scenario scenario = stall();

        ScenarioResult four = ReplicationRunner.run(scenario, 2, RunProgress.NONE);
        ScenarioResult single = ReplicationRunner.run(scenario, 1, 2, RunProgress.NONE);

        assertThat(single.strategy("immediate").runs()).containsExactly(four.strategy("immediate").first());
    }

    @Test
    void run_progress_hearsEveryRunOnTheCallingThread() throws ScenarioException {
        List<Integer> finished = new ArrayList<>();
        Set<Thread> threads = new HashSet<>();

        ReplicationRunner.run(stall(), 3, 2, (done, total) -> {
            assertThat(total).isEqualTo(6);
            finished.add(done);
            threads.add(Thread.currentThread());
        });

        assertThat(finished).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void run_badReplicationsOrThreads_throws() throws ScenarioException {
        Scenario scenario = stall();
        assertThatThrownBy(() -> ReplicationRunner.run(scenario, 0, 1, RunProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replications");
        assertThatThrownBy(() -> ReplicationRunner.run(scenario, 1001, 1, RunProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replications");
        assertThatThrownBy(() -> ReplicationRunner.run(scenario, 0, RunProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    @Test
    void runAll_severalScenariosOnOnePool_giveWhatEachGivesAloneInTheirOrder() throws ScenarioException {
        Scenario longer = ScenarioLoader.parse("stall.yaml", STALL,
                List.of(new ScenarioOverride("replications", "2"),
                        new ScenarioOverride("faults.0.end", "6s")));
        List<Integer> finished = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();

        List<ScenarioResult> together = ReplicationRunner.runAll(List.of(stall(), longer), 3, false,
                (done, total) -> {
                    finished.add(done);
                    totals.add(total);
                });

        assertThat(together).hasSize(2);
        assertThat(together.get(0).strategies()).isEqualTo(ReplicationRunner.run(stall(), 1, RunProgress.NONE)
                .strategies());
        assertThat(together.get(1).strategies()).isEqualTo(ReplicationRunner.run(longer, 1, RunProgress.NONE)
                .strategies());
        assertThat(together.get(1).replications()).isEqualTo(2);
        assertThat(finished).as("2 x 4 + 2 x 2 runs, counted in order").hasSize(12).isSorted().endsWith(12);
        assertThat(totals).containsOnly(12);
        assertThat(together.get(0).series()).as("not kept for a sweep").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void runAll_callerInterruptedMidRun_throwsCancellationOnceNoRunIsBusy(int threads) throws Exception {
        Scenario endless = endless();
        AtomicInteger busy = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(threads);
        ReplicationRunner.StrategyRunner watched = (scenario, strategy, replication) -> {
            busy.incrementAndGet();
            started.countDown();
            try {
                return ScenarioRunner.run(scenario, strategy, replication);
            } finally {
                busy.decrementAndGet();
            }
        };
        Ended ended = new Ended();
        Thread caller = caller(() -> ReplicationRunner.runAll(List.of(endless), threads, true, RunProgress.NONE,
                watched), busy, ended);

        assertTimeoutPreemptively(GUARD, () -> {
            caller.start();
            started.await();
            caller.interrupt();
            caller.join();
        });

        assertThat(ended.thrown).isInstanceOf(CancellationException.class);
        assertThat(ended.interrupted).as("the interrupt status stays set").isTrue();
        assertThat(ended.busy).as("runs still going when runAll threw").isZero();
    }

    @Test
    void runAll_oneRunFails_throwsItOnceTheOtherRunHasStopped() throws Exception {
        Scenario endless = endless();
        AtomicInteger busy = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        ReplicationRunner.StrategyRunner failOne = (scenario, strategy, replication) -> {
            if (strategy.equals("no-retry")) {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("disk full");
            }
            busy.incrementAndGet();
            started.countDown();
            try {
                return ScenarioRunner.run(scenario, strategy, replication);
            } finally {
                busy.decrementAndGet();
            }
        };
        Ended ended = new Ended();
        Thread caller = caller(() -> ReplicationRunner.runAll(List.of(endless), 2, true, RunProgress.NONE,
                failOne), busy, ended);

        assertTimeoutPreemptively(GUARD, () -> {
            caller.start();
            caller.join();
        });

        assertThat(ended.thrown).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(ended.busy).as("runs still going when runAll threw").isZero();
    }

    /** 200 requests a second for a million seconds: hours of running unless it is cancelled. */
    private static Scenario endless() throws ScenarioException {
        return ScenarioLoader.parse("endless.yaml", String.join("\n",
                "duration: 1000000s",
                "interval: 1000s",
                "services:",
                "  api: {workers: 4, serviceTime: {exponential: 10ms}}",
                "clients:",
                "  users: {count: 50, target: api, workload: {open: 200/s}, timeout: 100ms}",
                "strategies:",
                "  no-retry: {maxAttempts: 1}",
                "  immediate: {maxAttempts: 3, backoff: none}",
                ""));
    }

    /** How a call of runAll on another thread ended, read by the test once that thread has ended. */
    private static final class Ended {
        volatile Throwable thrown;
        volatile boolean interrupted;
        volatile int busy = -1;
    }

    /** A daemon thread that makes {@code call} and notes in {@code ended} how it ended. */
    private static Thread caller(Runnable call, AtomicInteger busy, Ended ended) {
        Thread caller = new Thread(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                ended.thrown = e;
                ended.interrupted = Thread.currentThread().isInterrupted();
            }
            ended.busy = busy.get();
        }, "runAll caller");
        caller.setDaemon(true);
        return caller;
    }
}
