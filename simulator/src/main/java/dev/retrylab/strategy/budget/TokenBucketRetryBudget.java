package dev.retrylab.strategy.budget;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.Clock;
import java.util.Objects;

/**
 * A retry budget kept as a bucket of tokens: retries pay tokens, and successes, failures and the
 * passing of time move tokens in or out. One parameter set expresses three published designs:
 *
 * <ul>
 *   <li>{@link #awsStandard()}: the retry quota of the AWS SDKs' {@code standard} retry mode, as
 *       described in the AWS SDKs and Tools Reference Guide, "Retry behavior"
 *       (docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html) and implemented
 *       with the same constants by the SDKs (botocore {@code retries/standard.py} and
 *       {@code retries/quota.py}; aws-sdk-js-v3 {@code middleware-retry} constants
 *       {@code INITIAL_RETRY_TOKENS = 500}, {@code RETRY_COST = 5}, {@code TIMEOUT_RETRY_COST = 10},
 *       {@code NO_RETRY_INCREMENT = 1}). The bucket starts full at 500; a retry costs 5, or 10 when
 *       the failure was a timeout; a retry is refused when the bucket holds less than its cost; a
 *       call that succeeds without retrying adds 1; a call that succeeds after retrying refunds
 *       the cost paid for its last retry; the bucket never exceeds 500. These are the pre-2026
 *       values; the opt-in 2026 retry behavior of the SDKs changes the quota costs.</li>
 *   <li>{@link #grpc(int, double)}: retry throttling of gRFC A6 "gRPC Retry Design"
 *       (github.com/grpc/proposal/blob/master/A6-client-retries.md). The token count starts at
 *       {@code maxTokens}; every failed attempt takes 1, floored at 0; every successful attempt adds
 *       {@code tokenRatio}, capped at {@code maxTokens}; retries (and hedges) go only while the
 *       count is strictly above {@code maxTokens / 2}. Retries cost nothing themselves.</li>
 *   <li>{@link #refilling(double, double, Clock)}: a plain token bucket refilled at a steady rate
 *       on a {@link Clock}, where each retry costs one token.</li>
 * </ul>
 *
 * <p>A retry goes when the tokens are at least its cost and strictly above the threshold (if
 * any); it then pays its cost. Tokens are exact fixed-point thousandths (A6 reads
 * {@code tokenRatio} to three decimal places), so {@code 0.1} added ten times is exactly one.
 *
 * <p>Thread-safe: every operation is a short critical section on a private lock, and allocates
 * nothing. Per caller or shared by many callers: share the instance to share the bucket.
 */
public final class TokenBucketRetryBudget implements RetryBudget {

    /** The largest capacity, in tokens; keeps the refill arithmetic inside a long. */
    public static final double MAX_CAPACITY = 1_000_000.0;

    private static final long NO_THRESHOLD = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long capacity;
    private final long retryCost;
    private final long timeoutRetryCost;
    private final long failureCost;
    private final long successIncrement;
    private final long successAfterRetryIncrement;
    private final boolean refundRetryCost;
    private final long threshold;
    private final long refillPerSecond;
    private final long nanosToFill;
    private final Clock clock;
    private final Object lock = new Object();

    private long tokens;
    private long lastRefillNanos;
    private long refillCarry;

    private TokenBucketRetryBudget(Builder builder) {
        this.capacity = builder.capacity;
        this.retryCost = builder.retryCost;
        this.timeoutRetryCost = builder.timeoutRetryCost;
        this.failureCost = builder.failureCost;
        this.successIncrement = builder.successIncrement;
        this.successAfterRetryIncrement = builder.successAfterRetryIncrement;
        this.refundRetryCost = builder.refundRetryCost;
        this.threshold = builder.threshold;
        this.refillPerSecond = builder.refillPerSecond;
        this.clock = builder.clock;
        this.nanosToFill = refillPerSecond == 0 ? Long.MAX_VALUE
                : (capacity * NANOS_PER_SECOND + refillPerSecond - 1) / refillPerSecond;
        this.tokens = builder.initialTokens;
        this.lastRefillNanos = clock == null ? 0L : clock.nanoTime();
    }

    /**
     * The AWS SDK {@code standard} retry mode quota: capacity 500 (starting full), retry cost 5,
     * timeout retry cost 10, +1 per success without retry, the last retry's cost refunded on a
     * success after retry.
     */
    public static TokenBucketRetryBudget awsStandard() {
        return builder().capacity(500).retryCost(5).timeoutRetryCost(10)
                .successIncrement(1).refundRetryCostOnSuccess(true).build();
    }

