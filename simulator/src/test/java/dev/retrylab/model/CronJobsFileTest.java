package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/cron-aligned.yaml} and {@code cron-spread.yaml}: the same 3000 jobs a minute
 * against a service of about 390 calls per second, all on the minute or each at its own second.
 * Aligned, each minute starts with 3000 attempts at once and eight seconds of queue against a
 * 2 s timeout; spread, about 50 a second and no queue. The files run as they are (9000 requests).
 */
class CronJobsFileTest {

    /** Both files end at 179 s, just before the fourth round of the aligned jobs. */
    private static final double RUN_S = 179;

    @Test
    void periodicJobs_alignedPhasesQueueAndTimeOut_spreadPhasesNeverQueue() throws ScenarioException {
        Map<String, StrategyRun> aligned = BundledRuns.runAll(BundledRuns.load("cron-aligned.yaml"));
        Map<String, StrategyRun> spread = BundledRuns.runAll(BundledRuns.load("cron-spread.yaml"));

        for (String name : aligned.keySet()) {
            double alignedPeak = BundledRuns.max(aligned.get(name), "attempts", 0, RUN_S);
            double spreadPeak = BundledRuns.max(spread.get(name), "attempts", 0, RUN_S);
            assertThat(alignedPeak).as("%s: peak attempts per second, aligned against spread", name)
                    .isGreaterThanOrEqualTo(5 * spreadPeak);
            RunSummary even = spread.get(name).summary();
            assertThat(even.successRate()).as("%s, spread: success rate", name).isGreaterThan(0.999);
            assertThat(even.attempts()).as("%s, spread: no retries", name).isEqualTo(even.requests());
            assertThat(BundledRuns.max(spread.get(name), "reports.queue", 0, RUN_S)).as("%s, spread: queue", name)
                    .isLessThan(1.0);
        }
        RunSummary noRetry = aligned.get("no-retry").summary();
        RunSummary noJitter = aligned.get("no-jitter").summary();
        RunSummary fullJitter = aligned.get("full-jitter").summary();
        // 2 s of a 7.8 s queue is served in time: about a quarter
        assertThat(noRetry.successRate()).as("aligned, no-retry").isBetween(0.15, 0.4);
        assertThat(noJitter.successRate()).as("aligned, retries rescue the jobs").isGreaterThan(0.99);
        assertThat(fullJitter.successRate()).as("aligned, retries rescue the jobs").isGreaterThan(0.99);
        assertThat(fullJitter.attempts()).as("aligned, jitter needs fewer attempts")
                .isLessThan((long) (0.95 * noJitter.attempts()));
        assertThat(fullJitter.latencyMs().p99()).as("aligned, jitter shortens the tail")
                .isLessThan(0.8 * noJitter.latencyMs().p99());
    }
}
