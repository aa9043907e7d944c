package dev.retrylab.metrics;

import java.util.Locale;

/**
 * The bookkeeping identity of a run: every logical request that started has either succeeded,
 * failed, or is still in flight. A simulator that loses or double-counts a request breaks it.
 * Stateless and thread-safe.
 */
public final class Conservation {

    private Conservation() {
    }

    /**
     * Checks {@code requests = successes + failures + inFlight}, all of them zero or more.
     *
     * @throws IllegalStateException naming every number and the difference when it does not hold
     */
    public static void check(long requests, long successes, long failures, long inFlight) {
        boolean negative = requests < 0 || successes < 0 || failures < 0 || inFlight < 0;
        long accounted = successes + failures + inFlight;
        if (negative || accounted != requests) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "request conservation violated: requests %d != successes %d + failures %d + in flight %d"
                            + " (= %d, difference %d)",
                    requests, successes, failures, inFlight, accounted, requests - accounted));
        }
    }
}
