package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import java.util.EnumMap;
import java.util.Map;

/** A recorder for tests: totals, and request latencies grouped in batches by completion time. */
final class RunTally implements RunRecorder {

    private final long warmupNanos;
    private final long batchNanos;
    private final double[] batchLatencySum;
    private final long[] batchCount;
    long requests;
    long attempts;
    long retries;
    long successes;
    long failures;
    long completedAttempts;
    long hedges;
    final Map<GiveUpReason, Long> giveUps = new EnumMap<>(GiveUpReason.class);
    final Map<FailureKind, Long> attemptFailures = new EnumMap<>(FailureKind.class);

    RunTally(long warmupNanos, long batchNanos, int batches) {
        this.warmupNanos = warmupNanos;
        this.batchNanos = batchNanos;
        this.batchLatencySum = new double[batches];
        this.batchCount = new long[batches];
    }

    @Override
    public void requestStarted(long nowNanos) {
        requests++;
    }

    @Override
    public void attemptStarted(long nowNanos, boolean retry) {
        attempts++;
        if (retry) {
            retries++;
        }
    }

    @Override
    public void hedgeStarted(long nowNanos) {
        hedges++;
    }

    @Override
    public void attemptFailed(long nowNanos, FailureKind kind, long latencyNanos) {
        attemptFailures.merge(kind, 1L, Long::sum);
    }

    @Override
    public void requestSucceeded(long nowNanos, long latencyNanos, int attemptsMade) {
        successes++;
        completedAttempts += attemptsMade;
        long sinceWarmup = nowNanos - warmupNanos;
        if (sinceWarmup >= 0) {
            long batchIndex = sinceWarmup / batchNanos;
            if (batchIndex < batchCount.length) {
                int batch = (int) batchIndex;
                batchLatencySum[batch] += latencyNanos;
                batchCount[batch]++;
            }
        }
    }

    @Override
    public void requestFailed(long nowNanos, long latencyNanos, int attemptsMade, FailureKind lastKind,
                              GiveUpReason reason) {
        failures++;
        completedAttempts += attemptsMade;
        giveUps.merge(reason, 1L, Long::sum);
    }

    /** The mean latency of each batch, in seconds. */
    double[] batchMeansSeconds() {
        double[] means = new double[batchCount.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = batchLatencySum[i] / batchCount[i] / 1e9;
        }
        return means;
    }
}
