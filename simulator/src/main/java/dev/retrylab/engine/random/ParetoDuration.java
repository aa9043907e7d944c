package dev.retrylab.engine.random;

import java.util.random.RandomGenerator;

/**
 * The Pareto distribution, {@code P(X > x) = (scale / x)^shape} for {@code x >= scale}: a power-law
 * tail, the rare very slow call. A smaller shape (tail index) means a heavier tail: the mean
 * exists only for {@code shape > 1}, the variance only for {@code shape > 2}. Sampled by inversion,
 * {@code scale U^(-1/shape)}, one draw per sample.
 *
 * <p>A cap replaces every value above it by the cap (a timeout, say): the samples are
 * {@code min(X, cap)}, and the cap itself is drawn with probability {@code (scale / cap)^shape}.
 * With {@code r = cap / scale} and {@code g(t) = (r^t - 1) / t} ({@code ln r} at {@code t = 0}),
 * integrating the tail gives the moments of the capped distribution for every shape:
 * <pre>{@code
 * E[min(X, cap)]   = scale   * (1 + g(1 - shape))
 * E[min(X, cap)^2] = scale^2 * (1 + 2 g(2 - shape))
 * }</pre>
 * Uncapped: mean {@code shape scale / (shape - 1)}, variance
 * {@code shape scale^2 / ((shape - 1)^2 (shape - 2))}.
 *
 * @param scaleNanos the scale, the smallest value, in nanoseconds; positive
 * @param shape      the tail index alpha; positive and finite
 * @param capNanos   the largest value, at least {@code scaleNanos}; {@link Long#MAX_VALUE} for no cap
 */
public record ParetoDuration(long scaleNanos, double shape, long capNanos) implements DurationDistribution {

    /** @throws IllegalArgumentException when a parameter is out of its range */
    public ParetoDuration {
        if (scaleNanos <= 0) {
            throw new IllegalArgumentException("pareto scale must be positive, was " + scaleNanos + "ns");
        }
        if (!(shape > 0.0 && shape < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("pareto shape (tail index) must be positive and finite, was " + shape);
        }
        if (capNanos < scaleNanos) {
            throw new IllegalArgumentException("pareto cap must be at least the scale (" + Draws.text(scaleNanos)
                    + "), was " + capNanos + "ns");
        }
    }

    /** Whether samples above a cap are replaced by it. */
    public boolean capped() {
        return capNanos != Long.MAX_VALUE;
    }

    @Override
    public long sampleNanos(RandomGenerator rng) {
        double value = scaleNanos * StrictMath.pow(Draws.openUnit(rng.nextLong()), -1.0 / shape);
        return Math.min(Draws.nanos(value), capNanos);
    }

    @Override
    public double meanNanos() {
        if (capped()) {
            return scaleNanos * (1.0 + g(1.0 - shape));
        }
        return shape > 1.0 ? shape * scaleNanos / (shape - 1.0) : Double.POSITIVE_INFINITY;
    }

    @Override
    public double varianceNanosSquared() {
        double scale = scaleNanos;
        if (capped()) {
            double mean = meanNanos();
            return Math.max(0.0, scale * scale * (1.0 + 2.0 * g(2.0 - shape)) - mean * mean);
        }
        if (shape <= 2.0) {
            return Double.POSITIVE_INFINITY;
        }
        double shapeLessOne = shape - 1.0;
        return shape * scale * scale / (shapeLessOne * shapeLessOne * (shape - 2.0));
    }

    /** {@code (r^t - 1) / t} with {@code r = cap / scale}, and its limit {@code ln r} at t = 0. */
    private double g(double t) {
        double logRatio = StrictMath.log((double) capNanos / scaleNanos);
        return t == 0.0 ? logRatio : StrictMath.expm1(t * logRatio) / t;
    }

    @Override
    public String toString() {
        return "pareto(scale=" + Draws.text(scaleNanos) + ", shape=" + shape
                + (capped() ? ", cap=" + Draws.text(capNanos) : "") + ")";
    }
}