    /**
     * gRFC A6 retry throttling: −1 token per failed attempt, +{@code tokenRatio} per success,
     * retries only while tokens > {@code maxTokens / 2}.
     *
     * @param maxTokens  1..1000, as A6 allows
     * @param tokenRatio 0.001..1000, read to three decimal places as A6 specifies
     */
    public static TokenBucketRetryBudget grpc(int maxTokens, double tokenRatio) {
        if (maxTokens < 1 || maxTokens > 1000) {
            throw new IllegalArgumentException("maxTokens must be 1..1000 (gRFC A6), was " + maxTokens);
        }
        Settings.positiveThousandths("tokenRatio", tokenRatio, 1000.0);
        return builder().capacity(maxTokens).retryCost(0).failureCost(1)
                .successIncrement(tokenRatio).successAfterRetryIncrement(tokenRatio)
                .retryOnlyAbove(maxTokens / 2.0).build();
    }

    /**
     * A plain bucket of {@code capacity} tokens, starting full, refilled at {@code perSecond} on
     * {@code clock}; each retry costs one token.
     */
    public static TokenBucketRetryBudget refilling(double capacity, double perSecond, Clock clock) {
        return builder().capacity(capacity).retryCost(1).refill(perSecond, clock).build();
    }

    /** A builder for other parameter sets; see {@link Builder} for every setting. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onRequest() {
    }

    @Override
    public boolean tryAcquireRetry(FailureKind kind, long delayNanos) {
        long cost = costOf(kind);
        synchronized (lock) {
            refill();
            if (tokens > threshold && tokens >= cost) {
                tokens -= cost;
                return true;
            }
            return false;
        }
    }

    /**
     * {@inheritDoc} When this budget refunds retry costs, {@code onSuccess(true)} refunds the
     * ordinary retry cost; call {@link #onSuccessAfterRetry} to refund a timeout retry exactly.
     */
    @Override
    public void onSuccess(boolean afterRetry) {
        deposit(afterRetry ? (refundRetryCost ? retryCost : successAfterRetryIncrement) : successIncrement);
    }

    @Override
    public void onSuccessAfterRetry(FailureKind retriedKind) {
        deposit(refundRetryCost ? costOf(retriedKind) : successAfterRetryIncrement);
    }

    @Override
    public void onFailure(FailureKind kind) {
        if (failureCost == 0) {
            return;
        }
        synchronized (lock) {
            refill();
            tokens = Math.max(0L, tokens - failureCost);
        }
    }

    /** The tokens now, as a decimal number. */
    public double tokens() {
        return tokenThousandths() / (double) Settings.ONE;
    }

    /** The tokens now, exactly, in thousandths of a token. */
    public long tokenThousandths() {
        synchronized (lock) {
            refill();
            return tokens;
        }
    }

    /** The most tokens the bucket holds. */
    public double capacity() {
        return capacity / (double) Settings.ONE;
    }

    private long costOf(FailureKind kind) {
        return kind == FailureKind.TIMEOUT ? timeoutRetryCost : retryCost;
    }

    private void deposit(long amount) {
        if (amount == 0) {
            return;
        }
        synchronized (lock) {
            refill();
            tokens = Math.min(capacity, tokens + amount);
        }
    }

