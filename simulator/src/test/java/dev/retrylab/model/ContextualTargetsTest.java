package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client group calling several services: targets by share, and strategy objects per target. */
class ContextualTargetsTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    private static ServiceConfig fast(String name) {
        return ServiceConfig.queue(name, 1_000, DurationDistribution.constant(Duration.ofMillis(1)));
    }

    private static Map<String, Double> shares(Object... serviceAndShare) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < serviceAndShare.length; i += 2) {
            shares.put((String) serviceAndShare[i], (Double) serviceAndShare[i + 1]);
        }
        return shares;
    }

    private static StrategyFactory attempts(int maxAttempts) {
        return clock -> ClientStrategy.of("a" + maxAttempts, RetryPolicy.builder().maxAttempts(maxAttempts)
                .backoff(Backoff.none()).build());
    }

    @Test
    void targetShares_frequenciesMatchTheSharesWithinABinomialBound() {
        FeatureTally tally = new FeatureTally(3);
        SimulatedSystem system = SimulatedSystem.builder(5L, 0L)
                .service(fast("db")).service(fast("api")).service(fast("model"))
                .clients(new ClientConfig("agents", 1_000, "db", new Workload.OpenLoop(2_000), SECOND, 0L)
                        .withTargets(shares("db", 0.5, "api", 0.3, "model", 0.2)), attempts(1))
                .recorder(tally)
                .build();
        system.runUntil(20 * SECOND);

        long n = tally.requests;
        assertThat(n).isGreaterThan(30_000);
        double[] p = {0.5, 0.3, 0.2};
        for (int service = 0; service < 3; service++) {
            double mean = n * p[service];
            double sd = Math.sqrt(n * p[service] * (1 - p[service]));
            // four standard deviations of the binomial count: exceeded by chance about once in 16,000
            assertThat((double) tally.requestsPerService[service]).as("service %d", service)
                    .isBetween(mean - 4 * sd, mean + 4 * sd);
        }
        assertThat(system.services().get("model").arrived()).isBetween(tally.requestsPerService[2] - 10,
                tally.requestsPerService[2]);
        tally.assertConserved(system);
    }

    /** 50 clients, 20 requests each in closed loops against two services that fail half the time. */
    private static FeatureTally closedLoops(StrategyFactory strategy) {
        FeatureTally tally = new FeatureTally(2);
        SimulatedSystem system = SimulatedSystem.builder(8L, 0L)
                .service(fast("db").withFailures(0.5, FailureKind.UNAVAILABLE))
                .service(ServiceConfig.queue("api", 1_000, DurationDistribution.exponential(Duration.ofMillis(5)))
                        .withFailures(0.5, FailureKind.UNAVAILABLE))
                .clients(new ClientConfig("agents", 50, "db", new Workload.ClosedLoop(0L, 20, 10 * MS), SECOND, 0L)
                        .withTargets(shares("db", 0.6, "api", 0.4)), strategy)
                .recorder(tally)
                .build();
        system.runUntil(3_600 * SECOND);
        assertThat(system.inFlight()).isZero();
        tally.assertConserved(system);
        return tally;
    }

    @Test
    void targetSequence_isTheSameForEveryClientWhateverTheStrategy() {
        FeatureTally once = closedLoops(attempts(1));
        FeatureTally retrying = closedLoops(clock -> ClientStrategy.of("retrying", RetryPolicy.builder()
                .maxAttempts(4).backoff(Backoff.constant(Duration.ofMillis(3))).build()));

        // the strategies interleave the clients' requests differently ...
        assertThat(retrying.startingClients).isNotEqualTo(once.startingClients);
        // ... yet each client's n-th request calls the same service under both
        assertThat(retrying.servicesByClient).hasSize(50).isEqualTo(once.servicesByClient);
        assertThat(once.servicesByClient.values()).allSatisfy(services -> assertThat(services).hasSize(20));
    }

    @Test
    void breakerPerTarget_openForOneServiceDoesNotRefuseCallsToAnother() {
        FeatureTally tally = new FeatureTally(2);
        StrategyFactory breaker = clock -> new ClientStrategy("breaker", RetryPolicy.builder().maxAttempts(1).build(),
                null, new CircuitBreaker(CircuitBreakerConfig.builder().consecutiveFailureThreshold(3)
                        .openDuration(Duration.ofHours(1)).build(), clock), null);
        SimulatedSystem system = SimulatedSystem.builder(3L, 0L)
                .service(fast("db").withFailures(1.0, FailureKind.UNAVAILABLE))
                .service(fast("api"))
                .clients(new ClientConfig("agent", 1, "db", new Workload.ClosedLoop(MS, 100, 0L), SECOND, 0L)
                        .withTargets(shares("db", 0.5, "api", 0.5)), breaker)
                .recorder(tally)
                .build();
        system.runUntil(600 * SECOND);

        long dbRequests = tally.requestsPerService[0];
        long apiRequests = tally.requestsPerService[1];
        assertThat(dbRequests + apiRequests).isEqualTo(100);
        assertThat(dbRequests).isGreaterThan(3);
        // the group's db breaker opens after 3 failures and refuses every later db request ...
        assertThat(tally.giveUps(GiveUpReason.CIRCUIT_OPEN)).isEqualTo(dbRequests - 3);
        assertThat(system.services().get("db").arrived()).isEqualTo(3);
        // ... while every api request goes through its own, closed breaker
        assertThat(tally.successes).isEqualTo(apiRequests);
        tally.assertConserved(system);
    }

    @Test
    void perTargetStrategy_eachServiceRunsItsOwnAndTheOthersTheBase() {
        FeatureTally tally = new FeatureTally(3);
        StrategyFactory contextual = StrategyFactory.perTarget(attempts(1), Map.of("db", attempts(3),
                "model", attempts(5)));
        SimulatedSystem system = SimulatedSystem.builder(4L, 0L)
                .service(fast("db").withFailures(1.0, FailureKind.UNAVAILABLE))
                .service(fast("api").withFailures(1.0, FailureKind.UNAVAILABLE))
                .service(fast("model").withFailures(1.0, FailureKind.UNAVAILABLE))
                .clients(new ClientConfig("agents", 20, "db", new Workload.ClosedLoop(MS, 30, 0L), SECOND, 0L)
                        .withTargets(shares("db", 0.3, "api", 0.3, "model", 0.4)), contextual)
                .recorder(tally)
                .build();
        system.runUntil(600 * SECOND);

        assertThat(system.inFlight()).isZero();
        assertThat(system.services().get("db").arrived()).isEqualTo(3 * tally.requestsPerService[0]);
        assertThat(system.services().get("api").arrived()).isEqualTo(tally.requestsPerService[1]);
        assertThat(system.services().get("model").arrived()).isEqualTo(5 * tally.requestsPerService[2]);
        assertThat(tally.failures).isEqualTo(600);
        tally.assertConserved(system);
    }

    @Test
    void hedgingForOneTarget_onlyItsRequestsHedge() {
        FeatureTally tally = new FeatureTally(2);
        StrategyFactory hedgedSlow = StrategyFactory.perTarget(attempts(1), Map.of("slow", clock ->
                new ClientStrategy("hedged", RetryPolicy.builder().maxAttempts(1).build(), null, null, null,
                        HedgePolicy.fixedDelay(1, Duration.ofMillis(10)))));
        ServiceConfig slow = ServiceConfig.queue("slow", 1_000, DurationDistribution.constant(Duration.ofMillis(50)));
        SimulatedSystem system = SimulatedSystem.builder(6L, 0L)
                .service(slow)
                .service(ServiceConfig.queue("plain", 1_000, DurationDistribution.constant(Duration.ofMillis(50))))
                .clients(new ClientConfig("agents", 10, "slow", new Workload.ClosedLoop(MS, 20, 0L), SECOND, 0L)
                        .withTargets(shares("slow", 0.5, "plain", 0.5)), hedgedSlow)
                .recorder(tally)
                .build();
        system.runUntil(600 * SECOND);

        // every request to the slow service is still waiting after 10 ms: one hedge each; none elsewhere
        assertThat(tally.hedges).isEqualTo(tally.requestsPerService[0]);
        assertThat(system.services().get("slow").arrived()).isEqualTo(2 * tally.requestsPerService[0]);
        assertThat(system.services().get("plain").arrived()).isEqualTo(tally.requestsPerService[1]);
        assertThat(tally.successes).isEqualTo(200);
        tally.assertConserved(system);
    }

    @Test
    void strategyFactory_perClientKeepsTheTargetsOwnFactories() {
        StrategyFactory contextual = StrategyFactory.perClient(StrategyFactory.perTarget(attempts(1),
                Map.of("db", attempts(3))));
        assertThat(contextual.perClient()).isTrue();
        assertThat(contextual.forTarget("db").create(() -> 0L).name()).isEqualTo("a3");
        assertThat(contextual.forTarget("api").create(() -> 0L).name()).isEqualTo("a1");
        assertThat(List.of(contextual.create(() -> 0L).name())).containsExactly("a1");
    }
}
