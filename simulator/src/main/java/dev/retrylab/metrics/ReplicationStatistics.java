package dev.retrylab.metrics;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Summaries over independent replications of one run (same scenario, different seeds): the
 * sample mean and a two-sided 95% Student-t confidence interval for the true mean,
 * {@code mean ± t(0.975, n-1) · s / sqrt(n)} with {@code s} the sample standard deviation
 * (divisor {@code n - 1}); see any statistics text, e.g. NIST/SEMATECH e-Handbook 7.2.2.1.
 *
 * <p>With one replication there is no estimate of the spread, so the interval is {@code [NaN,
 * NaN]}: a zero-width interval would claim a certainty one run cannot give. Readers print it as
 * "n/a". With no values, or a value that is not finite, the methods throw.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReplicationStatistics {

    /** The confidence level of {@link #confidenceInterval95}. */
    public static final double CONFIDENCE = 0.95;

    private ReplicationStatistics() {
    }

    /** The arithmetic mean of {@code values}. */
    public static double mean(double... values) {
        requireValues(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /**
     * The 95% Student-t confidence interval for the mean of {@code values}, as {@code [low, high]};
     * {@code [NaN, NaN]} for a single value.
     */
    public static double[] confidenceInterval95(double... values) {
        double mean = mean(values);
        int n = values.length;
        if (n == 1) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double halfWidth = tQuantile(n - 1) * standardError;
        return new double[] {mean - halfWidth, mean + halfWidth};
    }

    /** The 97.5% quantile of Student's t distribution with {@code degreesOfFreedom}. */
    static double tQuantile(int degreesOfFreedom) {
        // No random generator: the distribution is only used for its quantile function.
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    private static void requireValues(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("need at least one replication");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("replication " + i + " is not a finite number: " + values[i]);
            }
        }
    }
}
