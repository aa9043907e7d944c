package dev.retrylab.engine.random;

import java.util.Objects;

/**
 * Derives independent, reproducible random streams from a scenario seed: one stream per
 * (scenario seed, replication, purpose, entity). Two runs of the same scenario with the same
 * seed draw the same numbers on any machine, whatever else changed in between, and a strategy
 * that draws more or fewer numbers never moves the arrivals, service times or faults, which
 * come from streams of other purposes (common random numbers).
 *
 * <h2>Seed derivation</h2>
 *
 * With {@code mix} the SplitMix64 finaliser (Stafford variant 13, {@link SplitMix64#mix}) and
 * {@code GAMMA = 0x9e3779b97f4a7c15L}, all arithmetic on 64-bit two's complement longs:
 *
 * <pre>{@code
 * absorb(h, x) = mix(h ^ mix(x + GAMMA))
 * h0 = 0x52657472794c6162L                   // "RetryLab" in ASCII
 * h1 = absorb(h0, scenarioSeed)
 * h2 = absorb(h1, replication)               // 0 unless replications are asked for
 * h3 = absorb(h2, purpose.code())            // StreamPurpose#code, stable forever
 * streamSeed = absorb(h3, entity)            // client index, service index, fault index
 * }</pre>
 *
 * <p>The stream then is SplitMix64 from that seed: value k (k = 1, 2, ...) is
 * {@code mix(streamSeed + k * GAMMA)}, the same sequence as
 * {@code new java.util.SplittableRandom(streamSeed).nextLong()}.
 *
 * <p>{@code mix} is a bijection, so for a fixed prefix every component value gives a different
 * seed, and a change of any input bit changes each seed bit with probability one half. Streams of
 * one purpose share the increment, so two of them overlap if their seeds lie within the number
 * of values drawn of each other on the SplitMix64 cycle: with n streams of at most L values each,
 * the chance of any overlap is about {@code n^2 L / 2^64}, below 1e-3 for a million clients
 * drawing ten thousand values each.
 *
 * <p>Stateless and thread-safe.
 */
public final class RandomStreams {

    /** The starting value of the derivation chain: the ASCII bytes of "RetryLab". */
    public static final long DERIVATION_START = 0x5265_7472_794c_6162L;

    private RandomStreams() {
    }

    /** The seed of the stream of {@code entity} for {@code purpose} in replication 0. */
    public static long seed(long scenarioSeed, StreamPurpose purpose, long entity) {
        return seed(scenarioSeed, 0, purpose, entity);
    }

    /** The seed of the stream of {@code entity} for {@code purpose} in {@code replication}. */
    public static long seed(long scenarioSeed, long replication, StreamPurpose purpose, long entity) {
        Objects.requireNonNull(purpose, "purpose");
        long h = absorb(DERIVATION_START, scenarioSeed);
        h = absorb(h, replication);
        h = absorb(h, purpose.code());
        return absorb(h, entity);
    }

    /** The stream of one entity, for entities that are few: a service, a fault, a load balancer. */
    public static SplitMix64 stream(long scenarioSeed, StreamPurpose purpose, long entity) {
        return new SplitMix64(seed(scenarioSeed, purpose, entity));
    }

    /** The stream of one entity in {@code replication}. */
    public static SplitMix64 stream(long scenarioSeed, long replication, StreamPurpose purpose, long entity) {
        return new SplitMix64(seed(scenarioSeed, replication, purpose, entity));
    }

    /** The streams of entities 0 to {@code entities - 1} for {@code purpose}, one long each. */
    public static RandomStreamArray array(long scenarioSeed, StreamPurpose purpose, int entities) {
        return array(scenarioSeed, 0, purpose, entities);
    }

    /** The streams of entities 0 to {@code entities - 1} for {@code purpose} in {@code replication}. */
    public static RandomStreamArray array(long scenarioSeed, long replication, StreamPurpose purpose,
            int entities) {
        return array(scenarioSeed, replication, purpose, 0L, entities);
    }

    /**
     * The streams of entities {@code firstEntity} to {@code firstEntity + entities - 1}: index i of
     * the array is entity {@code firstEntity + i}. Groups of entities (the clients of group g, say
     * at {@code g << 32}) get streams of their own this way.
     */
    public static RandomStreamArray array(long scenarioSeed, long replication, StreamPurpose purpose,
            long firstEntity, int entities) {
        Objects.requireNonNull(purpose, "purpose");
        if (entities < 0) {
            throw new IllegalArgumentException("entities must be zero or more, was " + entities);
        }
        long prefix = absorb(absorb(absorb(DERIVATION_START, scenarioSeed), replication), purpose.code());
        long[] states = new long[entities];
        for (int index = 0; index < entities; index++) {
            states[index] = absorb(prefix, firstEntity + index);
        }
        return new RandomStreamArray(states);
    }

    private static long absorb(long h, long x) {
        return SplitMix64.mix(h ^ SplitMix64.mix(x + SplitMix64.GAMMA));
    }
}
