package dev.retrylab.strategy;

/**
 * What went wrong with one attempt. {@link Classification} decides which kinds are worth another
 * attempt; the defaults follow common practice (transient faults yes, caller mistakes no).
 */
public enum FailureKind {
    /** No answer within the attempt's timeout. */
    TIMEOUT,
    /** The connection was refused, reset or could not be made. */
    CONNECTION,
    /** The dependency is over its limit (HTTP 429), possibly with a Retry-After hint. */
    RATE_LIMITED,
    /** A generic server error (HTTP 500 and unmapped 5xx). */
    SERVER_ERROR,
    /** Temporarily unavailable: bad gateway, service unavailable, gateway timeout (502, 503, 504). */
    UNAVAILABLE,
    /** A write lost an optimistic-concurrency race (HTTP 409). */
    CONFLICT,
    /** A lock could not be taken in time (database lock timeout, deadlock victim). */
    LOCK_TIMEOUT,
    /** Part of the work failed and may be redone. */
    PARTIAL_FAILURE,
    /** The request itself is malformed (HTTP 400). */
    INVALID_INPUT,
    /** The caller is not authenticated (HTTP 401). */
    AUTHENTICATION,
    /** The caller is not allowed (HTTP 403). */
    AUTHORIZATION,
    /** The target does not exist (HTTP 404). */
    NOT_FOUND,
    /** A business rule refused the request (HTTP 422). */
    BUSINESS_RULE,
    /** A circuit breaker refused the attempt without calling. */
    CIRCUIT_OPEN,
    /** A bulkhead, budget or throttle refused the attempt without calling. */
    REJECTED,
    /** Anything not otherwise classified. */
    UNKNOWN
}
