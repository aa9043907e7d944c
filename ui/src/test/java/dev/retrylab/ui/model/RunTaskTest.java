package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.retrylab.chart.SweepResults;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.Scenario;
import dev.retrylab.sweep.SweepGrid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunTaskTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Scenario scenario = RunSettingsTest.parse(TinyScenario.TEXT);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void start_validScenario_succeedsOnAnotherThreadWithTheRunnersResult() throws Exception {
        List<String> threads = new ArrayList<>();
        List<Integer> finished = new ArrayList<>();
        RunTask<?> task = RunTask.run(scenario, 1);

        RunOutcome<?> outcome = task.start(executor, (done, total) -> {
            threads.add(Thread.currentThread().getName());
            finished.add(done);
        }).get(60, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(RunOutcome.Succeeded.class);
        var result = (dev.retrylab.model.ScenarioResult) ((RunOutcome.Succeeded<?>) outcome).result();
        var expected = ReplicationRunner.run(scenario, 2, 1, RunProgress.NONE);
        assertThat(result.strategies()).isEqualTo(expected.strategies());
        assertThat(finished).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void cancel_atTheFirstProgress_endsCancelledWithoutRunningTheRest() throws Exception {
        List<Integer> finished = new ArrayList<>();
        RunTask<?> task = RunTask.run(scenario, 1);

        RunOutcome<?> outcome = task.start(executor, (done, total) -> {
            finished.add(done);
            task.cancel();
        }).get(60, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(finished).containsExactly(1);
    }

    @Test
    void cancel_whileALongRunIsUnderWay_endsCancelledWithoutWaitingForIt() throws Exception {
        String once = TinyScenario.TEXT.replace("replications: 2", "replications: 1");
        Scenario quick = RunSettingsTest.parse(once);
        // the tiny scenario for a million seconds: hours of running unless it is cancelled
        Scenario endless = RunSettingsTest.parse(once.replace("duration: 5s", "duration: 1000000s\ninterval: 1000s")
                .replace("start: 2s, end: 3s", "start: 2000s, end: 2001s"));
        CountDownLatch quickDone = new CountDownLatch(quick.strategies().size());
        RunTask<?> task = RunTask.sweep(new SweepPlan(SweepGrid.parse(List.of("duration=5s,1000000s")),
                List.of(quick, endless)), 1);

        // the bound only guards against a hang; a cancelled run stops within milliseconds
        RunOutcome<?> outcome = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            CompletableFuture<? extends RunOutcome<?>> running = task.start(executor,
                    (done, total) -> quickDone.countDown());
            quickDone.await();
            task.cancel();
            return running.get();
        });

        assertThat(outcome).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(executor.submit(() -> Thread.currentThread().isInterrupted()).get())
                .as("the executor's thread is left uninterrupted for its next task").isFalse();
    }

    @Test
    void cancel_beforeStart_endsCancelledWithoutRunning() throws Exception {
        List<Integer> finished = new ArrayList<>();
        RunTask<?> task = RunTask.run(scenario, 1);

        task.cancel();
        RunOutcome<?> outcome = task.start(executor, (done, total) -> finished.add(done)).get(60, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(finished).isEmpty();
    }

    @Test
    void start_progressListenerFails_readableFailureNotAnException() throws Exception {
        RunTask<?> task = RunTask.run(scenario, 1);

        RunOutcome<?> outcome = task.start(executor, (done, total) -> {
            throw new IllegalStateException("disk full\n\tat somewhere");
        }).get(60, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(new RunOutcome.Failed<>("the run of tiny failed: disk full"));
    }

    @Test
    void sweep_twoParameters_oneResultPerPointWithItsValuesInGridOrder() throws Exception {
        ScenarioDocument document = new ScenarioDocument();
        document.edit(TinyScenario.TEXT);
        RunSettings settings = new RunSettings();
        settings.adopt(scenario);
        settings.replications(1);
        SweepPlan plan = SweepPlan.of(document, settings,
                List.of("clients.agents.count=10,20", "services.api.workers=2,3"));

        RunOutcome<?> outcome = RunTask.sweep(plan, 1).start(executor, (done, total) -> { }).get(60, TimeUnit.SECONDS);

        SweepResults sweep = (SweepResults) ((RunOutcome.Succeeded<?>) outcome).result();
        assertThat(sweep.parameters()).containsExactly("clients.agents.count", "services.api.workers");
        assertThat(sweep.values()).containsExactly(List.of("10", "2"), List.of("10", "3"), List.of("20", "2"),
                List.of("20", "3"));
        assertThat(sweep.results()).extracting(r -> r.scenario().clients().get(0).count() + "/"
                + r.scenario().services().get(0).workers()).containsExactly("10/2", "10/3", "20/2", "20/3");
    }
}
