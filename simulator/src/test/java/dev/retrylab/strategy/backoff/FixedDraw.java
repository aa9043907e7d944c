package dev.retrylab.strategy.backoff;

import java.util.random.RandomGenerator;

/** A generator whose {@code nextDouble()} always returns one chosen value, for exact jitter tests. */
final class FixedDraw implements RandomGenerator {

    private final double value;

    FixedDraw(double value) {
        this.value = value;
    }

    @Override
    public double nextDouble() {
        return value;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextDouble is drawn by jitter");
    }
}
