package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;

/**
 * What the model reports as it runs, at the simulation's current time: the counters behind the
 * time series and the summary. Called on the simulation's thread, once per occurrence;
 * implementations must not allocate per call.
 */
public interface RunRecorder {

    /** A client started a new logical request. */
    void requestStarted(long nowNanos);

    /**
     * Client {@code client} (its index in its group) started a new logical request. The model
     * calls this one; by default it forwards to {@link #requestStarted(long)}.
     */
    default void requestStarted(long nowNanos, int client) {
        requestStarted(nowNanos);
    }

    /** An attempt was sent; {@code retry} when it is not the request's first. */
    void attemptStarted(long nowNanos, boolean retry);

    /** An attempt failed with {@code kind} after {@code latencyNanos}. */
    void attemptFailed(long nowNanos, FailureKind kind, long latencyNanos);

    /** An attempt succeeded after {@code latencyNanos}. */
    void attemptSucceeded(long nowNanos, long latencyNanos);

    /** A logical request succeeded, {@code latencyNanos} after its first attempt started. */
    void requestSucceeded(long nowNanos, long latencyNanos, int attempts);

    /**
     * A logical request failed for good.
     *
     * @param lastKind the kind of its last failure
     * @param reason   why it stopped retrying
     */
    void requestFailed(long nowNanos, long latencyNanos, int attempts, FailureKind lastKind, GiveUpReason reason);

    /** Service {@code service} (its index in the system) now has {@code queued} waiting and {@code busy} working. */
    void serviceLoad(int service, int queued, int busy, long nowNanos);

    /** Records nothing. */
    RunRecorder NONE = new RunRecorder() {
        @Override
        public void requestStarted(long nowNanos) {
        }

        @Override
        public void attemptStarted(long nowNanos, boolean retry) {
        }

        @Override
        public void attemptFailed(long nowNanos, FailureKind kind, long latencyNanos) {
        }

        @Override
        public void attemptSucceeded(long nowNanos, long latencyNanos) {
        }

        @Override
        public void requestSucceeded(long nowNanos, long latencyNanos, int attempts) {
        }

        @Override
        public void requestFailed(long nowNanos, long latencyNanos, int attempts, FailureKind lastKind,
                                  GiveUpReason reason) {
        }

        @Override
        public void serviceLoad(int service, int queued, int busy, long nowNanos) {
        }
    };
}
