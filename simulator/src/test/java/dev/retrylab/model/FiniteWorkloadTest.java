package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiniteWorkloadTest {

    private static final long MS = 1_000_000L;

    private static SimulatedSystem system(Workload workload, int clients, RunTally tally) {
        return SimulatedSystem.builder(5L, 0L)
                .service(ServiceConfig.queue("api", 1, DurationDistribution.constant(Duration.ofMillis(10))))
                .clients(new ClientConfig("jobs", clients, "api", workload, Duration.ofHours(1).toNanos(), 0L),
                        clock -> ClientStrategy.of("none", RetryPolicy.builder().maxAttempts(1).build()))
                .recorder(tally)
                .build();
    }

    @Test
    void closedLoopWithAFixedNumberOfRequests_reportsWhenTheLastFinished() {
        RunTally tally = new RunTally(0, 1, 1);
        // one client, 3 requests of 10ms each with 5ms of thinking between: done at 10 + 5 + 10 + 5 + 10 = 40ms
        SimulatedSystem system = system(new Workload.ClosedLoop(5 * MS, 3, 0L), 1, tally);
        system.runUntil(1_000 * MS);
        assertThat(tally.requests).isEqualTo(3);
        assertThat(system.completionNanos()).isEqualTo(40 * MS);
    }

    @Test
    void burstOnOneWorker_completesAfterEveryRequestWasServedInTurn() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem system = system(new Workload.Burst(100 * MS, 0L), 50, tally);
        system.runUntil(200 * MS);
        assertThat(system.completionNanos()).as("not finished yet").isEqualTo(-1L);
        system.runUntil(10_000 * MS);
        assertThat(system.completionNanos()).isEqualTo(100 * MS + 50 * 10 * MS);
        assertThat(tally.successes).isEqualTo(50);
    }

    @Test
    void openLoop_hasNoCompletionTime() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem system = system(new Workload.OpenLoop(10), 5, tally);
        system.runUntil(1_000 * MS);
        assertThat(system.completionNanos()).isEqualTo(-1L);
    }
}
