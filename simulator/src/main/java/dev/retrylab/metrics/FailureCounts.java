package dev.retrylab.metrics;

/**
 * Logical requests that ended in failure, by the kind of their final outcome. Every count is
 * zero or more.
 *
 * @param timeout         the last attempt timed out
 * @param error           the last attempt got a server error or an unavailable answer
 * @param rateLimited     the last attempt was rate-limited (429)
 * @param rejected        a bulkhead, queue or throttle refused it
 * @param circuitOpen     an open circuit breaker refused it
 * @param budgetExhausted a retry budget refused the retry it needed
 * @param conflict        the last attempt lost a write conflict (409)
 */
public record FailureCounts(long timeout, long error, long rateLimited, long rejected, long circuitOpen,
        long budgetExhausted, long conflict) {

    /** No failures. */
    public static final FailureCounts NONE = new FailureCounts(0, 0, 0, 0, 0, 0, 0);

    /** Validates every count. */
    public FailureCounts {
        requireCount("timeout", timeout);
        requireCount("error", error);
        requireCount("rateLimited", rateLimited);
        requireCount("rejected", rejected);
        requireCount("circuitOpen", circuitOpen);
        requireCount("budgetExhausted", budgetExhausted);
        requireCount("conflict", conflict);
    }

    /** All failures together. */
    public long total() {
        return Math.addExact(Math.addExact(Math.addExact(timeout, error), Math.addExact(rateLimited, rejected)),
                Math.addExact(Math.addExact(circuitOpen, budgetExhausted), conflict));
    }

    static void requireCount(String name, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must be zero or more, was " + count);
        }
    }
}
