package dev.retrylab.metrics;

import java.util.Objects;

/**
 * How long the service took to recover from one fault.
 *
 * @param fault           the fault's name
 * @param endS            when the fault ended, in seconds since the start of the run
 * @param recoveredAfterS seconds from the fault's end to recovery as {@link Recovery} defines it,
 *                        or {@code null} when it did not recover before the run ended
 */
public record RecoveryResult(String fault, double endS, Double recoveredAfterS) {

    /** Validates every field. */
    public RecoveryResult {
        Objects.requireNonNull(fault, "fault");
        if (fault.isBlank()) {
            throw new IllegalArgumentException("fault name must not be blank");
        }
        if (!(endS >= 0) || Double.isInfinite(endS)) {
            throw new IllegalArgumentException("endS must be a finite number of seconds >= 0, was " + endS);
        }
        if (recoveredAfterS != null && (!(recoveredAfterS >= 0) || recoveredAfterS.isInfinite())) {
            throw new IllegalArgumentException("recoveredAfterS must be null or a finite number of seconds >= 0, was "
                    + recoveredAfterS);
        }
    }

    /** Whether the service recovered before the run ended. */
    public boolean recovered() {
        return recoveredAfterS != null;
    }
}
