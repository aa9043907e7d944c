package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server-side token bucket answers over-limit attempts 429 with Retry-After, per service or per client. */
class RateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    private static RunTally run(boolean perClient, double ratePerSecond) {
        RunTally tally = new RunTally(0, SECOND, 1);
        SimulatedSystem.builder(23L, 0L)
                .service(ServiceConfig.queue("model", 1_000, DurationDistribution.constant(Duration.ofMillis(1))))
                // 10 agents each asking 10 times a second: 100/s offered
                .clients(new ClientConfig("agents", 10, "model", new Workload.Periodic(SECOND / 10, false), SECOND, 0L),
                        clock -> ClientStrategy.of("once", RetryPolicy.builder().maxAttempts(1).build()))
                .faults(List.of(new Fault.RateLimit("model", Fault.ALL_REPLICAS, 0, 1_000 * SECOND, ratePerSecond,
                        SECOND, perClient)))
                .recorder(tally)
                .build()
                .runUntil(100 * SECOND);
        return tally;
    }

    @Test
    void serviceWideLimit_admitsTheLimitAndAnswersTheRest429() {
        RunTally tally = run(false, 40);
        // 100 s at 40/s admitted, plus the initial burst of 40 tokens
        assertThat(tally.successes).isBetween(3_990L, 4_050L);
        assertThat(tally.attemptFailures.get(FailureKind.RATE_LIMITED)).as("every failure is a 429")
                .isEqualTo(tally.failures);
    }

    @Test
    void perClientLimit_limitsEachClientSeparately() {
        RunTally tally = run(true, 5);
        // each client asks 10/s and may make 5/s: half succeed, for every one of the 10 clients
        assertThat(tally.successes).isBetween(4_990L, 5_100L);
        assertThat(tally.attemptFailures.get(FailureKind.RATE_LIMITED)).isBetween(4_890L, 5_010L);
    }
}
