package dev.retrylab.execution;

import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.DurationText;
import java.time.Duration;

/** An attempt took longer than its timeout; classified as {@link FailureKind#TIMEOUT}. */
public final class AttemptTimedOutException extends FailureException {

    private static final long serialVersionUID = 1L;

    AttemptTimedOutException(Duration timeout, Throwable cause) {
        super("attempt timed out after " + DurationText.format(timeout),
                new Failure(FailureKind.TIMEOUT, 0, null, cause), cause);
    }
}
