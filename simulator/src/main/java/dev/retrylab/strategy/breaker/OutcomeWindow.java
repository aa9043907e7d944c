package dev.retrylab.strategy.breaker;

/**
 * The recent outcomes a {@link CircuitBreaker} computes its failure rate over. Not thread-safe:
 * the breaker calls it under its lock. Implementations allocate nothing after construction.
 */
abstract class OutcomeWindow {

    /** Records one call's outcome finished at {@code nowNanos}. */
    abstract void record(boolean failed, long nowNanos);

    /** The calls in the window as of {@code nowNanos}. */
    abstract int calls(long nowNanos);

    /** The failed calls in the window as of {@code nowNanos}. */
    abstract int failures(long nowNanos);

    /** Whether the window reads the time; a count window does not, so the clock need not be read. */
    abstract boolean usesTime();

    /** Forgets every outcome. */
    abstract void clear();

    /** A window over the last {@code size} calls. */
    static OutcomeWindow ofCalls(int size) {
        return new CountWindow(size);
    }

    /** A window over the last {@code seconds} seconds, in one-second buckets. */
    static OutcomeWindow ofSeconds(int seconds) {
        return new TimeWindow(seconds);
    }
}
