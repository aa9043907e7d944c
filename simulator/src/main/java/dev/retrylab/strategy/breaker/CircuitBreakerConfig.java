package dev.retrylab.strategy.breaker;

import dev.retrylab.time.Nanos;
import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Failure;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The settings of a {@link CircuitBreaker}: when it trips, how long it stays open, how many trial
 * calls decide whether it closes again, and which failures count. Immutable and thread-safe;
 * every setter of the {@link Builder} validates at once, cross-field rules are checked in
 * {@link Builder#build()}.
 *
 * <p>Failures the {@linkplain Builder#countFailuresWhen predicate} does not count are recorded as
 * <em>successes</em>: the dependency answered, so it is healthy, even if the answer was that the
 * caller's request was wrong (invalid input, not found). By default a failure counts when
 * {@link Classification#defaults()} deems it retryable (timeouts, connection errors, 5xx, 429…).
 */
public final class CircuitBreakerConfig {

    /** How the sliding window over recent outcomes is measured. */
    public enum WindowType {
        /** The last N calls. */
        COUNT,
        /** The calls of the last N seconds, in one-second buckets. */
        TIME
    }

    /** The longest count window, in calls. */
    public static final int MAX_WINDOW_CALLS = 1_000_000;
    /** The longest time window, in seconds. */
    public static final int MAX_WINDOW_SECONDS = 3_600;

    private static final CircuitBreakerConfig DEFAULTS = builder().build();

    private final double failureRateThreshold;
    private final int consecutiveFailureThreshold;
    private final WindowType windowType;
    private final int windowSize;
    private final int minimumCalls;
    private final long openDurationNanos;
    private final int halfOpenTrialCalls;
    private final Predicate<Failure> countsAsFailure;

    private CircuitBreakerConfig(Builder builder) {
        this.failureRateThreshold = builder.failureRateThreshold;
        this.consecutiveFailureThreshold = builder.consecutiveFailureThreshold;
        this.windowType = builder.windowType;
        this.windowSize = builder.windowSize;
        this.minimumCalls = builder.minimumCalls;
        this.openDurationNanos = builder.openDurationNanos;
        this.halfOpenTrialCalls = builder.halfOpenTrialCalls;
        this.countsAsFailure = builder.countsAsFailure;
    }

    /**
     * Trips at a 50 % failure rate over the last 100 calls once 20 are recorded, no
     * consecutive-failure rule, open for 30 s, 5 trial calls, failures counted by the default
     * classification.
     */
    public static CircuitBreakerConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The failure rate in percent (above 0, at most 100) at or above which the breaker opens. */
    public double failureRateThreshold() {
        return failureRateThreshold;
    }

    /** The consecutive counted failures that open the breaker, or 0 when this rule is off. */
    public int consecutiveFailureThreshold() {
        return consecutiveFailureThreshold;
    }

    public WindowType windowType() {
        return windowType;
    }

    /** The window's length: calls for a count window, seconds for a time window. */
    public int windowSize() {
        return windowSize;
    }

    /** The calls the window must hold before the failure rate is evaluated. */
    public int minimumCalls() {
        return minimumCalls;
    }

    /** How long the breaker stays open before it lets trial calls through. */
    public Duration openDuration() {
        return Duration.ofNanos(openDurationNanos);
    }

    long openDurationNanos() {
        return openDurationNanos;
    }

    /** The trial calls allowed while half-open; all must succeed to close the breaker. */
    public int halfOpenTrialCalls() {
        return halfOpenTrialCalls;
    }

    /** True when {@code failure} counts as a failure; otherwise it is recorded as a success. */
    public boolean countsAsFailure(Failure failure) {
        return countsAsFailure.test(failure);
    }

    OutcomeWindow newWindow() {
        return windowType == WindowType.COUNT ? OutcomeWindow.ofCalls(windowSize) : OutcomeWindow.ofSeconds(windowSize);
    }

    @Override
    public String toString() {
        return "CircuitBreakerConfig[failureRate>=" + failureRateThreshold + "% over "
                + (windowType == WindowType.COUNT ? windowSize + " calls" : windowSize + "s")
                + " after " + minimumCalls + " calls"
                + (consecutiveFailureThreshold == 0 ? "" : ", consecutiveFailures=" + consecutiveFailureThreshold)
                + ", open=" + openDuration() + ", halfOpenTrialCalls=" + halfOpenTrialCalls + "]";
    }

    /** Builds a {@link CircuitBreakerConfig}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private double failureRateThreshold = 50.0;
        private int consecutiveFailureThreshold;
        private WindowType windowType = WindowType.COUNT;
        private int windowSize = 100;
        private int minimumCalls = 20;
        private long openDurationNanos = Duration.ofSeconds(30).toNanos();
        private int halfOpenTrialCalls = 5;
        private Predicate<Failure> countsAsFailure = Classification.defaults()::isRetryable;

        private Builder() {
        }

        /** Opens the breaker when this percentage (above 0, at most 100) of windowed calls failed. */
        public Builder failureRateThreshold(double percent) {
            if (!(percent > 0.0 && percent <= 100.0)) {
                throw new IllegalArgumentException(
                        "failureRateThreshold must be above 0 and at most 100 percent, was " + percent);
            }
            this.failureRateThreshold = percent;
            return this;
        }

        /** Also opens the breaker after this many (1 or more) counted failures in a row. */
        public Builder consecutiveFailureThreshold(int failures) {
            if (failures < 1) {
                throw new IllegalArgumentException("consecutiveFailureThreshold must be 1 or more, was " + failures);
            }
            this.consecutiveFailureThreshold = failures;
            return this;
        }

        /** Computes the failure rate over the last {@code calls} calls (1 to 1,000,000). */
        public Builder countWindow(int calls) {
            if (calls < 1 || calls > MAX_WINDOW_CALLS) {
                throw new IllegalArgumentException(
                        "countWindow must be 1.." + MAX_WINDOW_CALLS + " calls, was " + calls);
            }
            this.windowType = WindowType.COUNT;
            this.windowSize = calls;
            return this;
        }

        /** Computes the failure rate over the calls of the last {@code length} (whole seconds, 1 s to 1 h). */
        public Builder timeWindow(Duration length) {
            Objects.requireNonNull(length, "timeWindow");
            if (length.getNano() != 0 || length.getSeconds() < 1 || length.getSeconds() > MAX_WINDOW_SECONDS) {
                throw new IllegalArgumentException(
                        "timeWindow must be a whole number of seconds from 1s to " + MAX_WINDOW_SECONDS + "s, was "
                                + length);
            }
            this.windowType = WindowType.TIME;
            this.windowSize = (int) length.getSeconds();
            return this;
        }

        /** The calls (1 or more) the window must hold before the failure rate is evaluated. */
        public Builder minimumCalls(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("minimumCalls must be 1 or more, was " + calls);
            }
            this.minimumCalls = calls;
            return this;
        }

        /** How long (positive) the breaker stays open before trial calls may go through. */
        public Builder openDuration(Duration duration) {
            this.openDurationNanos = Nanos.positive("openDuration", duration);
            return this;
        }

        /** The trial calls (1 or more) let through while half-open; all must succeed to close. */
        public Builder halfOpenTrialCalls(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("halfOpenTrialCalls must be 1 or more, was " + calls);
            }
            this.halfOpenTrialCalls = calls;
            return this;
        }

        /** Counts a failure when {@code predicate} holds; other failures are recorded as successes. */
        public Builder countFailuresWhen(Predicate<Failure> predicate) {
            this.countsAsFailure = Objects.requireNonNull(predicate, "countFailuresWhen");
            return this;
        }

        /** Counts the failures that {@code classification} deems retryable. */
        public Builder countFailures(Classification classification) {
            Objects.requireNonNull(classification, "classification");
            this.countsAsFailure = classification::isRetryable;
            return this;
        }

        /**
         * @throws IllegalArgumentException when a count window is shorter than the minimum calls,
         *                                  so the failure rate could never be evaluated
         */
        public CircuitBreakerConfig build() {
            if (windowType == WindowType.COUNT && minimumCalls > windowSize) {
                throw new IllegalArgumentException("minimumCalls (" + minimumCalls
                        + ") must not exceed the count window (" + windowSize
                        + " calls), or the failure rate would never be evaluated");
            }
            return new CircuitBreakerConfig(this);
        }
    }
}
