package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.ColumnNames;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.ScenarioException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/latency-spike.yaml}: during a spike one attempt in twenty stalls for 200 ms.
 * One hedge near the usual p99 cuts the tail for a few percent more attempts; hedging below the
 * median doubles the load, which the spike turns into an overload. Shortened to 30 s with the
 * spike from 10 s to 25 s.
 */
class LatencySpikeFileTest {

    private static final List<String> TAIL_HEDGES = List.of("tail-at-scale", "hedge-30ms");

    @Test
    void latencySpike_hedgingTheTailCutsTheP99_hedgingEverythingOverloads() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("latency-spike.yaml",
                "duration: 60s", "duration: 30s", "start: 20s", "start: 10s", "end: 40s", "end: 25s"));
        RunSummary noHedge = runs.get("no-hedge").summary();
        // only requests in flight when the run ends have not succeeded
        assertThat(noHedge.successRate()).isGreaterThan(0.999);
        assertThat(noHedge.amplification()).isEqualTo(1.0);
        // 5% of attempts stall 200 ms on average during half the run: above the usual p99 of 25 ms
        assertThat(noHedge.latencyMs().p99()).isGreaterThan(60.0);

        for (String name : TAIL_HEDGES) {
            RunSummary hedged = runs.get(name).summary();
            assertThat(hedged.latencyMs().p99()).as("%s: p99", name).isLessThan(0.6 * noHedge.latencyMs().p99());
            assertThat(hedged.amplification()).as("%s: attempts per request", name).isGreaterThan(1.0)
                    .isLessThan(1.15);
            assertThat(hedged.successRate()).as("%s: success rate", name).isGreaterThan(0.999);
        }
        RunSummary eager = runs.get("hedge-5ms").summary();
        assertThat(eager.amplification()).as("hedge-5ms: hedges most requests").isGreaterThan(1.5);
        assertThat(eager.successRate()).as("hedge-5ms: overloaded during the spike").isLessThan(0.9);
        for (StrategyRun run : runs.values()) {
            long hedges = run.series().total(run.series().column(ColumnNames.HEDGES));
            assertThat(run.summary().attempts()).as("%s: attempts are first tries and hedges",
                    run.summary().name()).isEqualTo(run.summary().requests() + hedges);
        }
    }
}
