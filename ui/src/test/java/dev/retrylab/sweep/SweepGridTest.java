package dev.retrylab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import dev.retrylab.scenario.ScenarioOverride;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    /** A valid scenario, small enough to read many times. */
    private static final String SMALL = String.join("\n",
            "name: small",
            "duration: 1s",
            "services:",
            "  api: {workers: 2, serviceTime: {exponential: 10ms}}",
            "clients:",
            "  agents: {count: 5, target: api, workload: {open: 10/s}, timeout: 100ms}",
            "strategies:",
            "  once: {maxAttempts: 1}",
            "");

    private static Scenario read(List<ScenarioOverride> overrides) throws ScenarioException {
        return ScenarioLoader.parse("small.yaml", SMALL, overrides);
    }

    @Test
    void points_twoParameters_firstChangesSlowestLikeNestedLoops() {
        SweepGrid grid = SweepGrid.parse(List.of("seed=1,2", "clients.agents.count=5..7"));

        assertThat(grid.paths()).containsExactly("seed", "clients.agents.count");
        assertThat(grid.values()).containsExactly(List.of("1", "5"), List.of("1", "6"), List.of("1", "7"),
                List.of("2", "5"), List.of("2", "6"), List.of("2", "7"));
        assertThat(grid.points().get(4)).containsExactly(new ScenarioOverride("seed", "2"),
                new ScenarioOverride("clients.agents.count", "6"));
    }

    @Test
    void scenarios_validPoints_oneScenarioPerPointWithItsValuesSet() throws ScenarioException {
        SweepGrid grid = SweepGrid.parse(List.of("seed=1,2", "clients.agents.count=5,9"));

        List<Scenario> scenarios = grid.scenarios(SweepGridTest::read);

        assertThat(scenarios).extracting(s -> s.seed() + "/" + s.clients().get(0).count())
                .containsExactly("1/5", "1/9", "2/5", "2/9");
    }

    @Test
    void scenarios_someBadPoints_everyPointsMistakesInPointOrder() {
        SweepGrid grid = SweepGrid.parse(List.of("clients.agents.count=0,5,-1"));

        assertThatThrownBy(() -> grid.scenarios(SweepGridTest::read))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.errors())
                        .extracting(ScenarioError::message)
                        .satisfiesExactly(
                                first -> assertThat(first).endsWith("(set by --param clients.agents.count=0)"),
                                second -> assertThat(second).endsWith("(set by --param clients.agents.count=-1)")));
    }

    @Test
    void new_samePathTwice_refusedWithTheCommandLinesMessage() {
        assertThatThrownBy(() -> SweepGrid.parse(List.of("seed=1", "seed=2")))
                .hasMessage("--param seed is given twice; list all its values in one --param, separated by commas");
    }

    @Test
    void new_noParameter_refused() {
        assertThatThrownBy(() -> SweepGrid.parse(List.of())).hasMessageStartingWith("give at least one --param");
    }

    @Test
    void new_moreThanTheMostPoints_refused() {
        assertThatThrownBy(() -> SweepGrid.parse(List.of("seed=1..1000", "clients.agents.count=1..11")))
                .hasMessageContaining("more than " + SweepGrid.MAX_POINTS + " combinations");
    }

    @Test
    void parse_badParameter_firstMistakeAsTheCommandLineWordsIt() {
        assertThatThrownBy(() -> SweepGrid.parse(List.of("seed=1", "clients.agents.count")))
                .hasMessageStartingWith("--param clients.agents.count: expected PATH=VALUES");
    }
}
