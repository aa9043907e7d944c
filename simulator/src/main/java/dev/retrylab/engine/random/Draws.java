package dev.retrylab.engine.random;

import dev.retrylab.time.DurationText;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Turns 64 random bits into the values the simulator draws. The one owner of these conversions:
 * {@link SplitMix64}, {@link RandomStreamArray} and the duration distributions all call it, so a
 * value depends only on the bits drawn, never on a JDK default method that might change between
 * releases. Integer arithmetic and {@link StrictMath} only: identical on every machine.
 */
final class Draws {

    private static final double TWO_TO_MINUS_53 = 0x1.0p-53;
    private static final double TWO_TO_MINUS_52 = 0x1.0p-52;

    private Draws() {
    }

    /** A double in [0, 1): the top 53 bits, the resolution of a double in [1/2, 1). */
    static double unit(long bits) {
        return (bits >>> 11) * TWO_TO_MINUS_53;
    }

    /**
     * A double in (0, 1), never 0 nor 1: the top 52 bits plus one half, times 2<sup>-52</sup>.
     * Every value is exact, so the result lies in [2<sup>-53</sup>, 1 - 2<sup>-53</sup>] and may go
     * into a logarithm or an inverse distribution function.
     */
    static double openUnit(long bits) {
        return ((bits >>> 12) + 0.5) * TWO_TO_MINUS_52;
    }

    /** An exponential value of mean 1, by inversion: {@code -ln u} with u from {@link #openUnit}. */
    static double exponential(long bits) {
        return -StrictMath.log(openUnit(bits));
    }

    /** A standard normal value, by inversion of {@link #openUnit}; always within about ±8.3. */
    static double gaussian(long bits) {
        return StandardNormal.quantileForSampling(openUnit(bits));
    }

    /**
     * A uniform int in [0, bound), without bias: D. Lemire, "Fast random integer generation in an
     * interval", ACM TOMACS 29(1), 2019. Draws one value, rarely more.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    static int intBelow(RandomGenerator rng, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long product = (rng.nextLong() >>> 32) * bound;
        long low = product & 0xffff_ffffL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                product = (rng.nextLong() >>> 32) * bound;
                low = product & 0xffff_ffffL;
            }
        }
        return (int) (product >>> 32);
    }

    /**
     * A uniform long in [0, bound), without bias: a power of two takes the low bits; otherwise a
     * 63-bit value is reduced modulo {@code bound}, rejecting the values of the last, incomplete
     * block of {@code bound} values. Draws one value, and more with probability below one half.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    static long longBelow(RandomGenerator rng, long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long mask = bound - 1;
        if ((bound & mask) == 0) {
            return rng.nextLong() & mask;
        }
        long bits = rng.nextLong() >>> 1;
        long value = bits % bound;
        while (bits - value + mask < 0) {
            bits = rng.nextLong() >>> 1;
            value = bits % bound;
        }
        return value;
    }

    /** A uniform long in [0, span], for any span from 0 to {@link Long#MAX_VALUE}. */
    static long longUpTo(RandomGenerator rng, long span) {
        return span == Long.MAX_VALUE ? rng.nextLong() >>> 1 : longBelow(rng, span + 1);
    }

    /**
     * A sample in whole nanoseconds: rounded to the nearest, 0 for a negative or NaN value,
     * {@link Long#MAX_VALUE} for a value beyond it.
     */
    static long nanos(double sample) {
        return sample > 0.0 ? Math.round(sample) : 0L;
    }

    /** {@code nanos} as {@link DurationText} writes it, for {@code toString}. */
    static String text(long nanos) {
        return DurationText.format(Duration.ofNanos(nanos));
    }
}
