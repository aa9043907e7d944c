package dev.retrylab.execution;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.GiveUpReason;
import java.util.Objects;

/**
 * A call failed for good: the executor gave up. Says why, after how many attempts, and what the
 * last failure was; the cause is the last attempt's exception when there was one.
 */
public final class CallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Failure lastFailure;
    private final GiveUpReason reason;
    private final int attempts;

    public CallFailedException(Failure lastFailure, GiveUpReason reason, int attempts, Throwable cause) {
        super("call failed after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ": "
                + Objects.requireNonNull(reason, "reason").name().toLowerCase(java.util.Locale.ROOT)
                + ", last failure " + Objects.requireNonNull(lastFailure, "lastFailure").kind(), cause);
        this.lastFailure = lastFailure;
        this.reason = reason;
        this.attempts = attempts;
    }

    /** The failure of the last attempt (or the local refusal that ended the call). */
    public Failure lastFailure() {
        return lastFailure;
    }

    public GiveUpReason reason() {
        return reason;
    }

    /** Attempts made; 0 when the call was refused before its first attempt. */
    public int attempts() {
        return attempts;
    }
}
