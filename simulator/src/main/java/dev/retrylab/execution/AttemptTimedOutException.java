package dev.retrylab.execution;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.DurationText;
import java.time.Duration;

/** An attempt took longer than its timeout; classified as {@link FailureKind#TIMEOUT}. */
public final class AttemptTimedOutException extends FailureException {

    private static final long serialVersionUID = 1L;

    private final transient Duration timeout;

    AttemptTimedOutException(Duration timeout, Throwable cause) {
        super(new Failure(FailureKind.TIMEOUT, 0, null, cause));
        this.timeout = timeout;
    }

    @Override
    public String getMessage() {
        return "attempt timed out after " + DurationText.format(timeout);
    }
}
