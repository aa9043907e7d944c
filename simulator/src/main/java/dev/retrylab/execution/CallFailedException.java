package dev.retrylab.execution;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.GiveUpReason;
import java.util.Locale;
import java.util.Objects;

/**
 * A call failed for good: the executor gave up. Says why, after how many attempts, and what the
 * last failure was; the cause is the last attempt's exception when there was one.
 *
 * <p>It is a {@link FailureException} carrying the last failure, so a service that calls a
 * dependency through one executor and is itself called through another propagates the
 * dependency's failure: an outer retry sees an unavailable dependency as unavailable.
 */
public final class CallFailedException extends FailureException {

    private static final long serialVersionUID = 1L;

    private final GiveUpReason reason;
    private final int attempts;

    public CallFailedException(Failure lastFailure, GiveUpReason reason, int attempts, Throwable cause) {
        super(describe(lastFailure, reason, attempts), lastFailure, cause);
        this.reason = reason;
        this.attempts = attempts;
    }

    private static String describe(Failure lastFailure, GiveUpReason reason, int attempts) {
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(reason, "reason");
        return "call failed after " + attempts + (attempts == 1 ? " attempt" : " attempts") + ": "
                + reason.name().toLowerCase(Locale.ROOT) + ", last failure " + lastFailure.kind();
    }

    /**
     * The failure of the last attempt that reached the dependency, or the local refusal that ended
     * the call when none did. Null only after deserialization.
     */
    public Failure lastFailure() {
        return failure();
    }

    public GiveUpReason reason() {
        return reason;
    }

    /**
     * Attempts the retry stage made, counting those a breaker or bulkhead inside it refused; 0
     * when the call was refused before reaching the retry stage.
     */
    public int attempts() {
        return attempts;
    }
}
