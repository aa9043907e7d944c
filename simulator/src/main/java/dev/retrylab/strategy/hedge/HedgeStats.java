package dev.retrylab.strategy.hedge;

/**
 * A snapshot of the extra load a {@link HedgePolicy} caused. Immutable.
 *
 * @param calls             calls started (each call's first attempt)
 * @param hedgesStarted     extra attempts started
 * @param hedgesWon         calls whose result came from a hedge rather than the first attempt
 * @param attemptsCancelled attempts cancelled because another attempt of their call won
 */
public record HedgeStats(long calls, long hedgesStarted, long hedgesWon, long attemptsCancelled) {

    public HedgeStats {
        if (calls < 0 || hedgesStarted < 0 || hedgesWon < 0 || attemptsCancelled < 0) {
            throw new IllegalArgumentException("counts must be zero or more: " + calls + ", " + hedgesStarted
                    + ", " + hedgesWon + ", " + attemptsCancelled);
        }
    }

    /** Extra attempts per call: 0.05 means hedging added 5 % load; 0 when there were no calls. */
    public double extraLoad() {
        return calls == 0 ? 0.0 : (double) hedgesStarted / calls;
    }

    /** The share of hedges that won; 0 when none started. */
    public double hedgeWinRate() {
        return hedgesStarted == 0 ? 0.0 : (double) hedgesWon / hedgesStarted;
    }
}
