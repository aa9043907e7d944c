package dev.retrylab.strategy.budget;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A retry budget that keeps retries to a fraction of recent requests, plus a small reserve so
 * that a quiet client can still retry: within any sliding window of length {@code ttl},
 *
 * <pre>retries &lt;= percentCanRetry * requests + minRetriesPerSecond * ttl</pre>
 *
 * <p>This is Finagle's {@code RetryBudget(ttl, minRetriesPerSec, percentCanRetry)}
 * (twitter.github.io/finagle/guide/Clients.html#retries, {@code com.twitter.finagle.service.RetryBudget}):
 * every request deposits {@code percentCanRetry} of a retry, every retry withdraws one, both
 * expire after {@code ttl}, and the reserve {@code minRetriesPerSecond * ttl} is always there.
 * Note what the reserve means: with a ttl of 10 s and 10 per second, a client with no traffic
 * may spend 100 retries at once, and then none until they leave the window. Finagle's defaults,
 * {@link #finagleDefaults}, are ttl 10 s, 10 retries per second and 20%.
 *
 * <p>The window is a ring of time buckets on the {@link Clock} ({@link Builder#buckets}, default
 * 10): an entry is forgotten between {@code ttl - ttl/buckets} and {@code ttl} after it was made.
 * Amounts are exact thousandths of a retry; {@code percentCanRetry} is read to three decimals.
 *
 * <p>Thread-safe: each operation is a short critical section on a private lock, and allocates
 * nothing. Per caller or shared by many callers: share the instance to share the budget.
 */
public final class RatioRetryBudget implements RetryBudget {

    private static final int REQUESTS = 0;
    private static final int RETRIES = 1;

    private final long ttlNanos;
    private final int minRetriesPerSecond;
    private final long percentCanRetry;
    private final long reserve;
    private final Clock clock;
    private final SlidingWindow window;
    private final Object lock = new Object();

    private RatioRetryBudget(Builder builder) {
        this.ttlNanos = builder.ttlNanos;
        this.minRetriesPerSecond = builder.minRetriesPerSecond;
        this.percentCanRetry = builder.percentCanRetry;
        this.reserve = minRetriesPerSecond * ttlNanos / 1_000_000L;
        this.clock = builder.clock;
        this.window = new SlidingWindow(ttlNanos, builder.buckets, 2, clock.nanoTime());
    }

    /** Finagle's defaults: ttl 10 s, 10 retries per second, 20% of requests. */
    public static RatioRetryBudget finagleDefaults(Clock clock) {
        return builder(clock).build();
    }

    /** Retries up to {@code percentCanRetry * requests + minRetriesPerSecond * ttl} per {@code ttl}. */
    public static RatioRetryBudget of(Duration ttl, int minRetriesPerSecond, double percentCanRetry, Clock clock) {
        return builder(clock).ttl(ttl).minRetriesPerSecond(minRetriesPerSecond)
                .percentCanRetry(percentCanRetry).build();
    }

    /** A builder starting from Finagle's defaults. */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    @Override
    public void onRequest() {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            window.add(REQUESTS, 1L);
        }
    }

    @Override
    public boolean tryAcquireRetry(FailureKind kind, long delayNanos) {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            if (balance() >= Settings.ONE) {
                window.add(RETRIES, 1L);
                return true;
            }
            return false;
        }
    }

    @Override
    public void onSuccess(boolean afterRetry) {
    }

    @Override
    public void onFailure(FailureKind kind) {
    }

    /** The whole retries the budget would allow right now. */
    public long availableRetries() {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            return Math.max(0L, balance() / Settings.ONE);
        }
    }

    /** Requests counted in the window now. */
    public long requestsInWindow() {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            return window.total(REQUESTS);
        }
    }

    /** Retries allowed in the window now. */
    public long retriesInWindow() {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            return window.total(RETRIES);
        }
    }

    /** Thousandths of a retry available; the caller holds the lock. */
    private long balance() {
        return reserve + percentCanRetry * window.total(REQUESTS) - Settings.ONE * window.total(RETRIES);
    }

    @Override
    public String toString() {
        return "RatioRetryBudget[ttl=" + Duration.ofNanos(ttlNanos) + ", minRetriesPerSecond=" + minRetriesPerSecond
                + ", percentCanRetry=" + Settings.units(percentCanRetry) + "]";
    }

    /** Builds a {@link RatioRetryBudget}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final Clock clock;
        private long ttlNanos = Duration.ofSeconds(10).toNanos();
        private int minRetriesPerSecond = 10;
        private long percentCanRetry = 200L;
        private int buckets = 10;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** How long requests and retries count, 1ms..1h (default 10 s). */
        public Builder ttl(Duration ttl) {
            this.ttlNanos = Settings.windowNanos("ttl", ttl);
            return this;
        }

        /** The reserve, in retries per second of ttl, 0..1000000 (default 10). */
        public Builder minRetriesPerSecond(int minRetriesPerSecond) {
            if (minRetriesPerSecond < 0 || minRetriesPerSecond > 1_000_000) {
                throw new IllegalArgumentException("minRetriesPerSecond must be 0..1000000, was " + minRetriesPerSecond);
            }
            this.minRetriesPerSecond = minRetriesPerSecond;
            return this;
        }

        /** Retries allowed per request as a fraction (0.2 is 20%), 0..1000 as in Finagle (default 0.2). */
        public Builder percentCanRetry(double percentCanRetry) {
            this.percentCanRetry = Settings.thousandths("percentCanRetry", percentCanRetry, 0.0, 1000.0);
            return this;
        }

        /** Time buckets in the window, 1..1000 (default 10). */
        public Builder buckets(int buckets) {
            this.buckets = Settings.buckets(buckets);
            return this;
        }

        public RatioRetryBudget build() {
            return new RatioRetryBudget(this);
        }
    }
}
