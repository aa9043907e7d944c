package dev.retrylab.strategy.retry;

/**
 * The last N finished calls (attempts made, success or not, finish time) in a ring with running
 * totals, for {@link AdaptiveRetry}. Adding, evicting and expiring allocate nothing. Not
 * thread-safe: the owner calls it under its lock.
 */
final class RecentCalls {

    private final int[] attempts;
    private final boolean[] succeeded;
    private final long[] finishedAtNanos;
    private int oldest;
    private int size;
    private long totalAttempts;
    private int successes;

    RecentCalls(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.attempts = new int[capacity];
        this.succeeded = new boolean[capacity];
        this.finishedAtNanos = new long[capacity];
    }

    /** Adds a finished call, evicting the oldest when full. */
    void add(int callAttempts, boolean callSucceeded, long nowNanos) {
        if (size == attempts.length) {
            removeOldest();
        }
        int slot = oldest + size;
        if (slot >= attempts.length) {
            slot -= attempts.length;
        }
        attempts[slot] = callAttempts;
        succeeded[slot] = callSucceeded;
        finishedAtNanos[slot] = nowNanos;
        size++;
        totalAttempts += callAttempts;
        if (callSucceeded) {
            successes++;
        }
    }

    /**
     * Removes the calls that finished {@code maxAgeNanos} or longer before {@code nowNanos}.
     *
     * @return whether any call was removed
     */
    boolean expire(long nowNanos, long maxAgeNanos) {
        boolean removed = false;
        while (size > 0 && nowNanos - finishedAtNanos[oldest] >= maxAgeNanos) {
            removeOldest();
            removed = true;
        }
        return removed;
    }

    int size() {
        return size;
    }

    long totalAttempts() {
        return totalAttempts;
    }

    int successes() {
        return successes;
    }

    private void removeOldest() {
        totalAttempts -= attempts[oldest];
        if (succeeded[oldest]) {
            successes--;
        }
        oldest = oldest + 1 == attempts.length ? 0 : oldest + 1;
        size--;
    }
}
