package dev.retrylab.strategy.hedge;

/**
 * The latencies of the last {@code W} attempts and one percentile of them, for a hedge delay that
 * follows the dependency's recent tail. Thread-safe; allocates nothing after construction.
 *
 * <p>Percentiles use the nearest-rank method: of {@code n} samples sorted ascending, the p-th
 * percentile is the sample at 1-based rank {@code ceil(p/100 · n)}. The percentile is held in
 * millionths (four decimal places of a percent, so p99.99 is exact) and the rank is computed in
 * integer arithmetic, so no rounding error moves it.
 *
 * <p>Cost. {@link #recordLatency} writes one slot of a ring buffer under a lock: O(1). Every
 * {@code K} samples (the {@code recomputeEvery} setting), and once when the {@code minSamples}-th
 * sample arrives, it also copies the window to a scratch array and selects the rank there
 * (quickselect, see {@code Selection}): O(W) expected, O(W log W) worst case. Amortised that is
 * O(W/K) per sample; with W = 1000 and K = 10 about a hundred element moves. {@link
 * #percentileNanos} only reads a volatile field, so the hedging hot path never waits for the
 * recomputation. Memory: two {@code long[W]}.
 */
public final class LatencyTracker {

    /** What {@link #percentileNanos} returns before {@code minSamples} latencies were recorded. */
    public static final long UNKNOWN = -1L;

    private static final long MILLIONTHS = 1_000_000L;

    private final Object lock = new Object();
    private final long[] window;
    private final long[] scratch;
    private final double percentile;
    private final long percentileMillionths;
    private final int minSamples;
    private final int recomputeEvery;
    private long recorded;
    private long recordedAtLastComputation;
    private volatile long percentileNanos = UNKNOWN;

    /**
     * A tracker of the last {@code windowSize} latencies and their {@code percentile}-th percentile.
     *
     * @param windowSize     W, the latencies kept (1..10,000,000)
     * @param percentile     the percentile, in (0, 100], for example 95.0
     * @param minSamples     latencies needed before a percentile is known (1..windowSize)
     * @param recomputeEvery K, new latencies between two recomputations (1..windowSize)
     */
    public LatencyTracker(int windowSize, double percentile, int minSamples, int recomputeEvery) {
        if (windowSize < 1 || windowSize > 10_000_000) {
            throw new IllegalArgumentException("windowSize must be 1..10000000, was " + windowSize);
        }
        this.percentileMillionths = millionths(percentile);
        if (minSamples < 1 || minSamples > windowSize) {
            throw new IllegalArgumentException("minSamples must be 1..windowSize (" + windowSize + "), was "
                    + minSamples);
        }
        if (recomputeEvery < 1 || recomputeEvery > windowSize) {
            throw new IllegalArgumentException("recomputeEvery must be 1..windowSize (" + windowSize
                    + "), was " + recomputeEvery);
        }
        this.window = new long[windowSize];
        this.scratch = new long[windowSize];
        this.percentile = percentile;
        this.minSamples = minSamples;
        this.recomputeEvery = recomputeEvery;
    }

    /** Records the latency of one finished attempt, in nanoseconds (zero or more). */
    public void recordLatency(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("latency must be zero or more nanoseconds, was " + nanos);
        }
        synchronized (lock) {
            window[(int) (recorded % window.length)] = nanos;
            recorded++;
            if (recorded >= minSamples
                    && (percentileNanos == UNKNOWN || recorded - recordedAtLastComputation >= recomputeEvery)) {
                percentileNanos = selectLocked(percentileMillionths);
                recordedAtLastComputation = recorded;
            }
        }
    }

    /**
     * The configured percentile of the window as of the latest recomputation, or {@link #UNKNOWN}
     * before {@code minSamples} latencies were recorded. A volatile read: O(1), never blocks.
     */
    public long percentileNanos() {
        return percentileNanos;
    }

    /**
     * Any percentile of the window as it is now, computed on the spot under the lock: O(W)
     * expected. For reports and tests, not for the hot path.
     *
     * @param percentile in (0, 100]
     * @return the nearest-rank percentile, or {@link #UNKNOWN} when nothing was recorded yet
     */
    public long exactPercentileNanos(double percentile) {
        long wanted = millionths(percentile);
        synchronized (lock) {
            return recorded == 0 ? UNKNOWN : selectLocked(wanted);
        }
    }

    /** Latencies recorded since construction, including those that left the window. */
    public long samples() {
        synchronized (lock) {
            return recorded;
        }
    }

    public int windowSize() {
        return window.length;
    }

    public double percentile() {
        return percentile;
    }

    public int minSamples() {
        return minSamples;
    }

    public int recomputeEvery() {
        return recomputeEvery;
    }

    private long selectLocked(long wantedMillionths) {
        int count = (int) Math.min(recorded, window.length);
        System.arraycopy(window, 0, scratch, 0, count);
        long rank = (wantedMillionths * count + MILLIONTHS - 1) / MILLIONTHS;
        return Selection.kthSmallest(scratch, count, (int) Math.max(1L, rank) - 1);
    }

    private static long millionths(double percentile) {
        if (!(percentile > 0.0 && percentile <= 100.0)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        long value = Math.round(percentile * 10_000.0);
        return Math.max(1L, value);
    }

    @Override
    public String toString() {
        return "LatencyTracker[p" + percentile + " of last " + window.length + ", min " + minSamples
                + " samples, recomputed every " + recomputeEvery + "]";
    }
}
