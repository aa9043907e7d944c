package dev.retrylab.metrics;

/**
 * A mean over replications with its two-sided 95% Student-t confidence interval, as {@link
 * ReplicationStatistics} computes them. With one replication there is no interval: {@code low}
 * and {@code high} are NaN, and {@link #hasInterval()} says so. Immutable.
 *
 * @param mean the sample mean
 * @param low  the lower end of the 95% interval, or NaN with one replication
 * @param high the upper end of the 95% interval, or NaN with one replication
 */
public record Estimate(double mean, double low, double high) {

    /** Validates: a finite mean, and either no interval or one that contains the mean. */
    public Estimate {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, was " + mean);
        }
        boolean noInterval = Double.isNaN(low) && Double.isNaN(high);
        if (!noInterval && !(low <= mean && mean <= high)) {
            throw new IllegalArgumentException("the interval [" + low + ", " + high + "] must contain the mean "
                    + mean + ", or both ends must be NaN");
        }
    }

    /** The mean and 95% interval of {@code values}, one per replication. */
    public static Estimate of(double... values) {
        double[] interval = ReplicationStatistics.confidenceInterval95(values);
        return new Estimate(ReplicationStatistics.mean(values), interval[0], interval[1]);
    }

    /** Whether there is an interval (two replications or more). */
    public boolean hasInterval() {
        return !Double.isNaN(low);
    }

    /** Half the interval's width, the "±" of {@code mean ± halfWidth}; NaN without an interval. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** Whether {@code value} lies outside the interval; false without an interval. */
    public boolean excludes(double value) {
        return hasInterval() && (value < low || value > high);
    }
}
