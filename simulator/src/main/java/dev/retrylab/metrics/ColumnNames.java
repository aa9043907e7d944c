package dev.retrylab.metrics;

/**
 * The names the simulator registers for the optional {@link IntervalSeries} columns, so that
 * whoever reads a series or its CSV finds the same names. The core columns are named by
 * {@link IntervalSeries#CORE_COLUMNS}. Service and failure-kind names must themselves be valid
 * column names (letters, digits, {@code _ . : -}).
 */
public final class ColumnNames {

    /** Hedged attempts started (counter). */
    public static final String HEDGES = "hedges";
    /** Clients whose circuit breaker is open (gauge). */
    public static final String OPEN_BREAKERS = "open_breakers";
    /** Retries a retry budget refused (counter). */
    public static final String BUDGET_REFUSALS = "budget_refusals";
    /** Failed logical requests answered from a client's cache (counter). */
    public static final String FALLBACKS = "fallbacks";
    /** What the latency columns' names start with, as {@link IntervalPercentiles} names them. */
    public static final String LATENCY = "latency";
    /** The median latency of the requests that ended in each interval, in ms (statistic). */
    public static final String LATENCY_P50 = IntervalPercentiles.columnName(LATENCY, 50);
    /** The 99th percentile latency of the requests that ended in each interval, in ms (statistic). */
    public static final String LATENCY_P99 = IntervalPercentiles.columnName(LATENCY, 99);

    private ColumnNames() {
    }

    /** Logical requests that failed with {@code kind}, e.g. {@code failures_timeout} (counter). */
    public static String failures(String kind) {
        return "failures_" + kind;
    }

    /** Requests waiting in {@code service}'s queue (gauge). */
    public static String queue(String service) {
        return service + ".queue";
    }

    /** Workers of {@code service} that are busy (gauge). */
    public static String busy(String service) {
        return service + ".busy";
    }

    /** Attempts {@code service} rejected (counter). */
    public static String rejections(String service) {
        return service + ".rejections";
    }

    /**
     * Nanoseconds of worker time {@code service} spent on attempts whose client had already given
     * up, counted when the worker finishes such an attempt (counter).
     */
    public static String wasted(String service) {
        return service + ".wasted_ns";
    }
}
