package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.retrylab.scenario.ScenarioException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/capacity-loss.yaml}: from 30 s to 150 s the API keeps 3 of every 10 workers,
 * 600 attempts per second, and refuses the rest at once. Goodput is what the API can serve,
 * whatever the clients do; retries multiply the refused attempts; adaptive throttling keeps them
 * at the client, and its window decides how long it goes on refusing once the capacity is back.
 * Measured from 60 s, when both throttles are engaged, to the end of the loss. Runs the whole
 * file: the 2-minute window needs the 2-minute loss.
 */
class CapacityLossFileTest {

    private static final double FROM_S = 60;
    private static final double TO_S = 150;

    @Test
    void capacityLoss_throttleKeepsTheExcessAtTheClient_forAsLongAsItsWindowRemembers() throws ScenarioException {
        Map<String, StrategyRun> runs = BundledRuns.runAll(BundledRuns.load("capacity-loss.yaml"));
        StrategyRun noRetry = runs.get("no-retry");
        StrategyRun retry = runs.get("retry");
        StrategyRun throttle = runs.get("throttle");
        StrategyRun shortThrottle = runs.get("throttle-30s");

        for (StrategyRun run : runs.values()) {
            assertThat(perSecond(run, "successes")).as("%s: goodput during the loss", run.summary().name())
                    .isCloseTo(perSecond(noRetry, "successes"), withinPercentage(5));
        }
        assertThat(perSecond(retry, "attempts")).as("retry: attempts")
                .isGreaterThan(2 * perSecond(noRetry, "attempts"));
        assertThat(perSecond(retry, "failures_rejected")).as("retry: nothing refused locally").isZero();
        assertThat(perSecond(throttle, "attempts")).as("throttle: attempts")
                .isLessThan(0.6 * perSecond(retry, "attempts"));
        assertThat(perSecond(shortThrottle, "attempts")).as("throttle-30s: attempts")
                .isLessThan(0.5 * perSecond(retry, "attempts"));
        assertThat(perSecond(throttle, "failures_rejected")).as("throttle: refused locally").isPositive();

        assertThat(BundledRuns.recoveredAfterS(noRetry)).as("no-retry: recovery").isNotNull()
                .isLessThanOrEqualTo(2.0);
        assertThat(BundledRuns.recoveredAfterS(retry)).as("retry: recovery").isNotNull().isLessThanOrEqualTo(2.0);
        Double shortRecovery = BundledRuns.recoveredAfterS(shortThrottle);
        assertThat(shortRecovery).as("throttle-30s: recovery").isNotNull().isLessThan(30.0);
        assertThat(BundledRuns.recoveredAfterS(throttle)).as("throttle: recovery, with a 2-minute memory")
                .isNotNull().isGreaterThan(shortRecovery + 15);
    }

    private static double perSecond(StrategyRun run, String column) {
        return BundledRuns.sum(run, column, FROM_S, TO_S) / (TO_S - FROM_S);
    }
}
