package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;

/**
 * An attempt's outcome packed into one long, so responses travel through the event queue
 * without objects: the low 8 bits hold 0 for success or 1 + the {@link FailureKind} ordinal, the
 * rest a Retry-After hint in nanoseconds (0 for none).
 */
final class Outcome {

    static final long SUCCESS = 0L;

    private static final FailureKind[] KINDS = FailureKind.values();

    private Outcome() {
    }

    static long failure(FailureKind kind) {
        return kind.ordinal() + 1L;
    }

    static long failure(FailureKind kind, long retryAfterNanos) {
        return (retryAfterNanos << 8) | (kind.ordinal() + 1L);
    }

    static boolean isSuccess(long outcome) {
        return (outcome & 0xFF) == 0;
    }

    static FailureKind kind(long outcome) {
        return KINDS[(int) (outcome & 0xFF) - 1];
    }

    static long retryAfterNanos(long outcome) {
        return outcome >>> 8;
    }
}
