package dev.retrylab.strategy.hedge;

import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hedged requests: when an attempt has been outstanding longer than a hedge delay, start another
 * attempt of the same call, up to {@code maxHedges} extra ones; the first success wins and the
 * others are cancelled. The idea and the usual setting (hedge after the 95th-percentile latency,
 * for about 5 % extra load) come from Dean &amp; Barroso, "The Tail at Scale", CACM 56(2), 2013.
 *
 * <p>The delay is either fixed or a percentile of recent attempt latencies kept by a
 * {@link LatencyTracker}; until that tracker has seen {@code minSamples} latencies, the fixed
 * fallback delay applies. Each hedge starts one delay after the previous attempt of the call
 * started.
 *
 * <p>This policy decides and counts; it never starts, waits for or cancels anything. An executor
 * (or the simulator) drives it, allocation-free:
 * <ol>
 *   <li>start the first attempt and call {@link #callStarted()};</li>
 *   <li>while no attempt succeeded and {@link #mayStartHedge mayStartHedge(hedgesSoFar)}, wait
 *       {@link #hedgeDelayNanos()} on its clock, then start a hedge and call
 *       {@link #hedgeStarted()};</li>
 *   <li>call {@link #recordLatency} with each attempt that finished (success or failure);</li>
 *   <li>on the first success, call {@link #hedgeWon()} if a hedge produced it, cancel the others
 *       and call {@link #attemptCancelled()} for each.</li>
 * </ol>
 * Cancelled attempts have no latency, so the tracked percentile is biased low when hedges cut off
 * many slow attempts; a higher percentile compensates. Hedge only idempotent calls: every hedge
 * may reach the server.
 *
 * <p>Configuration is immutable and validated when built; the tracker and counters are
 * thread-safe, so one policy serves all calls to a dependency.
 */
public final class HedgePolicy {

    private final int maxHedges;
    private final long fixedDelayNanos;
    private final LatencyTracker tracker;
    private final LongAdder calls = new LongAdder();
    private final LongAdder hedgesStarted = new LongAdder();
    private final LongAdder hedgesWon = new LongAdder();
    private final LongAdder attemptsCancelled = new LongAdder();

    private HedgePolicy(int maxHedges, long fixedDelayNanos, LatencyTracker tracker) {
        this.maxHedges = maxHedges;
        this.fixedDelayNanos = fixedDelayNanos;
        this.tracker = tracker;
    }

    /** Up to {@code maxHedges} hedges, each {@code delay} after the previous attempt started. */
    public static HedgePolicy fixedDelay(int maxHedges, Duration delay) {
        return builder().maxHedges(maxHedges).fixedDelay(delay).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The wait, from the start of the latest attempt, before the next hedge; O(1), no allocation. */
    public long hedgeDelayNanos() {
        if (tracker != null) {
            long percentile = tracker.percentileNanos();
            if (percentile != LatencyTracker.UNKNOWN) {
                return percentile;
            }
        }
        return fixedDelayNanos;
    }

    /** {@link #hedgeDelayNanos()} as a Duration. */
    public Duration hedgeDelay() {
        return Duration.ofNanos(hedgeDelayNanos());
    }

    /** True while a call that already started {@code hedgesSoFar} hedges may start another. */
    public boolean mayStartHedge(int hedgesSoFar) {
        return hedgesSoFar < maxHedges;
    }

    /** Records the latency of a finished attempt; ignored when the delay is fixed. */
    public void recordLatency(long nanos) {
        if (tracker != null) {
            tracker.recordLatency(nanos);
        }
    }

    /** Counts a call's first attempt, the base that {@link HedgeStats#extraLoad()} divides by. */
    public void callStarted() {
        calls.increment();
    }

    /** Counts an extra attempt started. */
    public void hedgeStarted() {
        hedgesStarted.increment();
    }

    /** Counts a call won by a hedge rather than by its first attempt. */
    public void hedgeWon() {
        hedgesWon.increment();
    }

    /** Counts an attempt cancelled because another attempt of its call won. */
    public void attemptCancelled() {
        attemptsCancelled.increment();
    }

    /** The counters now; each is read on its own, so a snapshot under load is approximate. */
    public HedgeStats stats() {
        return new HedgeStats(calls.sum(), hedgesStarted.sum(), hedgesWon.sum(), attemptsCancelled.sum());
    }

    public int maxHedges() {
        return maxHedges;
    }

    /** The fixed delay, or the fallback used before the tracker knows its percentile. */
    public Duration fixedDelay() {
        return Duration.ofNanos(fixedDelayNanos);
    }

    /** The latency tracker when the delay follows a percentile, else empty. */
    public Optional<LatencyTracker> latencyTracker() {
        return Optional.ofNullable(tracker);
    }

    @Override
    public String toString() {
        return "HedgePolicy[maxHedges=" + maxHedges + ", "
                + (tracker == null ? "delay=" + fixedDelay()
                        : "delay=p" + tracker.percentile() + " of last " + tracker.windowSize()
                                + ", fallback " + fixedDelay() + " until " + tracker.minSamples() + " samples")
                + "]";
    }

    /** Builds a {@link HedgePolicy}; each setter validates at once, cross-field rules in build(). */
    public static final class Builder {
        private int maxHedges = 1;
        private Long delayNanos;
        private double percentile = Double.NaN;
        private int windowSize = 1000;
        private int minSamples = 100;
        private int recomputeEvery = 10;
        private boolean trackerSettingsGiven;

        private Builder() {
        }

        /** Extra attempts per call, 1..100 (default 1). */
        public Builder maxHedges(int maxHedges) {
            if (maxHedges < 1 || maxHedges > 100) {
                throw new IllegalArgumentException("maxHedges must be 1..100, was " + maxHedges);
            }
            this.maxHedges = maxHedges;
            return this;
        }

        /** Hedge after a fixed delay (zero or more; zero starts all attempts at once). */
        public Builder fixedDelay(Duration delay) {
            this.delayNanos = Nanos.of("delay", delay);
            this.percentile = Double.NaN;
            return this;
        }

        /**
         * Hedge after the {@code percentile}-th percentile (0, 100] of recent latencies, and after
         * {@code fallbackDelay} until enough latencies were seen.
         */
        public Builder percentileDelay(double percentile, Duration fallbackDelay) {
            if (!(percentile > 0.0 && percentile <= 100.0)) {
                throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
            }
            this.delayNanos = Nanos.of("fallbackDelay", fallbackDelay);
            this.percentile = percentile;
            return this;
        }

        /** Latencies the percentile is taken over, 1..10,000,000 (default 1000). */
        public Builder window(int windowSize) {
            if (windowSize < 1 || windowSize > 10_000_000) {
                throw new IllegalArgumentException("window must be 1..10000000, was " + windowSize);
            }
            this.windowSize = windowSize;
            this.trackerSettingsGiven = true;
            return this;
        }

        /** Latencies needed before the percentile replaces the fallback delay (default 100). */
        public Builder minSamples(int minSamples) {
            if (minSamples < 1) {
                throw new IllegalArgumentException("minSamples must be 1 or more, was " + minSamples);
            }
            this.minSamples = minSamples;
            this.trackerSettingsGiven = true;
            return this;
        }

        /** New latencies between two recomputations of the percentile (default 10). */
        public Builder recomputeEvery(int recomputeEvery) {
            if (recomputeEvery < 1) {
                throw new IllegalArgumentException("recomputeEvery must be 1 or more, was " + recomputeEvery);
            }
            this.recomputeEvery = recomputeEvery;
            this.trackerSettingsGiven = true;
            return this;
        }

        public HedgePolicy build() {
            if (delayNanos == null) {
                throw new IllegalArgumentException(
                        "a hedge delay is required: call fixedDelay(...) or percentileDelay(...)");
            }
            if (Double.isNaN(percentile)) {
                if (trackerSettingsGiven) {
                    throw new IllegalArgumentException("window, minSamples and recomputeEvery apply only to a "
                            + "percentile delay: call percentileDelay(...) or drop them");
                }
                return new HedgePolicy(maxHedges, delayNanos, null);
            }
            if (minSamples > windowSize) {
                throw new IllegalArgumentException("minSamples (" + minSamples + ") must not exceed window ("
                        + windowSize + ")");
            }
            if (recomputeEvery > windowSize) {
                throw new IllegalArgumentException("recomputeEvery (" + recomputeEvery
                        + ") must not exceed window (" + windowSize + ")");
            }
            return new HedgePolicy(maxHedges, delayNanos,
                    new LatencyTracker(windowSize, percentile, minSamples, recomputeEvery));
        }

    }
}
