package dev.retrylab.metrics;

import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles per interval, such as the p50 and p99 of the requests that ended in each
 * interval, kept as {@linkplain ColumnKind#STATISTIC statistic} columns of an {@link
 * IntervalSeries} named {@code latency_p50_ms}, {@code latency_p99_ms}, … in milliseconds; an
 * interval in which no request ended has none (NaN).
 *
 * <p>One small <a href="https://github.com/HdrHistogram/HdrHistogram">HdrHistogram</a> collects
 * the current interval; when a latency arrives for a later interval, or at {@link #finish}, its
 * percentiles go into the series and it is cleared. So memory does not grow with the run: the
 * series keeps one number per interval and percentile. The histogram keeps {@value
 * #SIGNIFICANT_DIGITS} significant digits (a value within 1%) from 1 µs up to {@link
 * LatencyHistogram#HIGHEST_TRACKABLE}, to which longer latencies are clamped: coarser than the
 * run's {@link LatencyHistogram}, and cheap to clear every interval. Percentiles follow
 * HdrHistogram, as in {@link LatencyHistogram}.
 *
 * <p>{@link #record} allocates nothing. Not thread-safe: it belongs to one run, as its series does.
 */
public final class IntervalPercentiles {

    /** Significant decimal digits kept for every value. */
    public static final int SIGNIFICANT_DIGITS = 2;

    private static final long LOWEST_NANOS = 1_000L;
    private static final long HIGHEST_NANOS = LatencyHistogram.HIGHEST_TRACKABLE.toNanos();
    private static final double NANOS_PER_MILLI = 1e6;

    private final IntervalSeries series;
    private final double[] percentiles;
    private final int[] columns;
    private final int lastInterval;
    private final Histogram histogram = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private int interval;
    private boolean finished;

    /**
     * Registers one column per percentile in {@code series}, named {@code
     * <prefix>_p<percentile>_ms} (for example {@code latency_p99_ms}, {@code latency_p99.9_ms}).
     *
     * @param runLength   how long the run lasts: a latency recorded at its very end belongs to
     *                    its last interval, as in the series
     * @param percentiles each above 0 and at most 100
     */
    public IntervalPercentiles(IntervalSeries series, Duration runLength, String prefix, double... percentiles) {
        this.series = series;
        this.percentiles = percentiles.clone();
        this.columns = new int[percentiles.length];
        long length = Nanos.positive("runLength", runLength);
        this.lastInterval = (int) ((length - 1) / series.intervalNanos());
        for (int i = 0; i < percentiles.length; i++) {
            if (!(percentiles[i] > 0 && percentiles[i] <= 100)) {
                throw new IllegalArgumentException("a percentile must be above 0 and at most 100, was "
                        + percentiles[i]);
            }
            columns[i] = series.addStatistic(columnName(prefix, percentiles[i]));
        }
    }

    /** The column name of {@code percentile}: {@code latency_p50_ms} for prefix {@code latency} and 50. */
    public static String columnName(String prefix, double percentile) {
        String number = percentile == Math.rint(percentile) ? Long.toString((long) percentile)
                : String.format(Locale.ROOT, "%s", percentile);
        return prefix + "_p" + number + "_ms";
    }

    /**
     * Records a latency of {@code latencyNanos} (zero or more) of something that ended at virtual
     * time {@code atNanos}, which must never decrease from one call to the next.
     */
    public void record(long latencyNanos, long atNanos) {
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("a latency must be zero or positive, was " + latencyNanos + " ns");
        }
        int at = (int) Math.min(atNanos / series.intervalNanos(), lastInterval);
        if (at < interval) {
            throw new IllegalArgumentException("time must not go backwards: interval " + at + " after " + interval);
        }
        if (at > interval) {
            flush();
            interval = at;
        }
        histogram.recordValue(Math.min(latencyNanos, HIGHEST_NANOS));
    }

    /** Puts the percentiles of the last interval into the series; call before the series' {@code finish}. */
    public void finish() {
        flush();
        finished = true;
    }

    private void flush() {
        if (histogram.getTotalCount() == 0) {
            return;
        }
        for (int i = 0; i < columns.length; i++) {
            double millis = histogram.getValueAtPercentile(percentiles[i]) / NANOS_PER_MILLI;
            series.setStatistic(columns[i], interval, millis);
        }
        histogram.reset();
    }
}
