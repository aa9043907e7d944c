package dev.retrylab.strategy.fallback;

import dev.retrylab.strategy.Failure;
import java.util.Objects;

/**
 * A value and where it came from, so callers and metrics can tell degraded answers from live
 * ones. Immutable.
 *
 * @param value          the value served
 * @param source         which source served it
 * @param attempts       attempts made in all, primary and fallback together; 0 only for a cached
 *                       value served after both were refused without a call (an open circuit)
 * @param ageNanos       how old the value is: 0 for a live value, the time since it was stored
 *                       for a cached one
 * @param primaryFailure why the primary gave up, or null when the primary served
 * @param <T>            the value type
 */
public record Served<T>(T value, Source source, int attempts, long ageNanos, Failure primaryFailure) {

    public Served {
        Objects.requireNonNull(source, "source");
        if (attempts < 0 || (source != Source.CACHE && attempts == 0)) {
            throw new IllegalArgumentException("attempts must be " + (source == Source.CACHE ? "0" : "1")
                    + " or more, was " + attempts);
        }
        if (ageNanos < 0) {
            throw new IllegalArgumentException("ageNanos must be zero or more, was " + ageNanos);
        }
        if (source != Source.CACHE && ageNanos != 0) {
            throw new IllegalArgumentException("only a cached value has an age, " + source + " had " + ageNanos);
        }
        if ((source == Source.PRIMARY) != (primaryFailure == null)) {
            throw new IllegalArgumentException(source == Source.PRIMARY
                    ? "a value served by the primary has no primary failure"
                    : "a value served by " + source + " needs the primary's failure");
        }
    }

    /** A live value from the primary after {@code attempts} attempts. */
    public static <T> Served<T> primary(T value, int attempts) {
        return new Served<>(value, Source.PRIMARY, attempts, 0L, null);
    }

    /** A live value from the fallback after the primary failed with {@code primaryFailure}. */
    public static <T> Served<T> fallback(T value, int attempts, Failure primaryFailure) {
        return new Served<>(value, Source.FALLBACK, attempts, 0L, primaryFailure);
    }

    /** A last-known-good value stored {@code ageNanos} ago. */
    public static <T> Served<T> cache(T value, int attempts, long ageNanos, Failure primaryFailure) {
        return new Served<>(value, Source.CACHE, attempts, ageNanos, primaryFailure);
    }

    /** True when the value did not come live from the primary. */
    public boolean degraded() {
        return source != Source.PRIMARY;
    }
}
