package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.fault.Fault;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.strategy.budget.TokenBucketRetryBudget;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases a review found: each once broke a run or miscounted. */
class ModelEdgeCasesTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    private static StrategyFactory once() {
        return clock -> ClientStrategy.of("once", RetryPolicy.builder().maxAttempts(1).build());
    }

    @Test
    void downstreamCallsRefusedAtOnce_doNotNestOnTheStack() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem.builder(1L, 0L)
                .service(ServiceConfig.queue("api", 1, DurationDistribution.constant(Duration.ofMillis(1))))
                .service(ServiceConfig.queue("db", 1, DurationDistribution.constant(Duration.ofMillis(1)))
                        .withFailures(1.0, FailureKind.UNAVAILABLE))
                .call(new DownstreamCall("api", "db", SECOND, clock -> new ClientStrategy("breaker",
                        RetryPolicy.builder().maxAttempts(1).build(), null, new CircuitBreaker(
                        CircuitBreakerConfig.builder().consecutiveFailureThreshold(1)
                                .openDuration(Duration.ofHours(1)).build(), clock), null)))
                .clients(new ClientConfig("users", 5_000, "api", new Workload.Burst(0, 0), 3_600 * SECOND, 0L), once())
                .recorder(tally)
                .build()
                .runUntil(3_600 * SECOND);
        assertThat(tally.failures).isEqualTo(5_000);
    }

    @Test
    void closedLoopWithoutThinkTimeOrLimit_isRejected() {
        assertThatThrownBy(() -> new Workload.ClosedLoop(0, 0, 0)).hasMessageContaining("positive think time");
    }

    private static RunTally outages(List<Fault> faults) {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem.builder(2L, 0L)
                .service(ServiceConfig.queue("api", 100, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(new ClientConfig("users", 10, "api", new Workload.Periodic(100 * MS, true), SECOND, 0L), once())
                .faults(faults)
                .recorder(tally)
                .build()
                .runUntil(20 * SECOND - 1);
        return tally;
    }

    @Test
    void backToBackOutages_listedInAnyOrder_coverBothWindows() {
        RunTally tally = outages(List.of(
                new Fault.Outage("api", Fault.ALL_REPLICAS, 5 * SECOND, 10 * SECOND, Fault.OutageMode.ERROR),
                new Fault.Outage("api", Fault.ALL_REPLICAS, 0, 5 * SECOND, Fault.OutageMode.ERROR)));
        // 10 clients every 100ms for 10 s of outage: 1000 failures, then 1000 successes
        assertThat(tally.failures).isEqualTo(1_000);
        assertThat(tally.successes).isEqualTo(1_000);
    }

    @Test
    void outageNestedInALongerOne_doesNotEndIt() {
        RunTally tally = outages(List.of(
                new Fault.Outage("api", Fault.ALL_REPLICAS, 0, 10 * SECOND, Fault.OutageMode.ERROR),
                new Fault.Outage("api", Fault.ALL_REPLICAS, 2 * SECOND, 3 * SECOND, Fault.OutageMode.REFUSE)));
        assertThat(tally.failures).isEqualTo(1_000);
        assertThat(tally.attemptFailures).containsEntry(FailureKind.CONNECTION, 100L)
                .containsEntry(FailureKind.UNAVAILABLE, 900L);
    }

    @Test
    void rateLimitOnEveryReplica_isOneLimitForTheService() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem.builder(3L, 0L)
                .service(new ServiceConfig("api", 3, 100, ServiceConfig.UNBOUNDED,
                        DurationDistribution.constant(Duration.ofMillis(1)), 0L, 0L, false, LoadBalancing.ROUND_ROBIN,
                        0.0, FailureKind.UNAVAILABLE))
                .clients(new ClientConfig("users", 30, "api", new Workload.Periodic(100 * MS, false), SECOND, 0L), once())
                .faults(List.of(new Fault.RateLimit("api", Fault.ALL_REPLICAS, 0, 100 * SECOND, 100, SECOND)))
                .recorder(tally)
                .build()
                .runUntil(50 * SECOND);
        // 300/s offered, 100/s admitted (plus the first second's burst of 100)
        assertThat(tally.successes).isBetween(5_000L, 5_110L);
    }

    @Test
    void hungServiceWithAFullQueue_answersNothingSoClientsTimeOut() {
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem.builder(4L, 0L)
                .service(new ServiceConfig("api", 1, 1, 5, DurationDistribution.constant(Duration.ofMillis(1)), 0L, 0L,
                        false, LoadBalancing.ROUND_ROBIN, 0.0, FailureKind.UNAVAILABLE))
                .clients(new ClientConfig("users", 50, "api", new Workload.Burst(SECOND, 0), 200 * MS, 0L), once())
                .faults(List.of(new Fault.Outage("api", Fault.ALL_REPLICAS, 0, 10 * SECOND, Fault.OutageMode.HANG)))
                .recorder(tally)
                .build()
                .runUntil(5 * SECOND);
        assertThat(tally.attemptFailures).containsOnlyKeys(FailureKind.TIMEOUT).containsEntry(FailureKind.TIMEOUT, 50L);
    }

    @Test
    void awsBudget_refundsTheTimeoutCostWhenTheRetrySucceeds() {
        TokenBucketRetryBudget[] budget = new TokenBucketRetryBudget[1];
        RunTally tally = new RunTally(0, 1, 1);
        SimulatedSystem.builder(5L, 0L)
                .service(ServiceConfig.queue("api", 10, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(new ClientConfig("users", 1, "api", new Workload.ClosedLoop(MS, 1, 0L), 100 * MS, 0L),
                        clock -> {
                            budget[0] = TokenBucketRetryBudget.awsStandard();
                            return new ClientStrategy("aws", RetryPolicy.builder().maxAttempts(3)
                                    .backoff(Backoff.none()).build(), budget[0], null, null);
                        })
                .faults(List.of(new Fault.Outage("api", Fault.ALL_REPLICAS, 0, 150 * MS, Fault.OutageMode.HANG)))
                .recorder(tally)
                .build()
                .runUntil(10 * SECOND);
        // the first attempt hangs and times out (retry costs 10), the retry succeeds (refunds 10)
        assertThat(tally.successes).isEqualTo(1);
        assertThat(tally.retries).isEqualTo(1);
        assertThat(budget[0].tokens()).isEqualTo(500.0);
    }
}
