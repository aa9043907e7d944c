package dev.retrylab.engine.random;

import java.util.random.RandomGenerator;

/**
 * Every whole nanosecond from {@code minNanos} to {@code maxNanos}, both included, equally likely:
 * the discrete uniform distribution, so the mean is exactly {@code (min + max) / 2} and the
 * variance {@code ((max - min + 1)^2 - 1) / 12}. One draw per sample (rarely more, to stay
 * unbiased).
 *
 * @param minNanos the shortest duration, zero or more
 * @param maxNanos the longest duration, at least {@code minNanos}
 */
public record UniformDuration(long minNanos, long maxNanos) implements DurationDistribution {

    /** @throws IllegalArgumentException when {@code minNanos} is negative or above {@code maxNanos} */
    public UniformDuration {
        if (minNanos < 0) {
            throw new IllegalArgumentException("uniform min must be zero or more, was " + minNanos + "ns");
        }
        if (maxNanos < minNanos) {
            throw new IllegalArgumentException("uniform max must be at least min (" + Draws.text(minNanos)
                    + "), was " + maxNanos + "ns");
        }
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        return minNanos + Draws.longUpTo(rng, maxNanos - minNanos);
    }

    @Override
    public double meanNanos() {
        return minNanos + (maxNanos - minNanos) / 2.0;
    }

    @Override
    public double varianceNanosSquared() {
        double span = maxNanos - minNanos;
        return span * (span + 2.0) / 12.0;
    }

    @Override
    public String toString() {
        return "uniform(" + Draws.text(minNanos) + ".." + Draws.text(maxNanos) + ")";
    }
}
