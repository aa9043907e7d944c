package dev.retrylab.time;

import java.time.Duration;
import java.util.Objects;

/** Nanosecond arithmetic that neither overflows nor lets a too-long duration through unnoticed. */
public final class Nanos {

    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private Nanos() {
    }

    /** {@code a + b}, or the nearest long when the sum does not fit. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /** {@code a - b}, or the nearest long when the difference does not fit. */
    public static long saturatedSubtract(long a, long b) {
        long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return difference;
    }

    /**
     * {@code duration} in nanoseconds.
     *
     * @throws IllegalArgumentException naming {@code setting} when it is negative or longer than
     *                                  about 292 years, the most a long holds in nanoseconds
     */
    public static long of(String setting, Duration duration) {
        Objects.requireNonNull(duration, setting);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(setting + " must be zero or positive, was " + duration);
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(setting + " must be at most " + LONGEST + " (about 292 years), was "
                    + duration);
        }
        return duration.toNanos();
    }

    /**
     * {@code duration} in nanoseconds, which must be above zero.
     *
     * @throws IllegalArgumentException naming {@code setting} when it is zero, negative or too long
     */
    public static long positive(String setting, Duration duration) {
        long nanos = of(setting, duration);
        if (nanos == 0) {
            throw new IllegalArgumentException(setting + " must be positive, was " + duration);
        }
        return nanos;
    }

    /** {@code duration} in nanoseconds, at most {@link Long#MAX_VALUE}; never throws for length. */
    public static long clamped(Duration duration) {
        if (duration.compareTo(LONGEST) > 0) {
            return Long.MAX_VALUE;
        }
        if (duration.isNegative()) {
            return 0L;
        }
        return duration.toNanos();
    }
}
