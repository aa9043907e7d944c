package dev.retrylab.strategy;

import java.util.Objects;

/**
 * An exception that carries an already classified {@link Failure}, for code that knows what went
 * wrong (for example an HTTP client that saw a 429 with Retry-After). {@link Classification}
 * takes the failure from it as it is.
 */
public class FailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public FailureException(Failure failure) {
        super(describe(failure), failure.cause());
        this.failure = failure;
    }

    /** With a message of its own and a cause other than the failure's. */
    protected FailureException(String message, Failure failure, Throwable cause) {
        super(message, cause);
        this.failure = java.util.Objects.requireNonNull(failure, "failure");
    }

    /** For shared instances: without a stack trace when {@code writableStackTrace} is false. */
    protected FailureException(Failure failure, boolean writableStackTrace) {
        super(describe(failure), failure.cause(), false, writableStackTrace);
        this.failure = failure;
    }

    /** The failure; null only after deserialization, which does not carry it. */
    public Failure failure() {
        return failure;
    }

    private static String describe(Failure failure) {
        Objects.requireNonNull(failure, "failure");
        StringBuilder text = new StringBuilder(failure.kind().name());
        if (failure.httpStatus() != 0) {
            text.append(" (HTTP ").append(failure.httpStatus()).append(')');
        }
        if (failure.retryAfter() != null) {
            text.append(", retry after ").append(failure.retryAfter());
        }
        return text.toString();
    }
}
