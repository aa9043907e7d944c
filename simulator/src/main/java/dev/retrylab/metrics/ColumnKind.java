package dev.retrylab.metrics;

/** How an {@link IntervalSeries} column turns recordings into one number per interval. */
public enum ColumnKind {
    /** Events counted in the interval; printed as an integer. */
    COUNTER,
    /**
     * A level (in flight, queue length, busy workers) averaged over the time it held during the
     * interval; printed with a fixed number of decimals.
     */
    GAUGE,
    /** Successes divided by the length of the interval in seconds (goodput). */
    RATE,
    /**
     * A statistic of what happened in the interval, such as a latency percentile of the requests
     * that ended in it; set once per interval, NaN (an empty CSV cell) when there was nothing to
     * measure.
     */
    STATISTIC
}
