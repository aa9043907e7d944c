package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/contextual.yaml}: agents call a database (60%), an API (25%) and a model server
 * (15%), and each fails in its own way at its own time: half of the database calls conflict from
 * 15 s to 35 s, the API answers 503 from 45 s to 55 s, and the model is throttled to 10 calls per
 * second, the rest answered 429 with Retry-After: 5s, from 70 s to 80 s. Only the database
 * conflicts and only the model answers 429, so those failures are theirs. The database's policy
 * everywhere loses the throttled model calls and hammers the dead API; the model's policy
 * everywhere loses conflicting database calls; a policy per dependency does neither. The file
 * runs as it is (30,000 requests per strategy).
 */
class ContextualFileTest {

    @Test
    void dependenciesFailingEachTheirOwnWay_strategyPerDependency_beatsOnePolicyForAll() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("contextual.yaml"));
        StrategyRun quick = runs.get("uniform-quick");
        StrategyRun patient = runs.get("uniform-patient");
        StrategyRun contextual = runs.get("contextual");

        // the database: 5 quick attempts leave 0.5^5 = 3% of the conflicting calls failed, 3 leave 12.5%
        double dbCallsOfTheConflicts = 0.6 * BundledRuns.sum(contextual, "requests", 15, 35);
        assertThat(conflicts(quick) / dbCallsOfTheConflicts).as("uniform-quick").isLessThan(0.06);
        assertThat(conflicts(contextual) / dbCallsOfTheConflicts).as("contextual").isLessThan(0.06);
        assertThat(conflicts(patient) / dbCallsOfTheConflicts).as("uniform-patient").isBetween(0.09, 0.16);

        // the model: five attempts within 150 ms all meet the throttle; waiting out the hint does not
        double modelCallsOfTheThrottle = 0.15 * BundledRuns.sum(contextual, "requests", 70, 80);
        assertThat(rateLimited(quick) / modelCallsOfTheThrottle).as("uniform-quick").isGreaterThan(0.5);
        assertThat(rateLimited(patient) / modelCallsOfTheThrottle).as("uniform-patient").isLessThan(0.01);
        assertThat(rateLimited(contextual) / modelCallsOfTheThrottle).as("contextual").isLessThan(0.01);
        double extraModelAttempts = attempts(quick, "model") - attempts(contextual, "model");
        assertThat(extraModelAttempts).as("uniform-quick: extra model attempts").isGreaterThan(modelCallsOfTheThrottle);

        // the API: during its outage, retries add attempts; the breaker keeps its calls local
        assertThat(BundledRuns.perRequest(quick, "attempts", 45, 55)).as("uniform-quick").isGreaterThan(1.5);
        assertThat(BundledRuns.perRequest(patient, "attempts", 45, 55)).as("uniform-patient").isGreaterThan(1.2);
        assertThat(BundledRuns.perRequest(contextual, "attempts", 45, 55)).as("contextual").isLessThan(0.9);
        assertThat(attempts(contextual, "api")).isLessThan(attempts(patient, "api"));
        assertThat(attempts(patient, "api")).isLessThan(attempts(quick, "api"));

        RunSummary best = contextual.summary();
        assertThat(best.successRate()).isGreaterThan(patient.summary().successRate())
                .isGreaterThan(quick.summary().successRate() + 0.005);
        assertThat(best.amplification()).isLessThan(patient.summary().amplification())
                .isLessThan(quick.summary().amplification());
    }

    private static double conflicts(StrategyRun run) {
        return run.summary().failures().conflict();
    }

    private static double rateLimited(StrategyRun run) {
        return run.summary().failures().rateLimited();
    }

    private static long attempts(StrategyRun run, String service) {
        return run.summary().services().get(service).attempts();
    }
}
