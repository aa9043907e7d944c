package dev.retrylab.engine.random;

import java.util.random.RandomGenerator;

/**
 * A normal distribution of mean {@code locationNanos} and standard deviation {@code scaleNanos},
 * truncated at zero: conditioned on being zero or more, not clamped, so there is no heap of
 * samples at zero. Sampled by rejection: a normal value (by inversion of one draw) is drawn again
 * while it is negative. Because the location is zero or more, at least half the values are
 * kept: a sample costs {@code 1 / Phi(location / scale)} draws on average, at most two.
 *
 * <p>The truncation moves the mean up. With {@code a = location / scale}, {@code phi} and
 * {@code Phi} the standard normal density and distribution function and
 * {@code lambda = phi(a) / Phi(a)} (the inverse Mills ratio), the exact moments are
 * <pre>{@code
 * mean     = location + scale * lambda
 * variance = scale^2 * (1 - a * lambda - lambda^2)
 * }</pre>
 * For a location of three standard deviations or more the mean moves by less than 0.5% of the
 * scale; at location 0 it is {@code scale * sqrt(2 / pi)}, the half-normal distribution.
 * (N. L. Johnson, S. Kotz, N. Balakrishnan, "Continuous Univariate Distributions", vol. 1,
 * 2nd ed., section 10.1.)
 *
 * @param locationNanos the mean of the normal before truncation, zero or more
 * @param scaleNanos    the standard deviation of the normal before truncation, positive
 */
public record TruncatedNormalDuration(long locationNanos, long scaleNanos) implements DurationDistribution {

    /** @throws IllegalArgumentException when the location is negative or the scale not positive */
    public TruncatedNormalDuration {
        if (locationNanos < 0) {
            throw new IllegalArgumentException("normal mean must be zero or more, was " + locationNanos + "ns");
        }
        if (scaleNanos <= 0) {
            throw new IllegalArgumentException("normal sd must be positive (use a constant duration for none), was "
                    + scaleNanos + "ns");
        }
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        double value;
        do {
            value = locationNanos + scaleNanos * Draws.gaussian(rng.nextLong());
        } while (value < 0.0);
        return Draws.nanos(value);
    }

    @Override
    public double meanNanos() {
        return locationNanos + scaleNanos * inverseMillsRatio();
    }

    @Override
    public double varianceNanosSquared() {
        double a = (double) locationNanos / scaleNanos;
        double lambda = inverseMillsRatio();
        double scale = scaleNanos;
        return scale * scale * (1.0 - a * lambda - lambda * lambda);
    }

    private double inverseMillsRatio() {
        double a = (double) locationNanos / scaleNanos;
        return StandardNormal.pdf(a) / StandardNormal.cdf(a);
    }

    @Override
    public String toString() {
        return "normal(mean=" + Draws.text(locationNanos) + ", sd=" + Draws.text(scaleNanos) + ", truncated at 0)";
    }
}
