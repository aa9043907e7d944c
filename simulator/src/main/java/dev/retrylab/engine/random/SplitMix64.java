package dev.retrylab.engine.random;

/**
 * One SplitMix64 stream: a 64-bit counter advanced by the golden-ratio {@link #GAMMA} and passed
 * through the {@link #mix(long)} finaliser. Algorithm of G. L. Steele, D. Lea and C. H. Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014, with the finaliser "variant 13"
 * of D. Stafford, "Better bit mixing" (2011), as in S. Vigna's {@code splitmix64.c} and the JDK's
 * {@link java.util.SplittableRandom}: {@code new SplitMix64(s)} yields the same {@code nextLong()}
 * sequence as {@code new SplittableRandom(s)}.
 *
 * <p>Use it for entities that are few (a service, a fault); {@link RandomStreamArray} keeps the
 * same streams for a million clients in one {@code long} each. Both produce the same numbers for
 * the same seed. Every method is defined from {@link #nextLong()} by {@link Draws} with integer
 * arithmetic and {@link StrictMath}, so a sequence is identical on every JVM and machine.
 *
 * <p>Not thread-safe: one stream belongs to one simulation thread. Period 2<sup>64</sup>.
 */
public final class SplitMix64 extends BitGenerator {

    /** The counter increment: 2<sup>64</sup> divided by the golden ratio, made odd. */
    public static final long GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A stream whose first value is {@code mix(seed + GAMMA)}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * Stafford's variant 13 of the MurmurHash3 64-bit finaliser, a bijection on 64-bit values in
     * which every input bit changes every output bit with probability close to one half.
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

@Override
    public String toString() {
        return "SplitMix64";
    }
}
