package dev.retrylab.engine.random;

import java.util.random.RandomGenerator;

/**
 * The exponential distribution, memoryless: the gaps between Poisson arrivals, the service time
 * of an M/M/1 queue. Sampled by inversion, {@code -scale ln U}, one draw per sample. Mean
 * {@code scale}, variance {@code scale^2}, median {@code scale ln 2}.
 *
 * @param scaleNanos the scale, which is the mean, in nanoseconds; positive
 */
public record ExponentialDuration(long scaleNanos) implements DurationDistribution {

    /** @throws IllegalArgumentException when {@code scaleNanos} is not positive */
    public ExponentialDuration {
        if (scaleNanos <= 0) {
            throw new IllegalArgumentException("exponential mean must be positive, was " + scaleNanos + "ns");
        }
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        return Draws.nanos(scaleNanos * Draws.exponential(rng.nextLong()));
    }

    @Override
    public double meanNanos() {
        return scaleNanos;
    }

    @Override
    public double varianceNanosSquared() {
        double scale = scaleNanos;
        return scale * scale;
    }

    @Override
    public String toString() {
        return "exponential(mean=" + Draws.text(scaleNanos) + ")";
    }
}
