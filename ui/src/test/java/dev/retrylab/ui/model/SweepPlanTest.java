package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.model.Scenario;
import dev.retrylab.sweep.SweepGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

    private final ScenarioDocument document = new ScenarioDocument();
    private final RunSettings settings = new RunSettings();

    SweepPlanTest() {
        document.edit(TinyScenario.TEXT);
        settings.adopt(document.scenario().orElseThrow());
    }

    private SweepPlan plan(String first, String second) {
        return SweepPlan.of(document, settings, List.of(first, second));
    }

    @Test
    void of_twoParameters_pointsInGridOrderWithTheFirstSlowest() {
        SweepPlan plan = plan("clients.agents.count=10,20", "services.api.workers=2..4");

        assertThat(plan.grid().paths()).containsExactly("clients.agents.count", "services.api.workers");
        assertThat(plan.points()).extracting(s -> s.clients().get(0).count() + "/" + s.services().get(0).workers())
                .containsExactly("10/2", "10/3", "10/4", "20/2", "20/3", "20/4");
        assertThat(plan.grid().values()).containsExactly(List.of("10", "2"), List.of("10", "3"), List.of("10", "4"),
                List.of("20", "2"), List.of("20", "3"), List.of("20", "4"));
    }

    @Test
    void of_blankSecondParameter_sweepsTheFirstAlone() {
        SweepPlan plan = plan(" clients.agents.count=10,20 ", "  ");

        assertThat(plan.grid().paths()).containsExactly("clients.agents.count");
        assertThat(plan.points()).extracting(s -> s.clients().get(0).count()).containsExactly(10, 20);
    }

    @Test
    void of_runSettings_appliedToEveryPoint() {
        settings.choose("immediate", false);
        settings.replications(3);
        settings.seed(42);

        SweepPlan plan = plan("clients.agents.count=10,20", "services.api.workers=2,3");

        assertThat(plan.points()).hasSize(4).allSatisfy(point -> {
            assertThat(point.strategies().keySet()).containsExactly("no-retry", "jittered");
            assertThat(point.replications()).isEqualTo(3);
            assertThat(point.seed()).isEqualTo(42);
        });
    }

    @Test
    void of_seedAndReplicationsSwept_theSweptValuesWinOverTheRunSettings() {
        settings.replications(3);
        settings.seed(42);

        SweepPlan plan = plan("seed=1,2", "replications=2,5");

        assertThat(plan.points()).extracting(point -> point.seed() + "/" + point.replications())
                .containsExactly("1/2", "1/5", "2/2", "2/5");
    }

    @Test
    void of_secondWithoutEquals_theCommandLinesMessage() {
        assertThatThrownBy(() -> plan("clients.agents.count=10,20", "services.api.workers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--param services.api.workers: expected PATH=VALUES, for example ");
    }

    @Test
    void of_emptyRange_theCommandLinesMessage() {
        assertThatThrownBy(() -> plan("clients.agents.count=10,20", "services.api.workers=4..2"))
                .hasMessage("--param services.api.workers=4..2: the range 4..2 is empty: its end is below its start");
    }

    @Test
    void of_samePathTwice_theCommandLinesMessage() {
        assertThatThrownBy(() -> plan("clients.agents.count=10", "clients.agents.count=20"))
                .hasMessageStartingWith("--param clients.agents.count is given twice");
    }

    @Test
    void of_noParameter_asksForOne() {
        assertThatThrownBy(() -> plan("", " ")).hasMessage("give a key and its values to sweep, for example "
                + "strategies.retries.retry.maxAttempts=1..6");
    }

    @Test
    void of_unknownKey_oneLineWithFileLineAndSuggestion() {
        assertThatThrownBy(() -> plan("clients.agents.count=10,20", "services.api.wrkers=2,3"))
                .hasMessageMatching("untitled\\.yaml:\\d+:\\d+: services\\.api\\.wrkers: .*did you mean 'workers'.*")
                .hasMessageEndingWith("(set by --param services.api.wrkers=2)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void of_badValueAtALaterPoint_thatPointsMessage() {
        assertThatThrownBy(() -> plan("clients.agents.count=10,-5", "services.api.workers=2"))
                .hasMessageStartingWith("untitled.yaml:")
                .hasMessageContaining("clients.agents.count")
                .hasMessageEndingWith("(set by --param clients.agents.count=-5)");
    }

    @Test
    void new_scenariosForAnotherGrid_refused() {
        SweepGrid grid = SweepGrid.parse(List.of("seed=1,2"));
        List<Scenario> one = List.of(document.scenario().orElseThrow());

        assertThatThrownBy(() -> new SweepPlan(grid, one)).isInstanceOf(IllegalArgumentException.class);
    }
}
