package dev.retrylab.engine.random;

import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} whose every draw derives from {@link #nextLong()} through
 * {@link Draws}, with integer arithmetic and {@code StrictMath}, so a stream of longs gives the
 * same doubles, bounded ints and Gaussians on every machine and JDK. Subclasses supply the longs.
 */
abstract class BitGenerator implements RandomGenerator {

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public int nextInt(int bound) {
        return Draws.intBelow(this, bound);
    }

    @Override
    public long nextLong(long bound) {
        return Draws.longBelow(this, bound);
    }

    @Override
    public double nextDouble() {
        return Draws.unit(nextLong());
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    @Override
    public double nextExponential() {
        return Draws.exponential(nextLong());
    }

    @Override
    public double nextGaussian() {
        return Draws.gaussian(nextLong());
    }
}
