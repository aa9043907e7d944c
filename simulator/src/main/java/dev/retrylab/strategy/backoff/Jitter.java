package dev.retrylab.strategy.backoff;

import java.util.random.RandomGenerator;

/**
 * How a computed delay is randomised so that clients that failed together do not retry
 * together. The formulas follow Marc Brooker, "Exponential Backoff And Jitter" (AWS
 * Architecture Blog, 2015), plus the proportional jitter used by gRPC and Polly.
 *
 * <p>Every function is pure: the same inputs and the same random draw give the same result.
 * {@code U(a, b)} below is {@code a + floor(r · (b − a))} with {@code r = rng.nextDouble()}, so it
 * lies in {@code [a, b)}.
 */
public enum Jitter {
    /** The delay as computed. */
    NONE,
    /** {@code U(0, d)}. */
    FULL,
    /** {@code d/2 + U(0, d/2)}. */
    EQUAL,
    /** {@code min(cap, U(base, 3·prev))}, with {@code prev} the previous delay, starting at base. */
    DECORRELATED,
    /** {@code U(d·(1−f), d·(1+f))} with factor {@code f} in [0, 1]. */
    PROPORTIONAL;

    /** {@code U(low, high)}: {@code low + floor(r·(high − low))}; {@code low} when the range is empty. */
    public static long uniform(long low, long high, RandomGenerator rng) {
        if (high <= low) {
            return low;
        }
        return low + (long) (rng.nextDouble() * (double) (high - low));
    }

    /** Full jitter of {@code delay}. */
    public static long full(long delay, RandomGenerator rng) {
        return uniform(0L, delay, rng);
    }

    /** Equal jitter of {@code delay}. */
    public static long equal(long delay, RandomGenerator rng) {
        long half = delay / 2;
        return half + uniform(0L, delay - half, rng);
    }

    /** Decorrelated jitter after {@code previous} (base when it is not positive). */
    public static long decorrelated(long base, long cap, long previous, RandomGenerator rng) {
        long prev = previous > 0 ? previous : base;
        long high = prev > Long.MAX_VALUE / 3 ? Long.MAX_VALUE : prev * 3;
        return Math.min(cap, uniform(base, high, rng));
    }

    /** Proportional jitter of {@code delay} by {@code factor} in [0, 1]. */
    public static long proportional(long delay, double factor, RandomGenerator rng) {
        double spread = delay * factor;
        double low = delay - spread;
        double high = Math.min((double) Long.MAX_VALUE, delay + spread);
        return (long) (low + rng.nextDouble() * (high - low));
    }
}
