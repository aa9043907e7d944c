package dev.retrylab.metrics;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution recorded in nanoseconds and reported in milliseconds, over an
 * <a href="https://github.com/HdrHistogram/HdrHistogram">HdrHistogram</a> with 3 significant
 * digits (a reported value is within 0.1% of the recorded one) tracking up to {@link
 * #HIGHEST_TRACKABLE}. The simulator keeps one for logical requests (first attempt to final
 * outcome) and one for attempts.
 *
 * <p>{@link #record} allocates nothing. A latency above the highest trackable value is recorded as
 * that value and counted in {@link #clampedCount()}. Percentiles follow HdrHistogram: the
 * highest value equivalent (within the precision) to the recorded value at nearest rank {@code
 * ceil(p/100 · count)}. A histogram that recorded nothing reports {@link LatencyStats#EMPTY}.
 *
 * <p>Not thread-safe.
 */
public final class LatencyHistogram {

    /** The longest latency tracked exactly; longer ones are clamped to it. */
    public static final Duration HIGHEST_TRACKABLE = Duration.ofHours(24);
    /** Significant decimal digits kept for every value. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private static final long HIGHEST_NANOS = HIGHEST_TRACKABLE.toNanos();
    private static final double NANOS_PER_MILLI = 1e6;

    private final Histogram histogram = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private long clamped;

    /** Records one latency of {@code nanos} nanoseconds, which must be zero or more. */
    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency must be zero or positive, was " + nanos + " ns");
        }
        if (nanos > HIGHEST_NANOS) {
            clamped++;
            histogram.recordValue(HIGHEST_NANOS);
        } else {
            histogram.recordValue(nanos);
        }
    }

    /** Adds every value {@code other} recorded, e.g. to pool replications. */
    public void add(LatencyHistogram other) {
        histogram.add(other.histogram);
        clamped += other.clamped;
    }

    /** How many latencies were recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** How many recorded latencies exceeded {@link #HIGHEST_TRACKABLE} and were clamped to it. */
    public long clampedCount() {
        return clamped;
    }

    /** The value at {@code percentile} (0 to 100) in milliseconds; 0 when nothing was recorded. */
    public double percentileMillis(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, was " + percentile);
        }
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / NANOS_PER_MILLI;
    }

    /** The mean in milliseconds; 0 when nothing was recorded. */
    public double meanMillis() {
        return count() == 0 ? 0 : histogram.getMean() / NANOS_PER_MILLI;
    }

    /** Mean, p50, p90, p99 and p99.9 in milliseconds. */
    public LatencyStats stats() {
        if (count() == 0) {
            return LatencyStats.EMPTY;
        }
        return new LatencyStats(meanMillis(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                percentileMillis(99.9));
    }
}
