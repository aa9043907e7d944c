package dev.retrylab.model;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import java.util.Objects;

/**
 * What a simulated service is: replicas behind a load balancer, each with workers and a FIFO
 * queue, a service-time distribution (optionally growing with the load), a network delay per hop,
 * and whether it stops work on an attempt whose client gave up. Immutable; validated here.
 *
 * @param name              the service's name in results
 * @param replicas          1 or more
 * @param workers           workers per replica, 1 or more
 * @param queueCapacity     attempts that may wait per replica; {@link #UNBOUNDED} for no limit.
 *                          An attempt that finds the queue full is rejected at once with 503
 * @param serviceTime       the time a worker spends on one attempt
 * @param loadCostNanos     added to each service time per attempt in service at its start on that
 *                          replica (load-dependent service time, to model collapse); 0 for none
 * @param networkDelayNanos one-way delay between client and service, each direction
 * @param cancelOnTimeout   whether work stops when the client gives up on the attempt
 * @param loadBalancing     how attempts are spread over replicas
 * @param failureProbability the chance that a served attempt fails anyway (0 for none)
 * @param failureKind       the kind of those failures
 * @param contendedRows     0 for none; else every attempt is a conditional write to one of this
 *                          many rows (client i writes row i mod rows): it reads the row's version
 *                          when its work starts and commits when the work ends, failing with
 *                          CONFLICT if another write committed in between (optimistic concurrency)
 */
public record ServiceConfig(String name, int replicas, int workers, int queueCapacity,
                            DurationDistribution serviceTime, long loadCostNanos, long networkDelayNanos,
                            boolean cancelOnTimeout, LoadBalancing loadBalancing,
                            double failureProbability, FailureKind failureKind, int contendedRows) {

    /** A service without contended rows. */
    public ServiceConfig(String name, int replicas, int workers, int queueCapacity,
                         DurationDistribution serviceTime, long loadCostNanos, long networkDelayNanos,
                         boolean cancelOnTimeout, LoadBalancing loadBalancing,
                         double failureProbability, FailureKind failureKind) {
        this(name, replicas, workers, queueCapacity, serviceTime, loadCostNanos, networkDelayNanos, cancelOnTimeout,
                loadBalancing, failureProbability, failureKind, 0);
    }

    /** No limit on the queue. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public ServiceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serviceTime, "serviceTime");
        Objects.requireNonNull(loadBalancing, "loadBalancing");
        Objects.requireNonNull(failureKind, "failureKind");
        if (replicas < 1 || workers < 1) {
            throw new IllegalArgumentException("replicas and workers must be 1 or more, were " + replicas + " and "
                    + workers);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must be 0 or more, was " + queueCapacity);
        }
        if (loadCostNanos < 0 || networkDelayNanos < 0) {
            throw new IllegalArgumentException("loadCost and networkDelay must be zero or more");
        }
        if (contendedRows < 0) {
            throw new IllegalArgumentException("contendedRows must be 0 (none) or more, was " + contendedRows);
        }
        if (!(failureProbability >= 0.0 && failureProbability <= 1.0)) {
            throw new IllegalArgumentException("failureProbability must be between 0 and 1, was " + failureProbability);
        }
    }

    /** One replica, {@code workers} workers, an unbounded queue, no network delay: a textbook M/M/c. */
    public static ServiceConfig queue(String name, int workers, DurationDistribution serviceTime) {
        return new ServiceConfig(name, 1, workers, UNBOUNDED, serviceTime, 0L, 0L, false,
                LoadBalancing.ROUND_ROBIN, 0.0, FailureKind.UNAVAILABLE);
    }

    /** The same service where each served attempt fails with probability {@code p} as {@code kind}. */
    public ServiceConfig withFailures(double p, FailureKind kind) {
        return new ServiceConfig(name, replicas, workers, queueCapacity, serviceTime, loadCostNanos,
                networkDelayNanos, cancelOnTimeout, loadBalancing, p, kind, contendedRows);
    }

    /** The same service where every attempt is a conditional write to one of {@code rows} rows. */
    public ServiceConfig withContendedRows(int rows) {
        return new ServiceConfig(name, replicas, workers, queueCapacity, serviceTime, loadCostNanos,
                networkDelayNanos, cancelOnTimeout, loadBalancing, failureProbability, failureKind, rows);
    }
}
