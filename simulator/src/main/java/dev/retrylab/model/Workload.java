package dev.retrylab.model;

/**
 * When a group's clients start logical requests. Immutable; validated on construction.
 */
public sealed interface Workload {

    /**
     * Open loop: Poisson arrivals at {@code ratePerSecond} for the whole group, each going to a
     * client chosen uniformly at random. New requests keep coming whatever happens to the old ones.
     */
    record OpenLoop(double ratePerSecond) implements Workload {
        public OpenLoop {
            if (!(ratePerSecond > 0.0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be a positive number per second, was " + ratePerSecond);
            }
        }
    }

    /**
     * A thundering herd: every client sends one request at {@code atNanos}, spread uniformly over
     * {@code spreadNanos} (0: all at once).
     */
    record Burst(long atNanos, long spreadNanos) implements Workload {
        public Burst {
            if (atNanos < 0 || spreadNanos < 0) {
                throw new IllegalArgumentException("burst time and spread must be zero or more");
            }
        }
    }

    /**
     * Closed loop: each client sends a request, waits for its final outcome, thinks for
     * {@code thinkNanos}, and sends the next; {@code requestsPerClient} of them (0: no limit).
     * Clients start spread uniformly over {@code startSpreadNanos}.
     */
    record ClosedLoop(long thinkNanos, int requestsPerClient, long startSpreadNanos) implements Workload {
        public ClosedLoop {
            if (thinkNanos < 0 || startSpreadNanos < 0 || requestsPerClient < 0) {
                throw new IllegalArgumentException("think time, start spread and requests per client must be zero or more");
            }
        }
    }
}
