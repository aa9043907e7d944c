package dev.retrylab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.execution.AsyncAttempt;
import dev.retrylab.execution.AsyncExecutor;
import dev.retrylab.execution.Pipeline;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.Cancellable;
import dev.retrylab.time.Clock;
import dev.retrylab.time.Scheduler;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The simulation as the {@link Clock} and {@link Scheduler} that the strategy library runs on. */
class SimulationSchedulerTest {

    private static final long MS = 1_000_000L;

    private final Simulation simulation = new Simulation();
    private final List<String> ran = new ArrayList<>();

    @Test
    void scheduleDuration_tasks_runAtTheirVirtualTimesOnTheClock() {
        Scheduler scheduler = simulation;
        Clock clock = scheduler.clock();
        scheduler.schedule(Duration.ofMillis(30), () -> ran.add("b@" + clock.nanoTime() / MS));
        scheduler.schedule(Duration.ofMillis(10), () -> ran.add("a@" + clock.nanoTime() / MS));

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("a@10", "b@30");
        assertThat(clock.nanoTime()).isEqualTo(30 * MS);
    }

    @Test
    void scheduleDuration_mixedWithPrimitiveEventsAtTheSameTime_runsInSchedulingOrder() {
        simulation.schedule(Duration.ofMillis(5), () -> ran.add("task1"));
        simulation.schedule(5 * MS, (kind, entity, payload) -> ran.add("event2"), 0, 0, 0L);
        simulation.schedule(Duration.ofMillis(5), () -> ran.add("task3"));

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("task1", "event2", "task3");
    }

    @Test
    void cancellable_cancelBeforeRun_preventsTheTaskAndReportsOnce() {
        Cancellable handle = simulation.schedule(Duration.ofMillis(10), () -> ran.add("cancelled"));
        simulation.schedule(Duration.ofMillis(20), () -> ran.add("kept"));

        assertThat(handle.cancel()).isTrue();
        assertThat(handle.cancel()).isFalse();
        simulation.runUntilIdle();

        assertThat(ran).containsExactly("kept");
    }

    @Test
    void cancellable_cancelAfterRun_returnsFalseAndLeavesTheSlotsNewEventAlone() {
        Cancellable first = simulation.schedule(Duration.ofMillis(1), () -> ran.add("first"));
        simulation.runUntilIdle();
        simulation.schedule(Duration.ofMillis(1), () -> ran.add("second"));

        assertThat(first.cancel()).isFalse();
        simulation.runUntilIdle();

        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void scheduleDuration_negativeOrHugeDelay_isRejectedOrSaturated() {
        assertThatThrownBy(() -> simulation.schedule(Duration.ofMillis(-1), () -> ran.add("never")))
                .isInstanceOf(IllegalArgumentException.class);
        simulation.schedule(Duration.ofDays(365L * 1_000), () -> ran.add("end of time"));

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("end of time");
        assertThat(simulation.now()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void asyncExecutor_onVirtualTime_retriesAtBackoffTimesAndCancelsAnsweredTimeouts() throws Exception {
        List<Long> starts = new ArrayList<>();
        AsyncAttempt<String> failsTwice = () -> {
            starts.add(simulation.now() / MS);
            int number = starts.size();
            CompletableFuture<String> future = new CompletableFuture<>();
            simulation.schedule(Duration.ofMillis(10), () -> {
                if (number <= 2) {
                    future.completeExceptionally(new ConnectException("refused"));
                } else {
                    future.complete("answer " + number);
                }
            });
            return future;
        };
        Pipeline pipeline = Pipeline.builder()
                .retry(RetryPolicy.builder().maxAttempts(5).backoff(Backoff.exponential(Duration.ofMillis(100), 2.0))
                        .build())
                .attemptTimeout(Duration.ofSeconds(1))
                .build();

        CompletableFuture<String> call = new AsyncExecutor(pipeline, simulation, 1L).getAsync(failsTwice);
        simulation.runUntilIdle();

        assertThat(call.get()).isEqualTo("answer 3");
        // attempt 1 at 0 fails at 10, retry after 100 -> 110, fails at 120, retry after 200 -> 320
        assertThat(starts).containsExactly(0L, 110L, 320L);
        assertThat(simulation.now()).as("every 1s timeout was cancelled by its answer").isEqualTo(330 * MS);
    }
}
