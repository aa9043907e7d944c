package dev.retrylab.engine.random;

import java.util.random.RandomGenerator;

/**
 * The random streams of many entities of one purpose (say, the workload streams of a million
 * clients), kept as one SplitMix64 state each in a single {@code long[]}: 8 bytes per entity.
 * Entity {@code e} draws exactly the numbers of {@code RandomStreams.stream(seed, purpose, e)};
 * see {@link RandomStreams} for the seed derivation.
 *
 * <p>Every draw is allocation-free. {@link #view(int)} adapts one entity's stream to
 * {@link RandomGenerator} for code that takes one (the strategies of the library, the duration
 * distributions) without allocating: it rebinds a single adapter object owned by this array.
 *
 * <p>Not thread-safe: an array belongs to one simulation thread, as does its view.
 */
public final class RandomStreamArray {

    private final long[] states;
    private final EntityView view = new EntityView(this);
    private final EntityView internalView = new EntityView(this);

    RandomStreamArray(long[] states) {
        this.states = states;
    }

    /** The number of entities, numbered from 0. */
    public int size() {
        return states.length;
    }

    /** The next 64 random bits of {@code entity}'s stream. */
    public long nextLong(int entity) {
        long state = states[entity] + SplitMix64.GAMMA;
        states[entity] = state;
        return SplitMix64.mix(state);
    }

    /** A uniform double in [0, 1) with 53 random bits. */
    public double nextDouble(int entity) {
        return Draws.unit(nextLong(entity));
    }

    /**
     * A uniform int in [0, bound), without bias.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    public int nextInt(int entity, int bound) {
        return Draws.intBelow(internalView.bind(entity), bound);
    }

    /**
     * A uniform long in [0, bound), without bias.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    public long nextLong(int entity, long bound) {
        return Draws.longBelow(internalView.bind(entity), bound);
    }

    /** True with probability {@code probability} (0 never, 1 always). */
    public boolean nextBoolean(int entity, double probability) {
        return Draws.unit(nextLong(entity)) < probability;
    }

    /** An exponential value of mean 1, by inversion of one draw. */
    public double nextExponential(int entity) {
        return Draws.exponential(nextLong(entity));
    }

    /** A standard normal value, by inversion of one draw. */
    public double nextGaussian(int entity) {
        return Draws.gaussian(nextLong(entity));
    }

    /**
     * {@code entity}'s stream as a {@link RandomGenerator}, without allocating: the returned object
     * is the same on every call and is rebound to {@code entity} by each call. It is valid until the
     * next call of {@code view} on this array; do not keep it, and hand it only to code that draws
     * during the call (a {@code jitter.apply(base, rng)}), never to an object that stores it.
     *
     * @throws IndexOutOfBoundsException when {@code entity} is not in [0, size)
     */
    public RandomGenerator view(int entity) {
        if (entity < 0 || entity >= states.length) {
            throw new IndexOutOfBoundsException("entity " + entity + " is not in [0, " + states.length + ")");
        }
        return view.bind(entity);
    }

    @Override
    public String toString() {
        return "RandomStreamArray[" + states.length + " streams]";
    }

    /** The reusable adapter from one entity's stream to {@link RandomGenerator}. */
    private static final class EntityView extends BitGenerator {

        private final RandomStreamArray streams;
        private int entity;

        EntityView(RandomStreamArray streams) {
            this.streams = streams;
        }

        EntityView bind(int newEntity) {
            this.entity = newEntity;
            return this;
        }

        @Override
        public long nextLong() {
            return streams.nextLong(entity);
        }

@Override
        public String toString() {
            return "view of entity " + entity + " of " + streams;
        }
    }
}
