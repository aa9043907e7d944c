package dev.retrylab.strategy.idempotency;

import java.util.Objects;

/**
 * What a {@link Deduplicator} answers when a request with an idempotency key arrives. Immutable;
 * the answers without a result are shared instances, and a completed key hands out the same
 * instance to every duplicate, so claiming allocates nothing.
 *
 * @param status what the server should do
 * @param result the first execution's result when {@code status} is {@link Status#COMPLETED},
 *               else null
 * @param <R>    the result type
 */
public record Claim<R>(Status status, R result) {

    /** What the server should do with the request. */
    public enum Status {
        /** First time this key is seen (or its memory expired): execute, then complete or release. */
        EXECUTE,
        /** An earlier request with this key is still executing: answer "try later" (HTTP 409). */
        IN_PROGRESS,
        /** The key was executed: answer with {@link Claim#result()} and do not execute again. */
        COMPLETED
    }

    private static final Claim<Object> EXECUTE = new Claim<>(Status.EXECUTE, null);
    private static final Claim<Object> IN_PROGRESS = new Claim<>(Status.IN_PROGRESS, null);

    public Claim {
        Objects.requireNonNull(status, "status");
        if ((status == Status.COMPLETED) != (result != null)) {
            throw new IllegalArgumentException("a result comes with COMPLETED and only with it; status was "
                    + status);
        }
    }

    @SuppressWarnings("unchecked")
    static <R> Claim<R> execute() {
        return (Claim<R>) EXECUTE;
    }

    @SuppressWarnings("unchecked")
    static <R> Claim<R> inProgress() {
        return (Claim<R>) IN_PROGRESS;
    }

    static <R> Claim<R> completed(R result) {
        return new Claim<>(Status.COMPLETED, result);
    }
}
