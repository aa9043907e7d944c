package dev.retrylab.model;

/** How a service spreads attempts over its replicas. */
public enum LoadBalancing {
    /** Each replica in turn. */
    ROUND_ROBIN,
    /** A replica chosen uniformly at random (the service's own random stream). */
    RANDOM,
    /** The replica with the fewest attempts queued or in service; ties go to the lowest index. */
    LEAST_OUTSTANDING
}
