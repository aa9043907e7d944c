package dev.retrylab.engine.random;

import java.util.random.RandomGenerator;

/**
 * Always the same duration. Draws nothing.
 *
 * @param nanos the duration in nanoseconds, zero or more
 */
public record ConstantDuration(long nanos) implements DurationDistribution {

    /** @throws IllegalArgumentException when {@code nanos} is negative */
    public ConstantDuration {
        if (nanos < 0) {
            throw new IllegalArgumentException("constant duration must be zero or more, was " + nanos + "ns");
        }
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        return nanos;
    }

    @Override
    public double meanNanos() {
        return nanos;
    }

    @Override
    public double varianceNanosSquared() {
        return 0.0;
    }

    @Override
    public String toString() {
        return "constant(" + Draws.text(nanos) + ")";
    }
}
