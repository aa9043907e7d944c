package dev.retrylab.strategy.budget;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Client-side adaptive throttling from the Google SRE book, chapter 21 "Handling Overload"
 * (sre.google/sre-book/handling-overload/): the client remembers, over a sliding window, how
 * many requests it attempted and how many the backend accepted, and rejects a new request
 * locally, without sending it, with probability
 *
 * <pre>max(0, (requests - K * accepts) / (requests + 1))</pre>
 *
 * <p>While the backend accepts everything the probability is zero; once it rejects more than
 * {@code 1 - 1/K} of requests, the client sheds the excess itself. {@code K = 2} (the default)
 * lets roughly twice the accepted load reach the backend; smaller K throttles more aggressively.
 *
 * <p>This gates every attempt, first attempts and retries alike, so it is not a
 * {@link RetryBudget}. Protocol: {@link #allowRequest} before each attempt (a false answer is a
 * local rejection, {@code GiveUpReason.THROTTLED}); for each attempt sent, {@link #onAccepted}
 * when the backend served it, {@link #onRejectedByBackend} when it refused it. Locally rejected
 * requests count as requests, as the SRE book specifies. The probability is computed from the
 * counts before the request being decided is added.
 *
 * <p>The window (default 2 minutes, as the book suggests) is a ring of time buckets on the
 * {@link Clock} (default 60): an entry is forgotten between {@code window - window/buckets} and
 * {@code window} after it was made.
 *
 * <p>Thread-safe: each operation is a short critical section on a private lock, and allocates
 * nothing; the random draw uses the caller's generator outside the lock. Per caller or shared by
 * many callers (the book keeps one per client task and backend): share the instance to share
 * the history.
 */
public final class AdaptiveThrottle {

    private static final int REQUESTS = 0;
    private static final int ACCEPTS = 1;
    private static final int BACKEND_REJECTIONS = 2;

    private final double k;
    private final long windowNanos;
    private final Clock clock;
    private final SlidingWindow window;
    private final Object lock = new Object();

    private AdaptiveThrottle(Builder builder) {
        this.k = builder.k;
        this.windowNanos = builder.windowNanos;
        this.clock = builder.clock;
        this.window = new SlidingWindow(windowNanos, builder.buckets, 3, clock.nanoTime());
    }

    /** The book's defaults: K = 2 over a 2-minute window. */
    public static AdaptiveThrottle withDefaults(Clock clock) {
        return builder(clock).build();
    }

    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /**
     * Counts a request and decides whether it may be sent.
     *
     * @param rng the caller's random stream; drawn from only when the probability is above zero
     * @return false when the request is rejected locally
     */
    public boolean allowRequest(RandomGenerator rng) {
        Objects.requireNonNull(rng, "rng");
        double probability;
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            probability = probability();
            window.add(REQUESTS, 1L);
        }
        return probability <= 0.0 || rng.nextDouble() >= probability;
    }

    /** The backend served a request this throttle allowed. */
    public void onAccepted() {
        record(ACCEPTS);
    }

    /**
     * A request this throttle allowed failed with {@code kind}: a timeout, a connection failure,
     * rate limiting or unavailability counts as refused by an overloaded backend, any other
     * answer as accepted (the backend did the work).
     */
    public void onFailure(FailureKind kind) {
        switch (kind) {
            case TIMEOUT, CONNECTION, RATE_LIMITED, UNAVAILABLE -> onRejectedByBackend();
            default -> onAccepted();
        }
    }

    /** The backend refused a request this throttle allowed (overload, quota, 429, 503). */
    public void onRejectedByBackend() {
        record(BACKEND_REJECTIONS);
    }

    /** The probability that a request arriving now is rejected locally. */
    public double rejectionProbability() {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            return probability();
        }
    }

    /** Requests counted in the window now, including those rejected locally. */
    public long requestsInWindow() {
        return totalNow(REQUESTS);
    }

    /** Requests the backend accepted in the window now. */
    public long acceptsInWindow() {
        return totalNow(ACCEPTS);
    }

    /** Requests the backend refused in the window now. */
    public long backendRejectionsInWindow() {
        return totalNow(BACKEND_REJECTIONS);
    }

    public double k() {
        return k;
    }

    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    private void record(int series) {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            window.add(series, 1L);
        }
    }

    private long totalNow(int series) {
        synchronized (lock) {
            window.advanceTo(clock.nanoTime());
            return window.total(series);
        }
    }

    /** The caller holds the lock. */
    private double probability() {
        long requests = window.total(REQUESTS);
        double excess = requests - k * window.total(ACCEPTS);
        return excess <= 0.0 ? 0.0 : excess / (requests + 1);
    }

    @Override
    public String toString() {
        return "AdaptiveThrottle[k=" + k + ", window=" + window() + "]";
    }

    /** Builds an {@link AdaptiveThrottle}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final Clock clock;
        private double k = 2.0;
        private long windowNanos = Duration.ofMinutes(2).toNanos();
        private int buckets = 60;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The multiplier K, 1..1000 (default 2; the book calls 1.1 aggressive). */
        public Builder k(double k) {
            if (Double.isNaN(k) || k < 1.0 || k > 1000.0) {
                throw new IllegalArgumentException("k must be 1..1000, was " + k);
            }
            this.k = k;
            return this;
        }

        /** How long requests and accepts count, 1ms..1h (default 2 minutes). */
        public Builder window(Duration window) {
            this.windowNanos = Settings.windowNanos("window", window);
            return this;
        }

        /** Time buckets in the window, 1..1000 (default 60). */
        public Builder buckets(int buckets) {
            this.buckets = Settings.buckets(buckets);
            return this;
        }

        public AdaptiveThrottle build() {
            return new AdaptiveThrottle(this);
        }
    }
}
