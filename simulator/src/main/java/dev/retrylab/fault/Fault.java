package dev.retrylab.fault;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a fault timeline: what goes wrong, on which service (and optionally which
 * replica), from {@code startNanos} to {@code endNanos} of virtual time. Faults trigger trouble;
 * storms and slow recoveries must emerge from the model. Immutable; validated on construction.
 */
public sealed interface Fault {

    /** Every replica of the service. */
    int ALL_REPLICAS = -1;

    String service();

    /** The replica index, or {@link #ALL_REPLICAS}. */
    int replica();

    long startNanos();

    long endNanos();

    /** A short label for results, for example {@code "outage api"}. */
    default String label() {
        String kind = getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return kind + " " + service() + (replica() == ALL_REPLICAS ? "" : "[" + replica() + "]");
    }

    /** How an outage fails attempts. */
    enum OutageMode {
        /** Connections are refused at once. */
        REFUSE,
        /** No answer at all: the client's timeout decides. */
        HANG,
        /** The service answers 503 at once. */
        ERROR
    }

    /** The service (or replica) is down. */
    record Outage(String service, int replica, long startNanos, long endNanos, OutageMode mode) implements Fault {
        public Outage {
            Windows.check(service, replica, startNanos, endNanos);
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** Each attempt that reaches the service fails with {@code probability}, as {@code kind}. */
    record Brownout(String service, int replica, long startNanos, long endNanos, double probability,
                    FailureKind kind) implements Fault {
        public Brownout {
            Windows.check(service, replica, startNanos, endNanos);
            Windows.probability("probability", probability);
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Service times grow: multiplied by {@code multiplier} (1 for none), then extended by a draw
     * from {@code added} (null for none).
     */
    record LatencySpike(String service, int replica, long startNanos, long endNanos, double multiplier,
                        DurationDistribution added) implements Fault {
        public LatencySpike {
            Windows.check(service, replica, startNanos, endNanos);
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1, was " + multiplier);
            }
            if (multiplier == 1.0 && added == null) {
                throw new IllegalArgumentException("a latency spike needs a multiplier above 1 or an added delay");
            }
        }
    }

    /**
     * The service admits at most {@code ratePerSecond} attempts (token bucket with one second of
     * burst) and answers the rest 429 with a Retry-After of {@code retryAfterNanos}; with
     * {@code perClient} the limit applies to each client separately, as an API quota per key.
     */
    record RateLimit(String service, int replica, long startNanos, long endNanos, double ratePerSecond,
                     long retryAfterNanos, boolean perClient) implements Fault {

        /** A limit for the service as a whole. */
        public RateLimit(String service, int replica, long startNanos, long endNanos, double ratePerSecond,
                         long retryAfterNanos) {
            this(service, replica, startNanos, endNanos, ratePerSecond, retryAfterNanos, false);
        }

        public RateLimit {
            Windows.check(service, replica, startNanos, endNanos);
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be a positive number per second, was " + ratePerSecond);
            }
            if (retryAfterNanos < 0) {
                throw new IllegalArgumentException("retryAfter must be zero or more");
            }
        }
    }

    /** A fraction of the workers (or of the replicas) is gone. */
    record CapacityLoss(String service, int replica, long startNanos, long endNanos, double fractionLost)
            implements Fault {
        public CapacityLoss {
            Windows.check(service, replica, startNanos, endNanos);
            if (!(fractionLost > 0.0 && fractionLost < 1.0)) {
                throw new IllegalArgumentException("fractionLost must be above 0 and below 1, was " + fractionLost);
            }
        }
    }

    /** A fixed subset of the clients ({@code clientFraction} of them) always fails, as {@code kind}. */
    record PartialFailure(String service, int replica, long startNanos, long endNanos, double clientFraction,
                          FailureKind kind) implements Fault {
        public PartialFailure {
            Windows.check(service, replica, startNanos, endNanos);
            Windows.probability("clientFraction", clientFraction);
            Objects.requireNonNull(kind, "kind");
        }
    }
}
