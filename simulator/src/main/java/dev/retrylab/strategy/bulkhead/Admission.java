package dev.retrylab.strategy.bulkhead;

import java.util.Objects;

/**
 * What {@link Bulkhead#enter} did with a call: admitted it now, queued it, or rejected it with a
 * reason. Immutable; the bulkhead hands out shared instances, so deciding allocates nothing.
 *
 * @param outcome the decision
 * @param reason  why the call was rejected, or null when it was not
 * @param message a message for people
 */
public record Admission(Outcome outcome, BulkheadRejection reason, String message) {

    /** The call was admitted and its callback has run. */
    public static final Admission ADMITTED = new Admission(Outcome.ADMITTED, null, "admitted");

    /** The call waits in the queue; its callback runs once a slot frees up. */
    public static final Admission QUEUED = new Admission(Outcome.QUEUED, null, "queued");

    /** The three decisions. */
    public enum Outcome {
        ADMITTED, QUEUED, REJECTED
    }

    public Admission {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if ((outcome == Outcome.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a rejection, and only a rejection, has a reason");
        }
    }

    static Admission rejected(BulkheadRejection reason, String message) {
        return new Admission(Outcome.REJECTED, Objects.requireNonNull(reason, "reason"), message);
    }

    public boolean isAdmitted() {
        return outcome == Outcome.ADMITTED;
    }

    public boolean isQueued() {
        return outcome == Outcome.QUEUED;
    }

    public boolean isRejected() {
        return outcome == Outcome.REJECTED;
    }
}
