package dev.retrylab.strategy.backoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The distribution of each retry's delay under a {@link Backoff}, estimated by drawing many
 * independent retry sequences. Percentiles use the nearest-rank method on the sorted samples.
 */
public final class BackoffDistribution {

    /** Statistics of the delay before one retry, in milliseconds. */
    public record RetryDelay(int retry, double meanMs, double p5Ms, double p50Ms, double p95Ms,
                             double minMs, double maxMs, double cumulativeMeanMs) {
    }

    private BackoffDistribution() {
    }

    /**
     * Draws {@code samples} sequences of {@code retries} delays and summarises each retry.
     *
     * @param rng the only source of randomness; the same seed gives the same result
     */
    public static List<RetryDelay> sample(Backoff backoff, int retries, int samples, RandomGenerator rng) {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(rng, "rng");
        if (retries < 1) {
            throw new IllegalArgumentException("retries must be 1 or more, was " + retries);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be 1 or more, was " + samples);
        }
        long[][] delays = new long[retries][samples];
        for (int s = 0; s < samples; s++) {
            long previous = 0L;
            for (int n = 1; n <= retries; n++) {
                previous = backoff.delayNanos(n, previous, rng);
                delays[n - 1][s] = previous;
            }
        }
        List<RetryDelay> result = new ArrayList<>(retries);
        double cumulative = 0.0;
        for (int n = 1; n <= retries; n++) {
            long[] values = delays[n - 1];
            Arrays.sort(values);
            double sum = 0.0;
            for (long value : values) {
                sum += value;
            }
            double mean = sum / samples / 1e6;
            cumulative += mean;
            result.add(new RetryDelay(n, mean, percentileMs(values, 5), percentileMs(values, 50),
                    percentileMs(values, 95), values[0] / 1e6, values[samples - 1] / 1e6, cumulative));
        }
        return result;
    }

    /** The nearest-rank percentile of sorted values, in milliseconds. */
    static double percentileMs(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
