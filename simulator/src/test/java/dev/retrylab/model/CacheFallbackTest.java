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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request that fails for good is answered from its client's cache while a success is fresh. */
class CacheFallbackTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    private static RetryPolicy once() {
        return RetryPolicy.builder().maxAttempts(1).build();
    }

    /**
     * One client asking every second from 0 s to 29 s, each answer 1 ms later; from 10 s to 20 s
     * the service answers 503 at once. The last success before the outage arrives at 9.001 s.
     */
    private static FeatureTally outage(StrategyFactory strategy) {
        FeatureTally tally = new FeatureTally(1);
        SimulatedSystem system = SimulatedSystem.builder(2L, 0L)
                .service(ServiceConfig.queue("api", 1, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(new ClientConfig("user", 1, "api", new Workload.Periodic(SECOND, true), SECOND, 0L), strategy)
                .faults(List.of(new Fault.Outage("api", Fault.ALL_REPLICAS, 10 * SECOND, 20 * SECOND,
                        Fault.OutageMode.ERROR)))
                .recorder(tally)
                .build();
        system.runUntil(29_500 * MS);
        tally.assertConserved(system);
        return tally;
    }

    private static StrategyFactory cached(long ttlNanos) {
        return clock -> ClientStrategy.of("cached", once()).withCacheFallback(ttlNanos);
    }

    @Test
    void fallback_answersAFailureOnlyWhileTheLatestSuccessIsAtMostTtlOld() {
        // the failures at 10, 11 and 12 s come 0.999, 1.999 and 2.999 s after the last success
        FeatureTally tally = outage(cached(2_999 * MS));
        assertThat(tally.fallbackTimes).containsExactly(10 * SECOND, 11 * SECOND, 12 * SECOND);
        assertThat(tally.failures).as("a fallback is still a failed request").isEqualTo(10);
        assertThat(tally.successes).isEqualTo(20);
        assertThat(outage(cached(2_999 * MS - 1)).fallbackTimes).containsExactly(10 * SECOND, 11 * SECOND);
    }

    @Test
    void fallback_answersLocalRefusalsToo() {
        // the breaker opens after the failures at 10 and 11 s and refuses every later request; the
        // cache answers until 14 s, 4.999 s after the last success
        StrategyFactory breaker = clock -> new ClientStrategy("breaker", once(), null,
                new CircuitBreaker(CircuitBreakerConfig.builder().consecutiveFailureThreshold(2)
                        .openDuration(Duration.ofHours(1)).build(), clock), null).withCacheFallback(5 * SECOND);
        FeatureTally tally = outage(breaker);
        assertThat(tally.giveUps(GiveUpReason.CIRCUIT_OPEN)).isEqualTo(18);
        assertThat(tally.fallbackTimes).containsExactly(10 * SECOND, 11 * SECOND, 12 * SECOND, 13 * SECOND,
                14 * SECOND);
    }

    /** 5 clients, 40 requests each, to db and api; db fails with {@code dbFailures}, api never. */
    private static FeatureTally twoServices(double dbFailures, FailureKind kind) {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("db", 0.5);
        shares.put("api", 0.5);
        FeatureTally tally = new FeatureTally(2);
        SimulatedSystem system = SimulatedSystem.builder(9L, 0L)
                .service(ServiceConfig.queue("db", 100, DurationDistribution.constant(Duration.ofMillis(2)))
                        .withFailures(dbFailures, kind))
                .service(ServiceConfig.queue("api", 100, DurationDistribution.constant(Duration.ofMillis(2))))
                .clients(new ClientConfig("agents", 5, "db", new Workload.ClosedLoop(MS, 40, 0L), SECOND, 0L)
                        .withTargets(shares), cached(3_600 * SECOND))
                .recorder(tally)
                .build();
        system.runUntil(600 * SECOND);
        assertThat(system.inFlight()).isZero();
        tally.assertConserved(system);
        return tally;
    }

    @Test
    void fallback_needsASuccessFromTheSameService() {
        FeatureTally neverServed = twoServices(1.0, FailureKind.UNAVAILABLE);
        assertThat(neverServed.failures).isEqualTo(neverServed.requestsPerService[0]);
        assertThat(neverServed.successes).isPositive();
        assertThat(neverServed.fallbackTimes).as("db never answered: nothing cached for it").isEmpty();

        FeatureTally sometimes = twoServices(0.5, FailureKind.UNAVAILABLE);
        assertThat(sometimes.fallbackTimes).isNotEmpty().hasSizeLessThanOrEqualTo((int) sometimes.failures);
    }

    @Test
    void fallback_neverHidesTheCallersOwnMistakes() {
        FeatureTally invalid = twoServices(0.5, FailureKind.INVALID_INPUT);
        assertThat(invalid.failures).isPositive();
        assertThat(invalid.fallbackTimes).isEmpty();
    }
}
