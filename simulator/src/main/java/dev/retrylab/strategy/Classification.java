package dev.retrylab.strategy;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Decides which failures are worth another attempt, and turns HTTP status codes and Java
 * exceptions into {@link Failure}s. Immutable and thread-safe; build variants with
 * {@link #toBuilder()}.
 *
 * <p>The {@linkplain #defaults() defaults} retry transient network errors (a refused, reset or
 * unroutable connection, an unknown host), timeouts, rate limiting, temporary unavailability
 * (502, 503, 504, conflicts, lock timeouts) and partial failures. They never retry invalid input,
 * authentication, authorization, not-found or business-rule failures, nor local refusals (circuit
 * open, rejected), which would only add load. A generic server error (500 and other 5xx) is not
 * retried by default: it usually means a bug that the same request meets again; add it with
 * {@code builder().retry(FailureKind.SERVER_ERROR)}. Exceptions not mapped (including other
 * {@code IOException}s such as TLS handshake or parse errors) are {@code UNKNOWN} and not retried.
 */
public final class Classification {

    private static final Set<FailureKind> DEFAULT_RETRYABLE = EnumSet.of(
            FailureKind.TIMEOUT, FailureKind.CONNECTION, FailureKind.RATE_LIMITED,
            FailureKind.UNAVAILABLE, FailureKind.CONFLICT, FailureKind.LOCK_TIMEOUT, FailureKind.PARTIAL_FAILURE);

    private static final Classification DEFAULTS = defaultBuilder().build();

    private final boolean[] retryable;
    private final Map<Integer, FailureKind> statusKinds;
    private final Map<Class<? extends Throwable>, FailureKind> exceptionKinds;

    private Classification(Builder builder) {
        this.retryable = new boolean[FailureKind.values().length];
        for (FailureKind kind : builder.retryable) {
            retryable[kind.ordinal()] = true;
        }
        this.statusKinds = Map.copyOf(builder.statusKinds);
        this.exceptionKinds = new LinkedHashMap<>(builder.exceptionKinds);
    }

    /** The default classification described in the class comment. */
    public static Classification defaults() {
        return DEFAULTS;
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return defaultBuilder();
    }

    /** A builder that starts from this classification. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.retryable.clear();
        for (FailureKind kind : FailureKind.values()) {
            if (retryable[kind.ordinal()]) {
                builder.retryable.add(kind);
            }
        }
        builder.statusKinds.putAll(statusKinds);
        builder.exceptionKinds.putAll(exceptionKinds);
        return builder;
    }

    /** True when a failure of this kind is worth another attempt. */
    public boolean isRetryable(FailureKind kind) {
        return retryable[kind.ordinal()];
    }

    /** True when this failure is worth another attempt. */
    public boolean isRetryable(Failure failure) {
        return retryable[failure.kind().ordinal()];
    }

    /**
     * The kind of an HTTP status: an explicit mapping first, then 429 rate limited, 5xx server
     * error, other 4xx invalid input, anything else unknown.
     */
    public FailureKind kindOfStatus(int httpStatus) {
        FailureKind mapped = statusKinds.get(httpStatus);
        if (mapped != null) {
            return mapped;
        }
        if (httpStatus >= 500 && httpStatus <= 599) {
            return FailureKind.SERVER_ERROR;
        }
        if (httpStatus >= 400 && httpStatus <= 499) {
            return FailureKind.INVALID_INPUT;
        }
        return FailureKind.UNKNOWN;
    }

    /** A failure for an HTTP response with this status and no Retry-After hint. */
    public Failure classifyStatus(int httpStatus) {
        return new Failure(kindOfStatus(httpStatus), httpStatus, null, null);
    }

    /**
     * The failure an exception stands for. A {@link FailureException} carries its own; otherwise
     * the mapping of the nearest superclass wins, then the cause is tried, else {@code UNKNOWN}.
     */
    public Failure classify(Throwable error) {
        Objects.requireNonNull(error, "error");
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof FailureException failureException) {
                return failureException.failure();
            }
            FailureKind kind = kindOfException(current.getClass());
            if (kind != null) {
                return new Failure(kind, 0, null, error);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return new Failure(FailureKind.UNKNOWN, 0, null, error);
    }

    private FailureKind kindOfException(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            FailureKind kind = exceptionKinds.get(current);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static Builder defaultBuilder() {
        Builder builder = new Builder();
        builder.statusKinds.put(400, FailureKind.INVALID_INPUT);
        builder.statusKinds.put(401, FailureKind.AUTHENTICATION);
        builder.statusKinds.put(403, FailureKind.AUTHORIZATION);
        builder.statusKinds.put(404, FailureKind.NOT_FOUND);
        builder.statusKinds.put(408, FailureKind.TIMEOUT);
        builder.statusKinds.put(409, FailureKind.CONFLICT);
        builder.statusKinds.put(422, FailureKind.BUSINESS_RULE);
        builder.statusKinds.put(423, FailureKind.LOCK_TIMEOUT);
        builder.statusKinds.put(429, FailureKind.RATE_LIMITED);
        builder.statusKinds.put(500, FailureKind.SERVER_ERROR);
        builder.statusKinds.put(502, FailureKind.UNAVAILABLE);
        builder.statusKinds.put(503, FailureKind.UNAVAILABLE);
        builder.statusKinds.put(504, FailureKind.UNAVAILABLE);
        builder.exceptionKinds.put(TimeoutException.class, FailureKind.TIMEOUT);
        builder.exceptionKinds.put(SocketTimeoutException.class, FailureKind.TIMEOUT);
        builder.exceptionKinds.put(HttpTimeoutException.class, FailureKind.TIMEOUT);
        builder.exceptionKinds.put(SocketException.class, FailureKind.CONNECTION);
        builder.exceptionKinds.put(UnknownHostException.class, FailureKind.CONNECTION);
        builder.exceptionKinds.put(IllegalArgumentException.class, FailureKind.INVALID_INPUT);
        return builder;
    }

    /** Builds a {@link Classification}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final Set<FailureKind> retryable = EnumSet.copyOf(DEFAULT_RETRYABLE);
        private final Map<Integer, FailureKind> statusKinds = new HashMap<>();
        private final Map<Class<? extends Throwable>, FailureKind> exceptionKinds = new LinkedHashMap<>();

        private Builder() {
        }

        /** Makes these kinds retryable; local refusals (circuit open, rejected) never are. */
        public Builder retry(FailureKind... kinds) {
            for (FailureKind kind : kinds) {
                Objects.requireNonNull(kind, "kind");
                if (kind == FailureKind.CIRCUIT_OPEN || kind == FailureKind.REJECTED) {
                    throw new IllegalArgumentException(kind + " is a local refusal and is never retried: "
                            + "retrying it would only hammer the breaker or bulkhead that refused");
                }
                retryable.add(kind);
            }
            return this;
        }

        /** Makes these kinds not retryable. */
        public Builder neverRetry(FailureKind... kinds) {
            for (FailureKind kind : kinds) {
                retryable.remove(Objects.requireNonNull(kind, "kind"));
            }
            return this;
        }

        /** Maps an HTTP status code (100..599) to a kind. */
        public Builder mapStatus(int httpStatus, FailureKind kind) {
            if (httpStatus < 100 || httpStatus > 599) {
                throw new IllegalArgumentException("httpStatus must be 100..599, was " + httpStatus);
            }
            statusKinds.put(httpStatus, Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Maps an exception type and its subclasses (unless mapped closer) to a kind. */
        public Builder mapException(Class<? extends Throwable> type, FailureKind kind) {
            exceptionKinds.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(kind, "kind"));
            return this;
        }

        public Classification build() {
            return new Classification(this);
        }
    }
}
