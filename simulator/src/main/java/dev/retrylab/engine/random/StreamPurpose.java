package dev.retrylab.engine.random;

/**
 * What a random stream is for. Each purpose gets its own streams, so that drawing more or fewer
 * numbers for one purpose never shifts the numbers another purpose sees: every strategy in a
 * comparison meets the same arrivals, service times and faults (common random numbers).
 *
 * <p>The {@link #code()} of a purpose goes into the seed derivation of {@link RandomStreams}; it
 * is fixed forever, unlike the enum ordinal. Add a purpose with a new, unused code and never
 * change or reuse an existing one, or saved results stop being reproducible.
 */
public enum StreamPurpose {
    /** Arrivals: when a client sends its next call. */
    WORKLOAD(1),
    /** Service times of replicas and downstream calls. */
    SERVICE(2),
    /** Network latency between a client and a service. */
    NETWORK(3),
    /** Fault timelines: when a fault starts, whom it hits, which calls it fails. */
    FAULT(4),
    /** Strategy randomness: backoff jitter, hedging, adaptive throttling. */
    STRATEGY(5),
    /** Replica choice of load balancers. */
    LOAD_BALANCER(6),
    /** Which of its group's services a client's next request calls. */
    TARGET(7);

    private final int code;

    StreamPurpose(int code) {
        this.code = code;
    }

    /** The stable number of this purpose in the seed derivation. */
    public int code() {
        return code;
    }
}
