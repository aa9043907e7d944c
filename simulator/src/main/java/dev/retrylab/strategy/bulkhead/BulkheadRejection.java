package dev.retrylab.strategy.bulkhead;

/** Why a {@link Bulkhead} refused a call or a retry. */
public enum BulkheadRejection {
    /** Every call slot is taken and the queue is full (or there is no queue). */
    CALLS_FULL,
    /** The concurrent retries are at their limit. */
    RETRIES_FULL;

    /** A message for people, for example "bulkhead full: 10 calls running and 20 queued". */
    String describe(int maxConcurrentCalls, int maxQueuedCalls, int maxConcurrentRetries) {
        return switch (this) {
            case CALLS_FULL -> "bulkhead full: " + maxConcurrentCalls + (maxConcurrentCalls == 1 ? " call" : " calls")
                    + " running and " + (maxQueuedCalls == 0 ? "no queue" : maxQueuedCalls + " queued");
            case RETRIES_FULL -> "bulkhead retry limit reached: " + maxConcurrentRetries
                    + (maxConcurrentRetries == 1 ? " retry" : " retries") + " running";
        };
    }
}
