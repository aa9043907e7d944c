package dev.retrylab.fault;

import java.util.Objects;

/** Validation shared by every fault's time window and target. */
final class Windows {

    private Windows() {
    }

    static void check(String service, int replica, long startNanos, long endNanos) {
        Objects.requireNonNull(service, "service");
        if (replica < Fault.ALL_REPLICAS) {
            throw new IllegalArgumentException("replica must be 0 or more (or all), was " + replica);
        }
        if (startNanos < 0 || endNanos <= startNanos) {
            throw new IllegalArgumentException("a fault must start at 0 or later and end after it starts, was "
                    + startNanos + "ns to " + endNanos + "ns");
        }
    }

    static void probability(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
