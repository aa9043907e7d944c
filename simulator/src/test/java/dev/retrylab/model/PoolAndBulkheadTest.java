package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group's pool and a strategy's bulkhead: the limits hold, waits end by a permit, by the maximum
 * wait or by the deadline, and the attempt timeout starts when an attempt is sent. The small cases
 * use constant service times and no network delay, so their latencies follow by hand.
 */
class PoolAndBulkheadTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    private static ServiceConfig constant(String name, long millis) {
        return ServiceConfig.queue(name, 1_000, DurationDistribution.constant(Duration.ofMillis(millis)));
    }

    private static RetryPolicy once() {
        return RetryPolicy.builder().maxAttempts(1).build();
    }

    private static StrategyFactory withBulkhead(int maxConcurrent, long maxWaitNanos) {
        return clock -> ClientStrategy.of("bulkhead", once()).withBulkhead(Bulkhead.builder()
                .maxConcurrentCalls(maxConcurrent).maxQueuedCalls(maxWaitNanos > 0 ? 1_000 : 0).build(), maxWaitNanos);
    }

    /** {@code clients} clients sending one request each at time 0, in the order of their index. */
    private static ClientConfig burst(int clients, long timeoutNanos, long deadlineNanos) {
        return new ClientConfig("users", clients, "api", new Workload.Burst(0L, 0L), timeoutNanos, deadlineNanos);
    }

    private static FeatureTally run(ClientConfig clients, StrategyFactory strategy, long untilNanos,
                                    ServiceConfig service) {
        FeatureTally tally = new FeatureTally(1);
        SimulatedSystem system = SimulatedSystem.builder(12L, 0L).service(service).clients(clients, strategy)
                .recorder(tally).build();
        system.runUntil(untilNanos);
        tally.assertConserved(system);
        return tally;
    }

    /** 200 clients, 20 requests each, retrying failures (30%) against a service with room for all. */
    private static FeatureTally busyGroup(int pool, StrategyFactory strategy) {
        ClientConfig clients = new ClientConfig("users", 200, "api", new Workload.ClosedLoop(0L, 20, 10 * MS),
                SECOND, 0L);
        FeatureTally tally = run(pool == 0 ? clients : clients.withPool(pool), strategy, 3_600 * SECOND,
                ServiceConfig.queue("api", 1_000, DurationDistribution.exponential(Duration.ofMillis(10)))
                        .withFailures(0.3, FailureKind.UNAVAILABLE));
        assertThat(tally.successes + tally.failures).isEqualTo(4_000);
        return tally;
    }

    private static StrategyFactory retrying() {
        return clock -> ClientStrategy.of("retrying", RetryPolicy.builder().maxAttempts(3)
                .backoff(Backoff.constant(Duration.ofMillis(5))).build());
    }

    @Test
    void pool_outstandingAttemptsNeverExceedItsSize() {
        assertThat(busyGroup(0, retrying()).maxOutstanding).as("without a pool").isGreaterThan(100);
        FeatureTally pooled = busyGroup(10, retrying());
        assertThat(pooled.maxOutstanding).isEqualTo(10);
        assertThat(pooled.maxBusy[0]).isLessThanOrEqualTo(10);
    }

    @Test
    void pool_timeoutStartsWhenTheAttemptIsSent_andTheWaitCountsInLatency() {
        // the second attempt waits 100 ms for the slot, then takes 100 ms: inside its 150 ms timeout
        FeatureTally tally = run(burst(2, 150 * MS, 0L).withPool(1), clock -> ClientStrategy.of("once", once()),
                SECOND, constant("api", 100));
        assertThat(tally.failures).isZero();
        assertThat(tally.successLatencies).containsExactly(100 * MS, 200 * MS);
    }

    @Test
    void pool_deadlineEndsAWaitAsATimeout() {
        FeatureTally tally = run(burst(2, SECOND, 50 * MS).withPool(1), clock -> ClientStrategy.of("once", once()),
                SECOND, constant("api", 100));
        assertThat(tally.successLatencies).containsExactly(100 * MS);
        assertThat(tally.failureLatencies).containsExactly(50 * MS);
        assertThat(tally.giveUps).containsOnlyKeys(GiveUpReason.DEADLINE);
        assertThat(tally.lastKinds).containsOnlyKeys(FailureKind.TIMEOUT);
        assertThat(tally.attempts).isEqualTo(1);
    }

    @Test
    void pool_aHedgeIsSentOnlyWhenASlotIsFree() {
        StrategyFactory hedged = clock -> new ClientStrategy("hedged", once(), null, null, null,
                HedgePolicy.fixedDelay(1, Duration.ofMillis(10)));
        assertThat(run(burst(1, SECOND, 0L).withPool(1), hedged, SECOND, constant("api", 100)).hedges).isZero();
        FeatureTally roomy = run(burst(1, SECOND, 0L).withPool(2), hedged, SECOND, constant("api", 100));
        assertThat(roomy.hedges).isEqualTo(1);
        assertThat(roomy.attempts).isEqualTo(2);
    }

    @Test
    void clientPool_handsSlotsToTheOldestWaitStillGoingOn() {
        Waits waits = new Waits();
        ClientPool pool = new ClientPool(1);
        assertThat(pool.tryTake()).isTrue();
        assertThat(pool.tryTake()).isFalse();
        long first = waits.start(7);
        pool.await(7, first);
        pool.await(8, waits.start(8));
        pool.await(9, waits.start(9));
        waits.end(7, first);
        int reused = 7;
        pool.await(reused, waits.start(reused));
        // 7's first wait ended (its deadline passed): the slot passes 8, then 9, then 7's new wait
        assertThat(pool.release(waits)).isEqualTo(8);
        assertThat(pool.release(waits)).isEqualTo(9);
        assertThat(pool.release(waits)).isEqualTo(7);
        assertThat(pool.release(waits)).isEqualTo(-1);
        assertThat(pool.tryTake()).isTrue();
    }

    @Test
    void bulkhead_passesInFlightNeverExceedMaxConcurrent() {
        assertThat(busyGroup(0, retrying()).maxOutstanding).isGreaterThan(5);
        StrategyFactory bulkhead = clock -> ClientStrategy.of("retrying", RetryPolicy.builder().maxAttempts(3)
                .backoff(Backoff.constant(Duration.ofMillis(5))).build()).withBulkhead(Bulkhead.builder()
                .maxConcurrentCalls(5).maxQueuedCalls(1_000).build(), 3_600 * SECOND);
        FeatureTally tally = busyGroup(0, bulkhead);
        assertThat(tally.maxOutstanding).isEqualTo(5);
        assertThat(tally.maxBusy[0]).isLessThanOrEqualTo(5);
        assertThat(tally.giveUps).doesNotContainKey(GiveUpReason.REJECTED);
    }

    @Test
    void bulkheadWithoutWait_refusesAtOnce_asRejectedAndNotAnAttempt() {
        FeatureTally tally = run(burst(2, SECOND, 0L), withBulkhead(1, 0L), SECOND, constant("api", 100));
        assertThat(tally.successLatencies).containsExactly(100 * MS);
        assertThat(tally.failureLatencies).containsExactly(0L);
        assertThat(tally.giveUps).containsOnlyKeys(GiveUpReason.REJECTED);
        assertThat(tally.lastKinds).containsOnlyKeys(FailureKind.REJECTED);
        assertThat(tally.attempts).isEqualTo(1);
    }

    @Test
    void bulkheadWait_endsByAPermitOrByTheMaxWait() {
        FeatureTally served = run(burst(3, SECOND, 0L), withBulkhead(1, 250 * MS), SECOND, constant("api", 100));
        assertThat(served.successLatencies).containsExactly(100 * MS, 200 * MS, 300 * MS);
        FeatureTally refused = run(burst(3, SECOND, 0L), withBulkhead(1, 150 * MS), SECOND, constant("api", 100));
        assertThat(refused.successLatencies).containsExactly(100 * MS, 200 * MS);
        assertThat(refused.failureLatencies).containsExactly(150 * MS);
        assertThat(refused.giveUps).containsOnlyKeys(GiveUpReason.REJECTED);
    }

    @Test
    void bulkheadWait_deadlineEndsItWhenItComesFirst() {
        FeatureTally tally = run(burst(2, SECOND, 30 * MS), withBulkhead(1, SECOND), SECOND, constant("api", 100));
        assertThat(tally.failureLatencies).containsExactly(30 * MS);
        assertThat(tally.giveUps).containsOnlyKeys(GiveUpReason.DEADLINE);
        assertThat(tally.lastKinds).containsOnlyKeys(FailureKind.TIMEOUT);
    }

    @Test
    void bulkheadWait_aWaitThatEndedPassesThePermitOn() {
        // two clients every 60 ms, one permit held 100 ms, waits of at most 50 ms. At 0 ms client 0
        // takes the permit and client 1 waits until 50 ms; at 60 ms both wait again, until 110 ms.
        // At 100 ms the bulkhead hands the permit to client 1's ended wait, which passes it to
        // client 0's: its attempt is sent at 100 ms; client 1's second wait ends at 110 ms
        ClientConfig periodic = new ClientConfig("users", 2, "api", new Workload.Periodic(60 * MS, true), SECOND, 0L);
        FeatureTally tally = run(periodic, withBulkhead(1, 50 * MS), 115 * MS, constant("api", 100));
        assertThat(tally.successLatencies).containsExactly(100 * MS);
        assertThat(tally.failureLatencies).containsExactly(50 * MS, 50 * MS);
        assertThat(tally.attempts).isEqualTo(2);
        assertThat(tally.outstanding).isEqualTo(1);
    }

    @Test
    void bulkheadAndPool_aDeadlineInThePoolGivesThePermitBack() {
        Bulkhead[] made = new Bulkhead[1];
        StrategyFactory strategy = clock -> {
            made[0] = Bulkhead.builder().maxConcurrentCalls(5).build();
            return ClientStrategy.of("bulkhead", once()).withBulkhead(made[0], 0L);
        };
        FeatureTally tally = new FeatureTally(1);
        SimulatedSystem system = SimulatedSystem.builder(12L, 0L).service(constant("api", 100))
                .clients(burst(2, SECOND, 50 * MS).withPool(1), strategy).recorder(tally).build();
        system.runUntil(60 * MS);
        // both took a permit; the second waited for the pool until its deadline and gave its permit back
        assertThat(tally.failureLatencies).containsExactly(50 * MS);
        assertThat(made[0].runningCalls()).isEqualTo(1);
        system.runUntil(150 * MS);
        assertThat(made[0].runningCalls()).isZero();
        assertThat(tally.successLatencies).containsExactly(100 * MS);
        tally.assertConserved(system);
        assertThat(List.of(tally.attempts)).containsExactly(1L);
    }
}
