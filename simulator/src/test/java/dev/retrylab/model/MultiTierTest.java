package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-tier amplification: three layers each retrying up to three times multiply a failing
 * bottom layer's load by 3 × 3 × 3 = 27 attempts per logical request.
 */
class MultiTierTest {

    private static final long MS = 1_000_000L;

    private static StrategyFactory threeAttempts() {
        return clock -> ClientStrategy.of("three", RetryPolicy.builder().maxAttempts(3).backoff(Backoff.none()).build());
    }

    @Test
    void threeLayersRetryingThreeTimes_sendTwentySevenAttemptsToAFailingBottom() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem system = SimulatedSystem.builder(4L, 0L)
                .service(ServiceConfig.queue("frontend", 1_000, DurationDistribution.constant(Duration.ofMillis(1))))
                .service(ServiceConfig.queue("backend", 1_000, DurationDistribution.constant(Duration.ofMillis(1))))
                .service(ServiceConfig.queue("db", 1_000, DurationDistribution.constant(Duration.ofMillis(1)))
                        .withFailures(1.0, FailureKind.UNAVAILABLE))
                .call(new DownstreamCall("frontend", "backend", 60_000 * MS, threeAttempts()))
                .call(new DownstreamCall("backend", "db", 60_000 * MS, threeAttempts()))
                .clients(new ClientConfig("users", 10, "frontend", new Workload.ClosedLoop(MS, 5, 0L), 60_000 * MS, 0L),
                        threeAttempts())
                .recorder(tally)
                .build();
        system.runUntil(600_000 * MS);
        assertThat(tally.requests).isEqualTo(50);
        assertThat(tally.failures).isEqualTo(50);
        assertThat(system.services().get("frontend").arrived()).isEqualTo(50 * 3);
        assertThat(system.services().get("backend").arrived()).isEqualTo(50 * 9);
        assertThat(system.services().get("db").arrived()).isEqualTo(50 * 27);
        assertThat(system.inFlight()).isZero();
    }

    @Test
    void healthyTiers_answerEveryRequestWithOneAttemptEach() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem system = SimulatedSystem.builder(4L, 0L)
                .service(ServiceConfig.queue("api", 100, DurationDistribution.constant(Duration.ofMillis(2))))
                .service(ServiceConfig.queue("db", 100, DurationDistribution.constant(Duration.ofMillis(3))))
                .call(new DownstreamCall("api", "db", 60_000 * MS, threeAttempts()))
                .clients(new ClientConfig("users", 1, "api", new Workload.ClosedLoop(0, 1, 0L), 60_000 * MS, 0L),
                        threeAttempts())
                .recorder(tally)
                .build();
        system.runUntil(60_000 * MS);
        assertThat(tally.successes).isEqualTo(1);
        // db work (3ms) then the api's own work (2ms)
        assertThat(system.completionNanos()).isEqualTo(5 * MS);
    }

    @Test
    void callsThatLoop_areRejected() {
        assertThatThrownBy(() -> SimulatedSystem.requireNoCycle(List.of(
                new DownstreamCall("a", "b", MS, threeAttempts()), new DownstreamCall("b", "a", MS, threeAttempts()))))
                .hasMessageContaining("cycle");
    }
}
