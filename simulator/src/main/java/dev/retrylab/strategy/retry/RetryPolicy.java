package dev.retrylab.strategy.retry;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The classic retry policy: a maximum number of attempts, a {@link Backoff}, a
 * {@link Classification} of retryable failures, abort conditions, a time budget per call, and
 * Retry-After. Immutable and thread-safe.
 *
 * <p>After a failed attempt, {@link #decide} checks in this order and gives up at the first that
 * applies: an abort condition matches ({@code ABORTED}); the failure is not retryable
 * ({@code NOT_RETRYABLE}); the call is not idempotent and only idempotent calls are retried
 * ({@code NOT_IDEMPOTENT}); the attempts are used up ({@code MAX_ATTEMPTS}). Otherwise the delay
 * is the backoff's; a server's Retry-After hint replaces it when larger. The maximum
 * ({@link Builder#maxRetryAfter}) bounds how long a hint may make the caller wait: a longer hint
 * gives up ({@code RETRY_AFTER_TOO_LONG}) rather than wait that long, because starting before the
 * hinted time would defy the server and the hint is never cut short. Finally, a retry that would start after the call's deadline or time budget is
 * not scheduled ({@code DEADLINE}).
 */
public final class RetryPolicy implements RetryStrategy {

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Backoff backoff;
    private final Classification classification;
    private final List<Predicate<Failure>> abortConditions;
    private final long maxDurationNanos;
    private final boolean honorRetryAfter;
    private final long maxRetryAfterNanos;
    private final boolean retryOnlyIdempotent;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.backoff = builder.backoff;
        this.classification = builder.classification;
        this.abortConditions = List.copyOf(builder.abortConditions);
        this.maxDurationNanos = builder.maxDurationNanos;
        this.honorRetryAfter = builder.honorRetryAfter;
        this.maxRetryAfterNanos = builder.maxRetryAfterNanos;
        this.retryOnlyIdempotent = builder.retryOnlyIdempotent;
    }

    /**
     * Three attempts, exponential backoff from 100 ms doubling to a 10 s cap with full jitter,
     * the default classification, Retry-After honoured up to 60 s, no time budget.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this policy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxAttempts = maxAttempts;
        builder.backoff = backoff;
        builder.classification = classification;
        builder.abortConditions.addAll(abortConditions);
        builder.maxDurationNanos = maxDurationNanos;
        builder.honorRetryAfter = honorRetryAfter;
        builder.maxRetryAfterNanos = maxRetryAfterNanos;
        builder.retryOnlyIdempotent = retryOnlyIdempotent;
        return builder;
    }

    @Override
    public Decision decide(RetryState state, Failure failure, long nowNanos, RandomGenerator rng) {
        return decide(state, failure, nowNanos, rng, maxAttempts, 1.0);
    }

    /**
     * The decision with the attempt limit and a scale on the backoff delay given by the caller;
     * {@link AdaptiveRetry} tunes both.
     */
    Decision decide(RetryState state, Failure failure, long nowNanos, RandomGenerator rng,
                    int attemptLimit, double delayScale) {
        for (int i = 0; i < abortConditions.size(); i++) {
            if (abortConditions.get(i).test(failure)) {
                return Decision.giveUp(GiveUpReason.ABORTED);
            }
        }
        if (!classification.isRetryable(failure)) {
            return Decision.giveUp(GiveUpReason.NOT_RETRYABLE);
        }
        if (retryOnlyIdempotent && !state.idempotent()) {
            return Decision.giveUp(GiveUpReason.NOT_IDEMPOTENT);
        }
        int attempts = state.attempts();
        if (attempts >= attemptLimit) {
            return Decision.giveUp(GiveUpReason.MAX_ATTEMPTS);
        }
        long drawn = backoff.delayNanos(attempts, state.previousBackoffNanos(), rng);
        long delay = drawn;
        if (delayScale != 1.0) {
            delay = (long) Math.min((double) backoff.capNanos(), drawn * delayScale);
        }
        if (honorRetryAfter && failure.retryAfter() != null) {
            if (failure.retryAfter().compareTo(maxRetryAfter()) > 0) {
                return Decision.giveUp(GiveUpReason.RETRY_AFTER_TOO_LONG);
            }
            delay = Math.max(delay, failure.retryAfter().toNanos());
        }
        long deadline = deadlineOf(state);
        if (deadline != RetryState.NO_DEADLINE && delay > Nanos.saturatedSubtract(deadline, nowNanos)) {
            return Decision.giveUp(GiveUpReason.DEADLINE);
        }
        state.retryScheduled(nowNanos, delay, drawn);
        return Decision.retryAfterNanos(delay);
    }

    private long deadlineOf(RetryState state) {
        long budgetEnd = maxDurationNanos == Long.MAX_VALUE
                ? RetryState.NO_DEADLINE : Nanos.saturatedAdd(state.firstAttemptNanos(), maxDurationNanos);
        return Math.min(budgetEnd, state.deadlineNanos());
    }

    /** Only a policy with a time budget reads the call's start time. */
    @Override
    public boolean usesCallStartTime() {
        return maxDurationNanos != Long.MAX_VALUE;
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    public Backoff backoff() {
        return backoff;
    }

    @Override
    public Classification classification() {
        return classification;
    }

    /** The time budget per call, or null when there is none. */
    public Duration maxDuration() {
        return maxDurationNanos == Long.MAX_VALUE ? null : Duration.ofNanos(maxDurationNanos);
    }

    public boolean honorRetryAfter() {
        return honorRetryAfter;
    }

    public Duration maxRetryAfter() {
        return Duration.ofNanos(maxRetryAfterNanos);
    }

    public boolean retryOnlyIdempotent() {
        return retryOnlyIdempotent;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + backoff
                + (maxDurationNanos == Long.MAX_VALUE ? "" : ", maxDuration=" + maxDuration())
                + ", retryAfter=" + (honorRetryAfter ? "honoured up to " + maxRetryAfter() : "ignored") + "]";
    }

    /** Builds a {@link RetryPolicy}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 2.0)
                .withCap(Duration.ofSeconds(10)).withJitter(Jitter.FULL);
        private Classification classification = Classification.defaults();
        private final List<Predicate<Failure>> abortConditions = new ArrayList<>();
        private long maxDurationNanos = Long.MAX_VALUE;
        private boolean honorRetryAfter = true;
        private long maxRetryAfterNanos = Duration.ofSeconds(60).toNanos();
        private boolean retryOnlyIdempotent;

        private Builder() {
        }

        /** Attempts per call including the first; 1 means never retry. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        public Builder classification(Classification classification) {
            this.classification = Objects.requireNonNull(classification, "classification");
            return this;
        }

        /** Gives up at once when {@code condition} holds for a failure, retryable or not. */
        public Builder abortOn(Predicate<Failure> condition) {
            abortConditions.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** Gives up at once on failures of these kinds. */
        public Builder abortOn(FailureKind... kinds) {
            for (FailureKind kind : kinds) {
                Objects.requireNonNull(kind, "kind");
                abortConditions.add(failure -> failure.kind() == kind);
            }
            return this;
        }

        /** No retry starts later than this after the call's first attempt started. */
        public Builder maxDuration(Duration maxDuration) {
            long nanos = Nanos.positive("maxDuration", maxDuration);
            if (nanos == Long.MAX_VALUE) {
                throw new IllegalArgumentException("maxDuration must be shorter than " + maxDuration);
            }
            this.maxDurationNanos = nanos;
            return this;
        }

        /** Whether a server's Retry-After hint lengthens the delay (default true). */
        public Builder honorRetryAfter(boolean honorRetryAfter) {
            this.honorRetryAfter = honorRetryAfter;
            return this;
        }

        /** The longest Retry-After hint accepted; a longer one ends the call (default 60 s). */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfterNanos = Nanos.of("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /** Retry only calls marked idempotent in their {@link RetryState} (default false). */
        public Builder retryOnlyIdempotent(boolean retryOnlyIdempotent) {
            this.retryOnlyIdempotent = retryOnlyIdempotent;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
