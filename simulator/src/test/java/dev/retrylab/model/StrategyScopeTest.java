package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A breaker shared by a group opens for everyone; a breaker per client only for failing clients. */
class StrategyScopeTest {

    private static final long MS = 1_000_000L;

    private static RunTally run(StrategyFactory factory) {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem.builder(17L, 0L)
                .service(ServiceConfig.queue("api", 100, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(new ClientConfig("agents", 100, "api", new Workload.ClosedLoop(10 * MS, 20, 0L),
                        60_000 * MS, 0L), factory)
                .faults(List.of(new Fault.PartialFailure("api", Fault.ALL_REPLICAS, 0, 3_600_000 * MS, 0.6,
                        FailureKind.UNAVAILABLE)))
                .recorder(tally)
                .build()
                .runUntil(600_000 * MS);
        return tally;
    }

    private static ClientStrategy withBreaker(dev.retrylab.time.Clock clock) {
        return new ClientStrategy("breaker", RetryPolicy.builder().maxAttempts(1).build(), null,
                new CircuitBreaker(CircuitBreakerConfig.builder().consecutiveFailureThreshold(3)
                        .openDuration(Duration.ofHours(1)).build(), clock), null);
    }

    @Test
    void breakerPerClient_stopsOnlyTheFailingClients() {
        RunTally perClient = run(StrategyFactory.perClient(StrategyScopeTest::withBreaker));
        // the 40 healthy clients make all 20 of their requests successfully
        assertThat(perClient.successes).isEqualTo(40 * 20);
        // each of the 60 failing clients fails 3 times, then its own breaker refuses the other 17
        assertThat(perClient.giveUps.get(GiveUpReason.CIRCUIT_OPEN)).isEqualTo(60L * 17);
    }

    @Test
    void breakerSharedByTheGroup_opensForHealthyClientsToo() {
        RunTally shared = run(StrategyScopeTest::withBreaker);
        assertThat(shared.successes).isLessThan(40 * 20);
        assertThat(shared.giveUps.get(GiveUpReason.CIRCUIT_OPEN)).isGreaterThan(60L * 17);
    }
}
