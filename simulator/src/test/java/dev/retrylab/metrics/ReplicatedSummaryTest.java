package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicatedSummaryTest {

    private static RunSummary run(String name, long requests, long attempts, Double recoveredAfterS) {
        return RunSummary.of(name, requests, attempts, requests, requests / 10.0, LatencyStats.EMPTY, null,
                FailureCounts.NONE, Map.of(), List.of(new RecoveryResult("outage api", 20.0, recoveredAfterS)));
    }

    @Test
    void mean_ofRatios_isTheMeanOfEachReplicationsRatio() {
        ReplicatedSummary summary = new ReplicatedSummary("s",
                List.of(run("s", 100, 100, 1.0), run("s", 300, 900, 2.0)));

        assertThat(summary.mean(RunSummary::requests)).isEqualTo(200.0);
        // amplifications 1 and 3, not mean attempts / mean requests = 500 / 200
        assertThat(summary.estimate(SummaryMetric.AMPLIFICATION).mean()).isEqualTo(2.0);
    }

    @Test
    void meanOrNull_oneReplicationNeverRecovered_isNullAndCountSaysHowManyDid() {
        ReplicatedSummary summary = new ReplicatedSummary("s",
                List.of(run("s", 100, 100, 1.0), run("s", 100, 100, null), run("s", 100, 100, 3.0)));

        assertThat(summary.meanOrNull(s -> s.recovery().get(0).recoveredAfterS())).isNull();
        assertThat(summary.estimateOrNull(s -> s.recovery().get(0).recoveredAfterS())).isNull();
        assertThat(summary.count(s -> s.recovery().get(0).recovered())).isEqualTo(2);
    }

    @Test
    void meanOrNull_everyReplicationRecovered_isTheMean() {
        ReplicatedSummary summary = new ReplicatedSummary("s",
                List.of(run("s", 100, 100, 1.0), run("s", 100, 100, 3.0)));

        assertThat(summary.meanOrNull(s -> s.recovery().get(0).recoveredAfterS())).isEqualTo(2.0);
    }

    @Test
    void constructor_noRunsOrAnotherStrategysRun_throws() {
        assertThatThrownBy(() -> new ReplicatedSummary("s", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplicatedSummary("s", List.of(run("t", 1, 1, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'t'");
    }
}
