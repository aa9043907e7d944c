package dev.retrylab.engine.random;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Durations resampled from a list of observed ones: each sample is one of the listed values,
 * picked uniformly (a value listed twice is twice as likely), as in the bootstrap. It does not
 * interpolate between values, so it never invents a latency that was not observed, and keeps the
 * gaps and modes of the data. One draw per sample (rarely more, to stay unbiased). Mean and
 * variance are those of the list (the population variance, divided by n).
 *
 * @param samplesNanos the observed durations in nanoseconds, at least one, each zero or more;
 *                     copied on the way in and out
 */
public record EmpiricalDuration(long[] samplesNanos) implements DurationDistribution {

    /** @throws IllegalArgumentException when the list is empty or holds a negative value */
    public EmpiricalDuration {
        if (samplesNanos == null || samplesNanos.length == 0) {
            throw new IllegalArgumentException("empirical samples must list at least one duration");
        }
        samplesNanos = samplesNanos.clone();
        for (int i = 0; i < samplesNanos.length; i++) {
            if (samplesNanos[i] < 0) {
                throw new IllegalArgumentException("empirical sample " + i + " must be zero or more, was "
                        + samplesNanos[i] + "ns");
            }
        }
    }

    /** A copy of the listed durations, in the order given. */
    @Override
    public long[] samplesNanos() {
        return samplesNanos.clone();
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        return samplesNanos[Draws.intBelow(rng, samplesNanos.length)];
    }

    @Override
    public double meanNanos() {
        double sum = 0.0;
        for (long sample : samplesNanos) {
            sum += sample;
        }
        return sum / samplesNanos.length;
    }

    @Override
    public double varianceNanosSquared() {
        double mean = meanNanos();
        double sum = 0.0;
        for (long sample : samplesNanos) {
            double deviation = sample - mean;
            sum += deviation * deviation;
        }
        return sum / samplesNanos.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmpiricalDuration that && Arrays.equals(samplesNanos, that.samplesNanos);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samplesNanos);
    }

    @Override
    public String toString() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long sample : samplesNanos) {
            min = Math.min(min, sample);
            max = Math.max(max, sample);
        }
        return "empirical(" + samplesNanos.length + " samples, " + Draws.text(min) + ".." + Draws.text(max) + ")";
    }
}
