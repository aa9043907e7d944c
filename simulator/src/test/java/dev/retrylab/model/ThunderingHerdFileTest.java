package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.scenario.ScenarioException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/thundering-herd.yaml}: 2000 clients synchronised by an outage. Without jitter
 * they retry in lockstep, every wave piles up in the API's queue and about half the requests
 * fail; any jitter spreads the waves. The file runs as it is (a burst of 2000 requests is cheap).
 */
class ThunderingHerdFileTest {

    private static final List<String> JITTERED = List.of("full-jitter", "equal-jitter", "decorrelated");
    private static final double OUTAGE_END_S = 15;
    private static final double RUN_S = 60;

    @Test
    void herdAfterAnOutage_withoutJitterQueuesAndFails_whileAnyJitterDissolvesIt() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("thundering-herd.yaml"));
        StrategyRun noJitter = runs.get("no-jitter");
        double herdQueue = BundledRuns.max(noJitter, "api.queue", OUTAGE_END_S, RUN_S);

        // a wave of up to 2000 attempts at 2000/s keeps hundreds queued over its second
        assertThat(herdQueue).as("no-jitter: the API's queue after the outage").isGreaterThan(100);
        assertThat(noJitter.summary().successRate()).as("no-jitter: success rate").isLessThan(0.7);
        for (String name : JITTERED) {
            StrategyRun jittered = runs.get(name);
            assertThat(BundledRuns.max(jittered, "api.queue", OUTAGE_END_S, RUN_S)).as("%s: the queue", name)
                    .isLessThan(herdQueue / 10);
            assertThat(jittered.summary().successRate()).as("%s: success rate", name).isGreaterThan(0.85);
            assertThat(jittered.summary().amplification()).as("%s: attempts per request", name)
                    .isLessThan(noJitter.summary().amplification());
        }
    }
}