    /** Adds the tokens earned since the last refill; the caller holds the lock. */
    private void refill() {
        if (clock == null) {
            return;
        }
        long now = clock.nanoTime();
        long elapsed = now - lastRefillNanos;
        if (elapsed <= 0) {
            return;
        }
        lastRefillNanos = now;
        if (tokens >= capacity || elapsed >= nanosToFill) {
            tokens = Math.max(tokens, capacity);
            refillCarry = 0L;
            return;
        }
        long earned = elapsed * refillPerSecond + refillCarry;
        tokens += earned / NANOS_PER_SECOND;
        refillCarry = earned % NANOS_PER_SECOND;
        if (tokens >= capacity) {
            tokens = capacity;
            refillCarry = 0L;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TokenBucketRetryBudget[capacity=").append(Settings.units(capacity))
                .append(", retryCost=").append(Settings.units(retryCost))
                .append(", timeoutRetryCost=").append(Settings.units(timeoutRetryCost));
        if (failureCost != 0) {
            text.append(", failureCost=").append(Settings.units(failureCost));
        }
        text.append(", successIncrement=").append(Settings.units(successIncrement))
                .append(", successAfterRetry=")
                .append(refundRetryCost ? "refund retry cost" : Settings.units(successAfterRetryIncrement));
        if (threshold != NO_THRESHOLD) {
            text.append(", retryOnlyAbove=").append(Settings.units(threshold));
        }
        if (refillPerSecond != 0) {
            text.append(", refill=").append(Settings.units(refillPerSecond)).append("/s");
        }
        return text.append(']').toString();
    }

    /**
     * Builds a {@link TokenBucketRetryBudget}. Amounts are in tokens, read to three decimal places;
     * each setter validates at once and {@link #build()} checks the settings against each other.
     * Not thread-safe.
     */
    public static final class Builder {
        private long capacity = -1L;
        private long initialTokens = -1L;
        private long retryCost = Settings.ONE;
        private long timeoutRetryCost = -1L;
        private long failureCost;
        private long successIncrement;
        private long successAfterRetryIncrement;
        private boolean successAfterRetryIncrementSet;
        private boolean refundRetryCost;
        private long threshold = NO_THRESHOLD;
        private long refillPerSecond;
        private Clock clock;

        private Builder() {
        }

        /** The most tokens the bucket holds, 0.001..1000000; required. */
        public Builder capacity(double tokens) {
            this.capacity = Settings.positiveThousandths("capacity", tokens, MAX_CAPACITY);
            return this;
        }

        /** The tokens at the start, 0..capacity (default: full). */
        public Builder initialTokens(double tokens) {
            this.initialTokens = Settings.thousandths("initialTokens", tokens, 0.0, MAX_CAPACITY);
            return this;
        }

        /** The tokens a retry pays, 0..capacity (default 1). */
        public Builder retryCost(double tokens) {
            this.retryCost = Settings.thousandths("retryCost", tokens, 0.0, MAX_CAPACITY);
            return this;
        }

        /** The tokens a retry after a {@code TIMEOUT} pays, 0..capacity (default: the retry cost). */
        public Builder timeoutRetryCost(double tokens) {
            this.timeoutRetryCost = Settings.thousandths("timeoutRetryCost", tokens, 0.0, MAX_CAPACITY);
            return this;
        }

        /** The tokens every failed attempt takes, floored at zero, 0..1000000 (default 0). */
        public Builder failureCost(double tokens) {
            this.failureCost = Settings.thousandths("failureCost", tokens, 0.0, MAX_CAPACITY);
            return this;
        }

        /** The tokens a success that needed no retry adds, capped at capacity, 0..1000000 (default 0). */
        public Builder successIncrement(double tokens) {
            this.successIncrement = Settings.thousandths("successIncrement", tokens, 0.0, MAX_CAPACITY);
            return this;
        }

        /** The tokens a success after a retry adds, capped at capacity, 0..1000000 (default 0). */
        public Builder successAfterRetryIncrement(double tokens) {
            this.successAfterRetryIncrement =
                    Settings.thousandths("successAfterRetryIncrement", tokens, 0.0, MAX_CAPACITY);
            this.successAfterRetryIncrementSet = true;
            return this;
        }

        /** Whether a success after a retry refunds that retry's cost (default false). */
        public Builder refundRetryCostOnSuccess(boolean refund) {
            this.refundRetryCost = refund;
            return this;
        }

        /** Retries go only while the tokens are strictly above this, 0..capacity (default: no threshold). */
        public Builder retryOnlyAbove(double tokens) {
            this.threshold = Settings.thousandths("retryOnlyAbove", tokens, 0.0, MAX_CAPACITY);
            return this;
        }

        /** Adds {@code perSecond} tokens per second of {@code clock} time, 0.001..1000000. */
        public Builder refill(double perSecond, Clock clock) {
            this.refillPerSecond = Settings.positiveThousandths("refill perSecond", perSecond, MAX_CAPACITY);
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public TokenBucketRetryBudget build() {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity is required: set it to 0.001.." + Settings.plain(MAX_CAPACITY));
            }
            if (timeoutRetryCost < 0) {
                timeoutRetryCost = retryCost;
            }
            if (initialTokens < 0) {
                initialTokens = capacity;
            }
            requireAtMostCapacity("initialTokens", initialTokens);
            requireAtMostCapacity("retryCost", retryCost);
            requireAtMostCapacity("timeoutRetryCost", timeoutRetryCost);
            if (threshold != NO_THRESHOLD && threshold >= capacity) {
                throw new IllegalArgumentException("retryOnlyAbove must be below capacity " + Settings.units(capacity)
                        + ", was " + Settings.units(threshold) + ": no retry could ever go");
            }
            if (refundRetryCost && successAfterRetryIncrementSet) {
                throw new IllegalArgumentException(
                        "set either successAfterRetryIncrement or refundRetryCostOnSuccess, not both");
            }
            return new TokenBucketRetryBudget(this);
        }

        private void requireAtMostCapacity(String name, long value) {
            if (value > capacity) {
                throw new IllegalArgumentException(name + " must be 0.." + Settings.units(capacity)
                        + " (the capacity), was " + Settings.units(value));
            }
        }
    }
}
