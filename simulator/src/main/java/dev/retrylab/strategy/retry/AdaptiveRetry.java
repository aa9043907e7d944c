package dev.retrylab.strategy.retry;

import dev.retrylab.time.Nanos;
import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A {@link RetryPolicy} whose attempt limit and delay scale follow the health of the dependency,
 * measured over recent calls. When most attempts succeed, a retry is cheap and likely to help,
 * so calls get up to the attempt ceiling at the normal backoff. When most attempts fail, every
 * retry adds load to a dependency that is already struggling (a retry storm), so the limit
 * shrinks toward the floor and the backoff delays grow toward the scale ceiling.
 *
 * <p>The rule, recomputed after every {@link #callFinished} and whenever old calls expire:
 * <pre>
 *   window   the last W calls reported through callFinished and, when maxAge is set, only
 *            those that finished less than maxAge before now
 *   n        calls in the window
 *   A        sum of their attempts
 *   S        number of them that succeeded
 *   p        = S / A   (the attempt success rate: each success ends its call with exactly one
 *                       successful attempt, so S of the A attempts succeeded)
 *   h        = 1                                           when n &lt; minimumCalls
 *            = clamp((p - unhealthyAt) / (healthyAt - unhealthyAt), 0, 1)   otherwise
 *   maxAttempts = attemptFloor + round((attemptCeiling - attemptFloor) * h)
 *   delayScale  = scaleFloor + (scaleCeiling - scaleFloor) * (1 - h)
 * </pre>
 * where {@code round(x) = floor(x + 0.5)}: halves round up. (The code adds 1e-9 before rounding,
 * so a value that is exactly a half on paper rounds up even when floating point lands a hair
 * below it, as (0.7 − 0.5) / 0.4 does.) With too few calls to judge, the dependency counts as
 * healthy. {@link #decide} first drops expired calls, then applies {@link RetryPolicy}'s checks
 * with this attempt limit and multiplies its backoff delay by the scale, never beyond the
 * backoff's cap (a server's Retry-After hint is still honoured as given). Defaults: W = 100, minimumCalls = 10, no maxAge, attempts 1
 * to the policy's max attempts, scale 1 to 4, unhealthyAt 0.5, healthyAt 0.9.
 *
 * <p>Example with the defaults (floor 1, ceiling 3 from {@link RetryPolicy#defaults()}, scale 1 to
 * 4, unhealthyAt 0.5, healthyAt 0.9): 8 calls succeed at once and 2 succeed on their second
 * attempt, so A = 12, S = 10, p = 0.8333, h = 0.8333, maxAttempts = 1 + round(1.667) = 3 and
 * delayScale = 1 + 3 × 0.1667 = 1.5. If instead 7 calls succeed at once and 3 give up after 3
 * attempts, A = 16, S = 7, p = 0.4375, h = 0: one attempt, delays × 4.
 *
 * <p>Thread-safe: the window is guarded by a lock. {@code callFinished} and {@code decide}
 * allocate nothing apart from the retry {@link Decision} the policy returns. The idea of backing
 * off retries by observed success follows the client-side throttling of Google's <i>Site
 * Reliability Engineering</i> (2016), chapter 21, "Handling Overload", and the AWS SDKs' adaptive
 * retry mode; this linear rule is retrylab's own, chosen to be recomputable by hand.
 */
public final class AdaptiveRetry implements RetryStrategy {

    private static final double ROUNDING_TOLERANCE = 1e-9;

    private final RetryPolicy policy;
    private final int minimumCalls;
    private final long maxAgeNanos;
    private final int attemptFloor;
    private final int attemptCeiling;
    private final double scaleFloor;
    private final double scaleCeiling;
    private final double unhealthyAt;
    private final double healthyAt;
    private final Object lock = new Object();
    private final RecentCalls calls;
    private int tunedAttempts;
    private double tunedScale;

    private AdaptiveRetry(Builder builder) {
        this.policy = builder.policy;
        this.minimumCalls = builder.minimumCalls;
        this.maxAgeNanos = builder.maxAgeNanos;
        this.attemptFloor = builder.attemptFloor;
        this.attemptCeiling = builder.attemptCeiling;
        this.scaleFloor = builder.scaleFloor;
        this.scaleCeiling = builder.scaleCeiling;
        this.unhealthyAt = builder.unhealthyAt;
        this.healthyAt = builder.healthyAt;
        this.calls = new RecentCalls(builder.window);
        retune();
    }

    /** A builder around {@code policy}; the attempt ceiling starts at the policy's max attempts. */
    public static Builder builder(RetryPolicy policy) {
        return new Builder(policy);
    }

    @Override
    public Decision decide(RetryState state, Failure failure, long nowNanos, RandomGenerator rng) {
        int limit;
        double scale;
        synchronized (lock) {
            expire(nowNanos);
            limit = tunedAttempts;
            scale = tunedScale;
        }
        return policy.decide(state, failure, nowNanos, rng, limit, scale);
    }

    /**
     * Records how a call ended.
     *
     * @param attempts the attempts the call made, 1 or more
     */
    @Override
    public void callFinished(int attempts, boolean succeeded, long nowNanos) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
        synchronized (lock) {
            calls.add(attempts, succeeded, nowNanos);
            expire(nowNanos);
            retune();
        }
    }

    /** It learns from every call, so executors must report how each ended. */
    @Override
    public boolean learnsFromCalls() {
        return true;
    }

    @Override
    public boolean usesCallStartTime() {
        return policy.usesCallStartTime();
    }

    /** The wrapped policy's classification. */
    @Override
    public Classification classification() {
        return policy.classification();
    }

    /** The attempt limit as of the latest recorded call or decision. */
    @Override
    public int maxAttempts() {
        synchronized (lock) {
            return tunedAttempts;
        }
    }

    /** The factor on backoff delays as of the latest recorded call or decision. */
    public double delayScale() {
        synchronized (lock) {
            return tunedScale;
        }
    }

    /** The calls in the window as of the latest recorded call or decision. */
    public int windowCalls() {
        synchronized (lock) {
            return calls.size();
        }
    }

    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "AdaptiveRetry[attempts " + attemptFloor + ".." + attemptCeiling + ", delayScale " + scaleFloor
                + ".." + scaleCeiling + ", health " + unhealthyAt + ".." + healthyAt + ", " + policy + "]";
    }

    private void expire(long nowNanos) {
        if (maxAgeNanos != Long.MAX_VALUE && calls.expire(nowNanos, maxAgeNanos)) {
            retune();
        }
    }

    private void retune() {
        double health = 1.0;
        if (calls.size() >= minimumCalls) {
            double successRate = (double) calls.successes() / calls.totalAttempts();
            health = Math.max(0.0, Math.min(1.0, (successRate - unhealthyAt) / (healthyAt - unhealthyAt)));
        }
        double extraAttempts = (attemptCeiling - attemptFloor) * health;
        tunedAttempts = attemptFloor + (int) Math.floor(extraAttempts + 0.5 + ROUNDING_TOLERANCE);
        tunedScale = scaleFloor + (scaleCeiling - scaleFloor) * (1.0 - health);
    }

    /** Builds an {@link AdaptiveRetry}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        /** The largest window, in calls. */
        public static final int MAX_WINDOW = 100_000;

        private final RetryPolicy policy;
        private int window = 100;
        private int minimumCalls = 10;
        private long maxAgeNanos = Long.MAX_VALUE;
        private int attemptFloor = 1;
        private int attemptCeiling;
        private double scaleFloor = 1.0;
        private double scaleCeiling = 4.0;
        private double unhealthyAt = 0.5;
        private double healthyAt = 0.9;

        private Builder(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.attemptCeiling = policy.maxAttempts();
        }

        /** The number of recent calls (1 to 100,000) the rule looks at; default 100. */
        public Builder window(int calls) {
            if (calls < 1 || calls > MAX_WINDOW) {
                throw new IllegalArgumentException("window must be 1.." + MAX_WINDOW + " calls, was " + calls);
            }
            this.window = calls;
            return this;
        }

        /** Below this many calls (1 or more) in the window, the dependency counts as healthy; default 10. */
        public Builder minimumCalls(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("minimumCalls must be 1 or more, was " + calls);
            }
            this.minimumCalls = calls;
            return this;
        }

        /** Also drops calls that finished this long (positive) ago or longer; default never. */
        public Builder maxAge(Duration maxAge) {
            this.maxAgeNanos = Nanos.positive("maxAge", maxAge);
            return this;
        }

        /** The attempt limit when unhealthy (floor, 1 or more) and when healthy (ceiling, at least floor). */
        public Builder attempts(int floor, int ceiling) {
            if (floor < 1) {
                throw new IllegalArgumentException("attempt floor must be 1 or more, was " + floor);
            }
            if (ceiling < floor) {
                throw new IllegalArgumentException(
                        "attempt ceiling must be at least the floor (" + floor + "), was " + ceiling);
            }
            this.attemptFloor = floor;
            this.attemptCeiling = ceiling;
            return this;
        }

        /** The delay factor when healthy (floor, above 0) and when unhealthy (ceiling, at least floor). */
        public Builder delayScale(double floor, double ceiling) {
            if (!(floor > 0.0) || Double.isInfinite(floor)) {
                throw new IllegalArgumentException("delay scale floor must be a finite number above 0, was " + floor);
            }
            if (!(ceiling >= floor) || Double.isInfinite(ceiling)) {
                throw new IllegalArgumentException(
                        "delay scale ceiling must be finite and at least the floor (" + floor + "), was " + ceiling);
            }
            this.scaleFloor = floor;
            this.scaleCeiling = ceiling;
            return this;
        }

        /**
         * The attempt success rates at or below which the dependency counts as fully unhealthy and
         * at or above which it counts as fully healthy; {@code 0 <= unhealthyAt < healthyAt <= 1}.
         */
        public Builder health(double unhealthyAt, double healthyAt) {
            if (!(unhealthyAt >= 0.0 && unhealthyAt < 1.0)) {
                throw new IllegalArgumentException("unhealthyAt must be 0 or more and below 1, was " + unhealthyAt);
            }
            if (!(healthyAt > unhealthyAt && healthyAt <= 1.0)) {
                throw new IllegalArgumentException(
                        "healthyAt must be above unhealthyAt (" + unhealthyAt + ") and at most 1, was " + healthyAt);
            }
            this.unhealthyAt = unhealthyAt;
            this.healthyAt = healthyAt;
            return this;
        }

        /**
         * @throws IllegalArgumentException when minimumCalls exceeds the window, so the rule could
         *                                  never leave its healthy default
         */
        public AdaptiveRetry build() {
            if (minimumCalls > window) {
                throw new IllegalArgumentException("minimumCalls (" + minimumCalls + ") must not exceed the window ("
                        + window + " calls), or the attempt limit would never adapt");
            }
            return new AdaptiveRetry(this);
        }
    }
}
