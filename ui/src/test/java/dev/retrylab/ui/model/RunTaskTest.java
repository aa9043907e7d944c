package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.chart.SweepResults;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.Scenario;
import java.util.ArrayList;
import java.util.List;
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
