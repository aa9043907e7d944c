package dev.retrylab.engine.random;

import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The log-normal distribution {@code exp(mu + sigma Z)} nanoseconds, Z standard normal: the usual
 * shape of service latencies, a body with a long right tail. Sampled by inversion of one draw.
 *
 * <p>People describe latency by its median and 99th percentile; {@link #ofMedianAndP99} converts:
 * <pre>{@code
 * mu    = ln(median)                  // median in nanoseconds
 * sigma = (ln(p99) - mu) / z99        // z99 = Phi^-1(0.99) = 2.3263478740408408
 * }</pre>
 * and back: {@code median = exp(mu)}, {@code p99 = exp(mu + z99 sigma)}. The moments are
 * {@code mean = exp(mu + sigma^2 / 2)} and {@code variance = (exp(sigma^2) - 1) exp(2 mu + sigma^2)}.
 *
 * @param mu    the mean of the logarithm of the duration in nanoseconds, finite
 * @param sigma the standard deviation of that logarithm, positive and finite
 */
public record LogNormalDuration(double mu, double sigma) implements DurationDistribution {

    /** {@code Phi^-1(0.99)}, the 99th percentile of the standard normal distribution. */
    public static final double Z_99 = 2.3263478740408408;

    /** @throws IllegalArgumentException when {@code mu} is not finite or {@code sigma} not positive and finite */
    public LogNormalDuration {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("lognormal mu (the mean of ln nanoseconds) must be finite, was " + mu);
        }
        if (!(sigma > 0.0 && sigma < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "lognormal sigma (the sd of ln nanoseconds) must be positive and finite, was " + sigma);
        }
    }

    /**
     * The log-normal distribution with the given median and 99th percentile.
     *
     * @throws IllegalArgumentException when the median is not positive or the p99 not above it
     */
    public static LogNormalDuration ofMedianAndP99(Duration median, Duration p99) {
        long medianNanos = Nanos.positive("lognormal median", median);
        long p99Nanos = Nanos.positive("lognormal p99", p99);
        if (p99Nanos <= medianNanos) {
            throw new IllegalArgumentException("lognormal p99 must be above the median (" + Draws.text(medianNanos)
                    + "), was " + Draws.text(p99Nanos));
        }
        double mu = StrictMath.log(medianNanos);
        return new LogNormalDuration(mu, (StrictMath.log(p99Nanos) - mu) / Z_99);
    }

    /** The median, {@code exp(mu)}, in nanoseconds. */
    public double medianNanos() {
        return StrictMath.exp(mu);
    }

    /** The 99th percentile, {@code exp(mu + z99 sigma)}, in nanoseconds. */
    public double p99Nanos() {
        return StrictMath.exp(mu + Z_99 * sigma);
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        return Draws.nanos(StrictMath.exp(mu + sigma * Draws.gaussian(rng.nextLong())));
    }

    @Override
    public double meanNanos() {
        return StrictMath.exp(mu + 0.5 * sigma * sigma);
    }

    @Override
    public double varianceNanosSquared() {
        double s2 = sigma * sigma;
        return StrictMath.expm1(s2) * StrictMath.exp(2.0 * mu + s2);
    }

    @Override
    public String toString() {
        return "lognormal(median=" + Draws.text(Draws.nanos(medianNanos())) + ", p99="
                + Draws.text(Draws.nanos(p99Nanos())) + ")";
    }
}
