package dev.retrylab.strategy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a strategy decided after a failed attempt: retry after a delay, or give up with a reason.
 * Strategies return decisions; executors and the simulator act on them. Immutable.
 *
 * @param retry      true to make another attempt
 * @param delayNanos the wait before the next attempt, in nanoseconds (0 when giving up)
 * @param reason     why the call gives up, or null when it retries
 */
public record Decision(boolean retry, long delayNanos, GiveUpReason reason) {

    private static final Map<GiveUpReason, Decision> GIVE_UPS = new EnumMap<>(GiveUpReason.class);
    private static final Decision RETRY_NOW = new Decision(true, 0L, null);

    static {
        for (GiveUpReason reason : GiveUpReason.values()) {
            GIVE_UPS.put(reason, new Decision(false, 0L, reason));
        }
    }

    public Decision {
        if (retry && reason != null) {
            throw new IllegalArgumentException("a retry has no give-up reason");
        }
        if (!retry && reason == null) {
            throw new IllegalArgumentException("giving up needs a reason");
        }
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos must be zero or positive, was " + delayNanos);
        }
    }

    /** Retry after {@code delayNanos} nanoseconds. */
    public static Decision retryAfterNanos(long delayNanos) {
        return delayNanos == 0L ? RETRY_NOW : new Decision(true, delayNanos, null);
    }

    /** Retry after {@code delay}. */
    public static Decision retryAfter(Duration delay) {
        return retryAfterNanos(Objects.requireNonNull(delay, "delay").toNanos());
    }

    /** Give up for {@code reason}; returns a shared instance. */
    public static Decision giveUp(GiveUpReason reason) {
        return GIVE_UPS.get(Objects.requireNonNull(reason, "reason"));
    }

    /** The wait before the next attempt. */
    public Duration delay() {
        return Duration.ofNanos(delayNanos);
    }
}
