package dev.retrylab.metrics;

/**
 * Latency figures in milliseconds: the mean and the 50th, 90th, 99th and 99.9th percentiles.
 * Each is zero or more and finite, and the percentiles do not decrease.
 */
public record LatencyStats(double mean, double p50, double p90, double p99, double p999) {

    /** The figures of a histogram that recorded nothing. */
    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0);

    /** Validates every figure. */
    public LatencyStats {
        requireMillis("mean", mean);
        requireMillis("p50", p50);
        requireMillis("p90", p90);
        requireMillis("p99", p99);
        requireMillis("p999", p999);
        if (p50 > p90 || p90 > p99 || p99 > p999) {
            throw new IllegalArgumentException("percentiles must not decrease: p50 " + p50 + ", p90 " + p90
                    + ", p99 " + p99 + ", p999 " + p999);
        }
    }

    private static void requireMillis(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number of milliseconds >= 0, was " + value);
        }
    }
}
