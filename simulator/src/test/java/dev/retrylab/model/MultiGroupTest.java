package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiGroupTest {

    private static final long MS = 1_000_000L;

    @Test
    void twoGroupsOnSharedAndSeparateServices_eachGetsItsOwnResponses() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem system = SimulatedSystem.builder(9L, 0L)
                .service(ServiceConfig.queue("db", 4, DurationDistribution.exponential(Duration.ofMillis(2))))
                .service(ServiceConfig.queue("model", 2, DurationDistribution.exponential(Duration.ofMillis(5))))
                .clients(new ClientConfig("web", 10, "db", new Workload.Burst(0, 100 * MS), 60_000 * MS, 0L),
                        clock -> ClientStrategy.of("once", RetryPolicy.builder().maxAttempts(1).build()))
                .clients(new ClientConfig("agents", 30, "model", new Workload.ClosedLoop(MS, 4, 10 * MS),
                        60_000 * MS, 0L), clock -> ClientStrategy.of("once", RetryPolicy.builder().maxAttempts(1).build()))
                .recorder(tally)
                .build();
        system.runUntil(60_000 * MS);
        assertThat(tally.requests).isEqualTo(10 + 30 * 4);
        assertThat(tally.successes).isEqualTo(tally.requests);
        assertThat(system.services().get("db").served()).isEqualTo(10);
        assertThat(system.services().get("model").served()).isEqualTo(120);
        assertThat(system.inFlight()).isZero();
    }

    @Test
    void partialFailure_hitsTheSameShareOfClientsEveryTime() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem system = SimulatedSystem.builder(9L, 0L)
                .service(ServiceConfig.queue("api", 8, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(new ClientConfig("agents", 100, "api", new Workload.ClosedLoop(MS, 10, 0L), 60_000 * MS, 0L),
                        clock -> ClientStrategy.of("once", RetryPolicy.builder().maxAttempts(1).build()))
                .faults(List.of(new Fault.PartialFailure("api", Fault.ALL_REPLICAS, 0, 3_600_000 * MS, 0.25,
                        FailureKind.AUTHORIZATION)))
                .recorder(tally)
                .build();
        system.runUntil(60_000 * MS);
        // 25 of the 100 clients fail every one of their 10 requests
        assertThat(tally.failures).isEqualTo(250);
        assertThat(tally.successes).isEqualTo(750);
    }
}
