package dev.retrylab.strategy.event;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what an executor did: attempts, calls that succeeded or failed with and without a
 * retry, the distribution of attempts per call, failed attempts by kind, give-ups by reason, and
 * the time spent waiting between attempts. Thread-safe and allocation-free to record; read with
 * {@link #snapshot()}.
 */
public final class RetryMetrics {

    /** Calls with this many attempts or more share the last bucket of the attempts distribution. */
    public static final int MAX_TRACKED_ATTEMPTS = 32;

    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder succeededWithoutRetry = new LongAdder();
    private final LongAdder succeededWithRetry = new LongAdder();
    private final LongAdder failedWithoutRetry = new LongAdder();
    private final LongAdder failedWithRetry = new LongAdder();
    private final LongAdder waitingNanos = new LongAdder();
    private final AtomicLongArray attemptsPerCall = new AtomicLongArray(MAX_TRACKED_ATTEMPTS + 1);
    private final AtomicLongArray failuresByKind = new AtomicLongArray(FailureKind.values().length);
    private final AtomicLongArray giveUpsByReason = new AtomicLongArray(GiveUpReason.values().length);

    /** An attempt is starting. */
    public void attemptStarted() {
        attempts.increment();
    }

    /** An attempt failed with {@code kind}. */
    public void attemptFailed(FailureKind kind) {
        failuresByKind.incrementAndGet(kind.ordinal());
    }

    /** A retry will wait {@code delayNanos} before its attempt. */
    public void retryScheduled(long delayNanos) {
        retries.increment();
        waitingNanos.add(delayNanos);
    }

    /** A call succeeded after {@code attemptCount} attempts. */
    public void callSucceeded(int attemptCount) {
        (attemptCount > 1 ? succeededWithRetry : succeededWithoutRetry).increment();
        attemptsPerCall.incrementAndGet(bucket(attemptCount));
    }

    /** A call failed for good after {@code attemptCount} attempts. */
    public void callFailed(int attemptCount, GiveUpReason reason) {
        (attemptCount > 1 ? failedWithRetry : failedWithoutRetry).increment();
        attemptsPerCall.incrementAndGet(bucket(attemptCount));
        giveUpsByReason.incrementAndGet(reason.ordinal());
    }

    private static int bucket(int attemptCount) {
        return Math.min(Math.max(attemptCount, 0), MAX_TRACKED_ATTEMPTS);
    }

    /** The counters now; counters recorded concurrently may or may not be included. */
    public Snapshot snapshot() {
        long[] perCall = new long[MAX_TRACKED_ATTEMPTS + 1];
        for (int i = 0; i < perCall.length; i++) {
            perCall[i] = attemptsPerCall.get(i);
        }
        Map<FailureKind, Long> byKind = new EnumMap<>(FailureKind.class);
        for (FailureKind kind : FailureKind.values()) {
            long count = failuresByKind.get(kind.ordinal());
            if (count > 0) {
                byKind.put(kind, count);
            }
        }
        Map<GiveUpReason, Long> byReason = new EnumMap<>(GiveUpReason.class);
        for (GiveUpReason reason : GiveUpReason.values()) {
            long count = giveUpsByReason.get(reason.ordinal());
            if (count > 0) {
                byReason.put(reason, count);
            }
        }
        return new Snapshot(attempts.sum(), retries.sum(), succeededWithoutRetry.sum(), succeededWithRetry.sum(),
                failedWithoutRetry.sum(), failedWithRetry.sum(), waitingNanos.sum(), perCall, byKind, byReason);
    }

    /**
     * Counters at one moment.
     *
     * @param retries         retries scheduled (attempts beyond a call's first)
     * @param attemptsPerCall index n holds the calls that made n attempts (the last index: n or more)
     */
    public record Snapshot(long attempts, long retries, long succeededWithoutRetry, long succeededWithRetry,
                           long failedWithoutRetry, long failedWithRetry, long waitingNanos,
                           long[] attemptsPerCall, Map<FailureKind, Long> failuresByKind,
                           Map<GiveUpReason, Long> giveUpsByReason) {

        public Snapshot {
            attemptsPerCall = attemptsPerCall.clone();
            failuresByKind = Map.copyOf(failuresByKind);
            giveUpsByReason = Map.copyOf(giveUpsByReason);
        }

        /** Calls that ended, successfully or not. */
        public long calls() {
            return succeededWithoutRetry + succeededWithRetry + failedWithoutRetry + failedWithRetry;
        }

        @Override
        public long[] attemptsPerCall() {
            return attemptsPerCall.clone();
        }
    }
}
