package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/contention.yaml}: 50 writers per row with optimistic concurrency. As in Marc
 * Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015): backoff without
 * jitter keeps the losers of a round together, so it costs nearly as many attempts as retrying
 * at once and takes far longer; any jitter cuts both. The file runs as it is (1000 writers).
 */
class ContentionFileTest {

    private static final List<String> JITTERED = List.of("full-jitter", "equal-jitter", "decorrelated");

    @Test
    void contendedRows_backoffWithoutJitterCollidesAgain_jitterCutsAttemptsAndTime() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("contention.yaml"));
        RunSummary immediate = runs.get("immediate").summary();
        RunSummary noJitter = runs.get("no-jitter").summary();
        for (StrategyRun run : runs.values()) {
            assertThat(run.summary().successRate()).as("%s: every write commits", run.summary().name())
                    .isEqualTo(1.0);
        }
        for (String name : JITTERED) {
            RunSummary jittered = runs.get(name).summary();
            assertThat(noJitter.amplification()).as("no-jitter against %s: attempts", name)
                    .isGreaterThan(1.4 * jittered.amplification());
            assertThat(immediate.amplification()).as("immediate against %s: attempts", name)
                    .isGreaterThan(2 * jittered.amplification());
            assertThat(noJitter.latencyMs().p99()).as("no-jitter against %s: p99", name)
                    .isGreaterThan(4 * jittered.latencyMs().p99());
            assertThat(immediate.completionTimeS()).as("immediate against %s: done first", name)
                    .isLessThan(jittered.completionTimeS());
        }
    }
}
