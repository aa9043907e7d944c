package dev.retrylab.strategy.backoff;

import dev.retrylab.time.Nanos;
import dev.retrylab.time.DurationText;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The wait before each retry: a {@link BackoffType shape}, a cap and a {@link Jitter}. Immutable
 * and thread-safe; computing a delay is pure and allocates nothing.
 *
 * <p>Contract: retry n (n = 1 is the wait before the second attempt) has the un-jittered delay
 * {@code d = min(cap, base·multiplier^(n−1))} for exponential backoff (see {@link BackoffType}
 * for the others), and the cap applies before jitter. Decorrelated jitter uses base, cap and the
 * previous delay instead of n.
 */
public final class Backoff {

    private static final long NO_CAP = Long.MAX_VALUE;
    private static final Backoff NONE = new Backoff(BackoffType.NONE, 0L, 1.0, 0L, NO_CAP, Jitter.NONE, 0.0);

    private final BackoffType type;
    private final long baseNanos;
    private final double multiplier;
    private final long incrementNanos;
    private final long capNanos;
    private final Jitter jitter;
    private final double jitterFactor;

    private Backoff(BackoffType type, long baseNanos, double multiplier, long incrementNanos,
                    long capNanos, Jitter jitter, double jitterFactor) {
        this.type = type;
        this.baseNanos = baseNanos;
        this.multiplier = multiplier;
        this.incrementNanos = incrementNanos;
        this.capNanos = capNanos;
        this.jitter = jitter;
        this.jitterFactor = jitterFactor;
    }

    /** Retry at once. */
    public static Backoff none() {
        return NONE;
    }

    /** The same delay before every retry. */
    public static Backoff constant(Duration delay) {
        return new Backoff(BackoffType.CONSTANT, Nanos.positive("delay", delay), 1.0, 0L, NO_CAP, Jitter.NONE, 0.0);
    }

    /** {@code base + increment·(n−1)} before retry n. */
    public static Backoff linear(Duration base, Duration increment) {
        return new Backoff(BackoffType.LINEAR, Nanos.positive("base", base), 1.0,
                Nanos.of("increment", increment), NO_CAP, Jitter.NONE, 0.0);
    }

    /** {@code base·multiplier^(n−1)} before retry n; multiplier at least 1. */
    public static Backoff exponential(Duration base, double multiplier) {
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        return new Backoff(BackoffType.EXPONENTIAL, Nanos.positive("base", base), multiplier, 0L, NO_CAP,
                Jitter.NONE, 0.0);
    }

    /** The same backoff with no delay above {@code cap} (before jitter). */
    public Backoff withCap(Duration cap) {
        long capValue = Nanos.positive("cap", cap);
        if (capValue < baseNanos) {
            throw new IllegalArgumentException("cap (" + cap + ") must be at least the base delay ("
                    + Duration.ofNanos(baseNanos) + ")");
        }
        return new Backoff(type, baseNanos, multiplier, incrementNanos, capValue, jitter, jitterFactor);
    }

    /** The same backoff with {@code jitter}; proportional jitter takes a factor of 0.2. */
    public Backoff withJitter(Jitter jitter) {
        return withJitter(jitter, 0.2);
    }

    /** The same backoff with {@code jitter}; {@code factor} in [0, 1] is used by proportional jitter. */
    public Backoff withJitter(Jitter jitter, double factor) {
        Objects.requireNonNull(jitter, "jitter");
        if (!(factor >= 0.0 && factor <= 1.0)) {
            throw new IllegalArgumentException("jitter factor must be between 0 and 1, was " + factor);
        }
        return new Backoff(type, baseNanos, multiplier, incrementNanos, capNanos, jitter, factor);
    }

    /** The un-jittered delay before retry {@code retry} (1-based), capped. */
    public long baseDelayNanos(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be 1 or more, was " + retry);
        }
        switch (type) {
            case NONE:
                return 0L;
            case CONSTANT:
                return Math.min(capNanos, baseNanos);
            case LINEAR: {
                double linear = (double) baseNanos + (double) incrementNanos * (retry - 1);
                return linear >= capNanos ? capNanos : (long) linear;
            }
            default: {
                double exponential = baseNanos * Math.pow(multiplier, retry - 1);
                return exponential >= capNanos ? capNanos : (long) exponential;
            }
        }
    }

    /**
     * The delay before retry {@code retry}, jittered with a draw from {@code rng}.
     *
     * @param previousDelayNanos the delay before the previous retry (0 before the first); used by
     *                           decorrelated jitter
     */
    public long delayNanos(int retry, long previousDelayNanos, RandomGenerator rng) {
        long delay = baseDelayNanos(retry);
        switch (jitter) {
            case NONE:
                return delay;
            case FULL:
                return Jitter.full(delay, rng);
            case EQUAL:
                return Jitter.equal(delay, rng);
            case DECORRELATED:
                return type == BackoffType.NONE ? 0L : Jitter.decorrelated(baseNanos, capNanos, previousDelayNanos, rng);
            default:
                return Jitter.proportional(delay, jitterFactor, rng);
        }
    }

    public BackoffType type() {
        return type;
    }

    public Duration base() {
        return Duration.ofNanos(baseNanos);
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration increment() {
        return Duration.ofNanos(incrementNanos);
    }

    /** The cap in nanoseconds, {@link Long#MAX_VALUE} when there is none. */
    public long capNanos() {
        return capNanos;
    }

    /** The cap, or null when there is none. */
    public Duration cap() {
        return capNanos == NO_CAP ? null : Duration.ofNanos(capNanos);
    }

    public Jitter jitter() {
        return jitter;
    }

    public double jitterFactor() {
        return jitterFactor;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type.name().toLowerCase(Locale.ROOT));
        if (type != BackoffType.NONE) {
            text.append(" base=").append(DurationText.format(base()));
        }
        if (type == BackoffType.EXPONENTIAL) {
            text.append(" multiplier=").append(multiplier);
        }
        if (type == BackoffType.LINEAR) {
            text.append(" increment=").append(DurationText.format(increment()));
        }
        if (capNanos != NO_CAP) {
            text.append(" cap=").append(DurationText.format(cap()));
        }
        return text.append(" jitter=").append(jitter.name().toLowerCase(Locale.ROOT)).toString();
    }

}
