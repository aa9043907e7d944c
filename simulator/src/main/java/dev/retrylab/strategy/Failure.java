package dev.retrylab.strategy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The failed outcome of one attempt: its kind, the HTTP status when there was one, a server's
 * Retry-After hint when there was one, and the exception when there was one. Immutable.
 *
 * @param kind       what went wrong
 * @param httpStatus the HTTP status code, or 0 when the failure did not come from HTTP
 * @param retryAfter the server's hint for the earliest next attempt, or null
 * @param cause      the exception, or null
 */
public record Failure(FailureKind kind, int httpStatus, Duration retryAfter, Throwable cause) {

    private static final Map<FailureKind, Failure> PLAIN = new EnumMap<>(FailureKind.class);

    static {
        for (FailureKind kind : FailureKind.values()) {
            PLAIN.put(kind, new Failure(kind, 0, null, null));
        }
    }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 0 or 100..599, was " + httpStatus);
        }
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive, was " + retryAfter);
        }
    }

    /** A shared failure of {@code kind} with no status, hint or cause; allocates nothing. */
    public static Failure of(FailureKind kind) {
        return PLAIN.get(Objects.requireNonNull(kind, "kind"));
    }

    /** A rate-limited failure carrying the server's Retry-After hint. */
    public static Failure rateLimited(Duration retryAfter) {
        return new Failure(FailureKind.RATE_LIMITED, 429, Objects.requireNonNull(retryAfter, "retryAfter"), null);
    }

    /** True when the server gave a Retry-After hint. */
    public boolean hasRetryAfter() {
        return retryAfter != null;
    }
}
