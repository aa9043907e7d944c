package dev.retrylab.strategy.budget;

import dev.retrylab.time.Nanos;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A retry budget on waiting time: the delays of the retries allowed within a sliding window
 * may add up to at most {@code maxRetryDelay}. A retry whose delay would take the sum over the
 * limit is refused. Where a count-based budget bounds the extra load retries send, this bounds
 * the time that callers spend parked in backoff, for example the threads or in-flight slots a
 * synchronous service holds while its dependency is down. It bounds time only: retries with no
 * delay cost nothing here, so pair it with a count-based budget when both matter.
 *
 * <p>This is this library's own variant of a retry budget. Compare Finagle's {@code RetryBudget}
 * (retries as a fraction of requests over a ttl, see {@link RatioRetryBudget}) and Envoy's
 * retry budgets ({@code retry_budget}: concurrent retries as a percentage of active requests);
 * this one measures the budget in delay instead. The window is a ring of time buckets on the {@link Clock} (default 10): a
 * delay is forgotten between {@code window - window/buckets} and {@code window} after the retry
 * was allowed.
 *
 * <p>Thread-safe: each operation is a short critical section on a private lock, and allocates
 * nothing. Per caller or shared by many callers: share the instance to share the budget.
 */
public final class RetryTimeBudget implements RetryBudget {

    private static final int DELAYS = 0;
    private static final int DEFAULT_BUCKETS = 10;

    private final long maxRetryDelayNanos;
    private final long windowNanos;
    private final Clock clock;
    private final SlidingWindow window;
    private final Object lock = new Object();

    private RetryTimeBudget(long maxRetryDelayNanos, long windowNanos, int buckets, Clock clock) {
        this.maxRetryDelayNanos = maxRetryDelayNanos;
        this.windowNanos = windowNanos;
        this.clock = clock;
        this.window = new SlidingWindow(windowNanos, buckets, 1, clock.nanoTime());
    }

    /** At most {@code maxRetryDelay} of retry delays in any {@code window}, in 10 buckets. */
    public static RetryTimeBudget of(Duration maxRetryDelay, Duration window, Clock clock) {
        return of(maxRetryDelay, window, DEFAULT_BUCKETS, clock);
    }

    /**
     * At most {@code maxRetryDelay} (positive) of retry delays in any {@code window} (1ms..1h),
     * kept in {@code buckets} (1..1000) time buckets.
     */
    public static RetryTimeBudget of(Duration maxRetryDelay, Duration window, int buckets, Clock clock) {
        long maxRetryDelayNanos = Nanos.positive("maxRetryDelay", maxRetryDelay);
        long windowNanos = Settings.windowNanos("window", window);
        Settings.buckets(buckets);
        return new RetryTimeBudget(maxRetryDelayNanos, windowNanos, buckets,
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public void onRequest() {
    }

    /** @throws IllegalArgumentException when {@code delayNanos} is negative */
    @Override
    public boolean tryAcquireRetry(FailureKind kind, long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos must be zero or positive, was " + delayNanos);
        }
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            if (delayNanos > maxRetryDelayNanos - window.total(DELAYS)) {
                return false;
            }
            window.add(DELAYS, delayNanos);
            return true;
        }
    }

    @Override
    public void onSuccess(boolean afterRetry) {
    }

    @Override
    public void onFailure(FailureKind kind) {
    }

    /** The sum of the delays of the retries allowed in the window now, in nanoseconds. */
    public long usedNanos() {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            return window.total(DELAYS);
        }
    }

    /** The retry delay still available in the window now. */
    public Duration remaining() {
        return Duration.ofNanos(maxRetryDelayNanos - usedNanos());
    }

    public Duration maxRetryDelay() {
        return Duration.ofNanos(maxRetryDelayNanos);
    }

    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    @Override
    public String toString() {
        return "RetryTimeBudget[maxRetryDelay=" + maxRetryDelay() + ", window=" + window() + "]";
    }
}
