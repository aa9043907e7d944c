package dev.retrylab.bench;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.model.ClientConfig;
import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.LoadBalancing;
import dev.retrylab.model.RunRecorder;
import dev.retrylab.model.ServiceConfig;
import dev.retrylab.model.SimulatedSystem;
import dev.retrylab.model.Workload;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;

/**
 * The thundering herd that {@link HerdBenchmark} times and {@link HerdMemory} weighs, defined
 * once: every client sends one request within 10 ms of time zero to a service that can serve
 * about 100,000 attempts per second (4 replicas of 25 workers, exponential service time of mean
 * 1 ms, a queue of 1,000 per replica, 1 ms of network each way). Most first attempts are rejected
 * at once with 503 (queue full) and some time out after 30 ms in the queue; each client retries
 * with the library's {@link RetryPolicy}: 5 attempts, exponential backoff from 100 ms doubling to a
 * 2 s cap, full jitter. Every request has finished by {@link #END_NANOS} of virtual time.
 *
 * <p>Stateless; each call of {@link #build} makes a new system.
 */
final class HerdModel {

    /** Clients in the contracted herd. */
    static final int CLIENTS = 1_000_000;

    /** Virtual time by which every request has succeeded or given up (backoff sums to under 2 s). */
    static final long END_NANOS = Duration.ofSeconds(60).toNanos();

    static final long SEED = 42L;

    private HerdModel() {
    }

    /** The retry policy the herd runs: 5 attempts, exponential backoff 100 ms × 2 up to 2 s, full jitter. */
    static RetryPolicy retryPolicy() {
        return RetryPolicy.builder()
                .maxAttempts(5)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0)
                        .withCap(Duration.ofSeconds(2))
                        .withJitter(Jitter.FULL))
                .build();
    }

    /** A new herd of {@code clients} clients, not yet started. */
    static SimulatedSystem build(int clients, long seed, RunRecorder recorder) {
        ServiceConfig service = new ServiceConfig("api", 4, 25, 1_000,
                DurationDistribution.exponential(Duration.ofMillis(1)), 0L, Duration.ofMillis(1).toNanos(),
                false, LoadBalancing.ROUND_ROBIN, 0.0, FailureKind.UNAVAILABLE);
        ClientConfig herd = new ClientConfig("herd", clients, "api",
                new Workload.Burst(0L, Duration.ofMillis(10).toNanos()), Duration.ofMillis(30).toNanos(), 0L);
        RetryPolicy policy = retryPolicy();
        return SimulatedSystem.builder(seed, 0L)
                .service(service)
                .clients(herd, clock -> ClientStrategy.of("exponential-full-jitter", policy))
                .recorder(recorder)
                .build();
    }

    /**
     * Runs {@code system} until every request has finished and returns the events it processed.
     *
     * @throws IllegalStateException if requests are still in flight at {@link #END_NANOS}
     */
    static long runToCompletion(SimulatedSystem system) {
        long before = system.simulation().eventsProcessed();
        system.runUntil(END_NANOS);
        if (system.inFlight() != 0) {
            throw new IllegalStateException(system.inFlight() + " requests still in flight at the end of the herd");
        }
        return system.simulation().eventsProcessed() - before;
    }
}
