package dev.retrylab.metrics;

/**
 * One simulated service over a run.
 *
 * @param attempts    attempts that reached the service
 * @param served      attempts a worker processed (whatever the answer)
 * @param rejected    attempts turned away without processing (queue full, load shedding)
 * @param wastedWorkS worker-seconds spent on attempts whose answer nobody used (the caller had
 *                    timed out, or a hedge had already won)
 * @param utilization the fraction of worker time spent busy, from 0 to 1
 */
public record ServiceSummary(long attempts, long served, long rejected, double wastedWorkS, double utilization) {

    /** Validates every field: counts zero or more, served and rejected within attempts. */
    public ServiceSummary {
        FailureCounts.requireCount("attempts", attempts);
        FailureCounts.requireCount("served", served);
        FailureCounts.requireCount("rejected", rejected);
        if (served > attempts - rejected) {
            throw new IllegalArgumentException("served " + served + " + rejected " + rejected
                    + " exceed the attempts " + attempts);
        }
        if (!(wastedWorkS >= 0) || Double.isInfinite(wastedWorkS)) {
            throw new IllegalArgumentException("wastedWorkS must be a finite number of seconds >= 0, was "
                    + wastedWorkS);
        }
        if (!(utilization >= 0 && utilization <= 1)) {
            throw new IllegalArgumentException("utilization must be between 0 and 1, was " + utilization);
        }
    }
}
