package dev.retrylab.strategy.retry;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import java.util.random.RandomGenerator;

/**
 * Decides, after a failed attempt, whether and when to try again. Implementations never wait:
 * they return a {@link Decision} that an executor or the simulator acts on. Implementations are
 * thread-safe; per-call memory lives in the {@link RetryState} passed in.
 */
public interface RetryStrategy {

    /**
     * The decision after {@code failure} ended the latest attempt of the call described by
     * {@code state}. A retry decision is recorded in {@code state}.
     *
     * @param nowNanos the current time on the caller's clock
     * @param rng      the source of jitter; never shared between threads
     */
    Decision decide(RetryState state, Failure failure, long nowNanos, RandomGenerator rng);

    /**
     * Tells the strategy how a call ended, for strategies that learn from recent calls. The default
     * ignores it. Must not allocate when nobody learns.
     *
     * @param attempts  the attempts the call made
     * @param succeeded whether the call ended in success
     */
    default void callFinished(int attempts, boolean succeeded, long nowNanos) {
    }

    /**
     * Whether {@link #decide} reads {@link RetryState#firstAttemptNanos()} (a time budget per call).
     * When false, an executor need not read the clock before a call's first attempt. Default true.
     */
    default boolean usesCallStartTime() {
        return true;
    }

    /**
     * Whether {@link #callFinished} does anything. When false, an executor need not read the clock
     * to report the end of a call. Default false.
     */
    default boolean learnsFromCalls() {
        return false;
    }

    /** Which failures this strategy retries, and how exceptions become failures. */
    Classification classification();

    /** The largest number of attempts this strategy allows a call right now. */
    int maxAttempts();
}
