package dev.retrylab.strategy.idempotency;

/**
 * A consistent snapshot of a {@link Deduplicator}'s counters. Immutable.
 *
 * @param executions        claims answered {@code EXECUTE}
 * @param replays           duplicates answered with the first result ({@code COMPLETED})
 * @param inProgress        duplicates that arrived while the first was executing
 * @param evictions         unexpired keys dropped to stay within the size bound
 */
public record DeduplicationStats(long executions, long replays, long inProgress, long evictions) {

    /** Every claim answered: executions, replays and in-progress answers together. */
    public long claims() {
        return executions + replays + inProgress;
    }
}
