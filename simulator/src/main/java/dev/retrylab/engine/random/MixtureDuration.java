package dev.retrylab.engine.random;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Two modes: {@code a} with probability {@code probabilityOfA}, otherwise {@code b}; for example
 * 99.9% fast calls and 0.1% slow ones. One draw picks the mode (true when a uniform value in
 * [0, 1) is below the probability), then the mode draws its own sample. Mean
 * {@code p mean(a) + (1 - p) mean(b)}; variance by the law of total variance,
 * {@code p (var(a) + mean(a)^2) + (1 - p) (var(b) + mean(b)^2) - mean^2}.
 *
 * @param probabilityOfA the probability of mode {@code a}, in [0, 1]
 * @param a              the first mode
 * @param b              the second mode
 */
public record MixtureDuration(double probabilityOfA, DurationDistribution a, DurationDistribution b)
        implements DurationDistribution {

    /** @throws IllegalArgumentException when the probability is outside [0, 1] */
    public MixtureDuration {
        if (!(probabilityOfA >= 0.0 && probabilityOfA <= 1.0)) {
            throw new IllegalArgumentException("mixture probability of the first mode must be in [0, 1], was "
                    + probabilityOfA);
        }
        Objects.requireNonNull(a, "mixture first mode");
        Objects.requireNonNull(b, "mixture second mode");
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        return Draws.unit(rng.nextLong()) < probabilityOfA ? a.sampleNanos(rng) : b.sampleNanos(rng);
    }

    @Override
    public double meanNanos() {
        return weighted(a.meanNanos(), b.meanNanos());
    }

    @Override
    public double varianceNanosSquared() {
        double meanA = a.meanNanos();
        double meanB = b.meanNanos();
        double secondMoment = weighted(a.varianceNanosSquared() + meanA * meanA,
                b.varianceNanosSquared() + meanB * meanB);
        if (secondMoment == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = meanNanos();
        return Math.max(0.0, secondMoment - mean * mean);
    }

    /** {@code p x + (1 - p) y}, where a mode of probability zero counts for nothing, even if infinite. */
    private double weighted(double x, double y) {
        if (probabilityOfA == 1.0) {
            return x;
        }
        if (probabilityOfA == 0.0) {
            return y;
        }
        return probabilityOfA * x + (1.0 - probabilityOfA) * y;
    }

    @Override
    public String toString() {
        return "mixture(" + probabilityOfA + " " + a + ", else " + b + ")";
    }
}
