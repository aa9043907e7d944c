package dev.retrylab.engine.random;

import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A distribution of durations: service times, network delays, think times, fault lengths. Each
 * kind is a record validated in its compact constructor; the factories here take
 * {@link Duration}s, the records keep nanoseconds.
 *
 * <p>Sampling returns whole nanoseconds, never negative, rounded to the nearest nanosecond and
 * capped at {@link Long#MAX_VALUE}; it allocates nothing and draws only through
 * {@link RandomGenerator#nextLong()}, converting the bits itself with integer arithmetic and
 * {@link StrictMath}, so the same stream gives the same samples on every machine. Each record
 * says how many values one sample draws.
 *
 * <p>{@link #meanNanos()} and {@link #varianceNanosSquared()} are those of the continuous (or,
 * for {@link UniformDuration} and {@link EmpiricalDuration}, discrete) distribution before the
 * rounding to whole nanoseconds, which moves the mean by less than half a nanosecond.
 *
 * <p>Records are immutable and thread-safe; a {@link RandomGenerator} is not, so sample from one
 * thread per generator.
 */
public sealed interface DurationDistribution permits ConstantDuration, UniformDuration, ExponentialDuration,
        TruncatedNormalDuration, LogNormalDuration, ParetoDuration, MixtureDuration, EmpiricalDuration {

    /** One sample in nanoseconds, zero or more. */
    long sampleNanos(RandomGenerator rng);

    /** One sample from {@code entity}'s stream of {@code streams}; rebinds {@link RandomStreamArray#view}. */
    default long sampleNanos(RandomStreamArray streams, int entity) {
        return sampleNanos(streams.view(entity));
    }

    /** The mean in nanoseconds; {@link Double#POSITIVE_INFINITY} when it does not exist. */
    double meanNanos();

    /**
     * The variance in square nanoseconds; {@link Double#POSITIVE_INFINITY} when it does not exist.
     * With the mean it gives the second moment that queueing formulas (Pollaczek-Khinchine) need.
     */
    double varianceNanosSquared();

    /** Always {@code duration}. */
    static DurationDistribution constant(Duration duration) {
        return new ConstantDuration(Nanos.of("constant duration", duration));
    }

    /** Every whole nanosecond from {@code min} to {@code max}, both included, equally likely. */
    static DurationDistribution uniform(Duration min, Duration max) {
        return new UniformDuration(Nanos.of("uniform min", min), Nanos.of("uniform max", max));
    }

    /** Exponential with the given mean: memoryless, as the gaps of a Poisson process. */
    static DurationDistribution exponential(Duration mean) {
        return new ExponentialDuration(Nanos.positive("exponential mean", mean));
    }

    /** A normal distribution of mean {@code mean} and standard deviation {@code sd}, truncated at zero. */
    static DurationDistribution truncatedNormal(Duration mean, Duration sd) {
        return new TruncatedNormalDuration(Nanos.of("normal mean", mean), Nanos.positive("normal sd", sd));
    }

    /** The log-normal distribution with the given median and 99th percentile. */
    static DurationDistribution logNormal(Duration median, Duration p99) {
        return LogNormalDuration.ofMedianAndP99(median, p99);
    }

    /** The log-normal distribution of {@code exp(mu + sigma Z)} nanoseconds, Z standard normal. */
    static DurationDistribution logNormalOfLogs(double mu, double sigma) {
        return new LogNormalDuration(mu, sigma);
    }

    /** The Pareto distribution of scale (minimum) {@code scale} and tail index {@code shape}. */
    static DurationDistribution pareto(Duration scale, double shape) {
        return new ParetoDuration(Nanos.positive("pareto scale", scale), shape, Long.MAX_VALUE);
    }

    /** The Pareto distribution with every sample above {@code cap} replaced by {@code cap}. */
    static DurationDistribution pareto(Duration scale, double shape, Duration cap) {
        return new ParetoDuration(Nanos.positive("pareto scale", scale), shape, Nanos.of("pareto cap", cap));
    }

    /** {@code a} with probability {@code probabilityOfA}, otherwise {@code b}. */
    static DurationDistribution mixture(double probabilityOfA, DurationDistribution a, DurationDistribution b) {
        return new MixtureDuration(probabilityOfA, a, b);
    }

    /** One of {@code samples}, each with probability 1/n (a value listed twice counts twice). */
    static DurationDistribution empirical(List<Duration> samples) {
        Objects.requireNonNull(samples, "empirical samples");
        long[] nanos = new long[samples.size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = Nanos.of("empirical sample " + i, samples.get(i));
        }
        return new EmpiricalDuration(nanos);
    }
}
