package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;

/**
 * What the model reports as it runs, at the simulation's current time: the counters behind the
 * time series and the summary. Called on the simulation's thread, once per occurrence;
 * implementations must not allocate per call. Every method does nothing unless overridden, so a
 * recorder implements only what it needs.
 */
public interface RunRecorder {

    /** Records nothing. */
    RunRecorder NONE = new RunRecorder() {
    };

    /** A client started a new logical request. */
    default void requestStarted(long nowNanos) {
    }

    /**
     * Client {@code client} (its index in its group) started a new logical request. By default it
     * forwards to {@link #requestStarted(long)}.
     */
    default void requestStarted(long nowNanos, int client) {
        requestStarted(nowNanos);
    }

    /**
     * Client {@code client} (its index in its group) started a new logical request to service
     * {@code service} (its index in the system, as in {@link #serviceLoad}). The model calls this
     * one; by default it forwards to {@link #requestStarted(long, int)}.
     */
    default void requestStarted(long nowNanos, int client, int service) {
        requestStarted(nowNanos, client);
    }

    /** An attempt was sent; {@code retry} when it is not the request's first. */
    default void attemptStarted(long nowNanos, boolean retry) {
    }

    /** A hedge (an extra attempt of a slow pass) was sent; it was also reported as an attempt. */
    default void hedgeStarted(long nowNanos) {
    }

    /** An attempt failed with {@code kind} after {@code latencyNanos}. */
    default void attemptFailed(long nowNanos, FailureKind kind, long latencyNanos) {
    }

    /** An attempt succeeded after {@code latencyNanos}. */
    default void attemptSucceeded(long nowNanos, long latencyNanos) {
    }

    /** A logical request succeeded, {@code latencyNanos} after its first attempt started. */
    default void requestSucceeded(long nowNanos, long latencyNanos, int attempts) {
    }

    /**
     * A logical request failed for good.
     *
     * @param lastKind the kind of its last failure
     * @param reason   why it stopped retrying
     */
    default void requestFailed(long nowNanos, long latencyNanos, int attempts, FailureKind lastKind,
                               GiveUpReason reason) {
    }

    /** Service {@code service} (its index in the system) now has {@code queued} waiting and {@code busy} working. */
    default void serviceLoad(int service, int queued, int busy, long nowNanos) {
    }

    /**
     * A worker of service {@code service} finished an attempt whose client had already given up,
     * after {@code workNanos} of work nobody will use.
     */
    default void workWasted(int service, long workNanos, long nowNanos) {
    }

    /** Service {@code service} rejected an attempt at once because its queue was full. */
    default void serviceRejected(int service, long nowNanos) {
    }

    /**
     * A logical request that failed for good was answered from its client's cache (a fallback);
     * it was reported as failed just before.
     */
    default void servedFromCache(long nowNanos) {
    }

    /**
     * {@code clients} more clients (fewer, when negative) now have an open circuit breaker; with
     * strategy objects per target, a client counts once for each target whose breaker is open.
     */
    default void openBreakers(int clients, long nowNanos) {
    }
}
