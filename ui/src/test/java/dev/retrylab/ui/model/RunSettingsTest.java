package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    private final Scenario scenario = parse(TinyScenario.TEXT);

    @Test
    void adopt_scenario_takesItsStrategiesReplicationsAndSeed() {
        RunSettings settings = new RunSettings();

        settings.adopt(scenario);

        assertThat(settings.strategies()).containsExactly("no-retry", "immediate", "jittered");
        assertThat(settings.strategies()).allMatch(settings::isChosen);
        assertThat(settings.replications()).isEqualTo(2);
        assertThat(settings.seed()).isEqualTo(7);
    }

    @Test
    void apply_oneStrategyDroppedAndNewSeed_scenarioWithTheOthersInOrder() {
        RunSettings settings = new RunSettings();
        settings.adopt(scenario);
        settings.choose("immediate", false);
        settings.seed(99);
        settings.replications(3);

        Scenario applied = settings.apply(scenario);

        assertThat(applied.strategies().keySet()).containsExactly("no-retry", "jittered");
        assertThat(applied.seed()).isEqualTo(99);
        assertThat(applied.replications()).isEqualTo(3);
        assertThat(applied.services()).isEqualTo(scenario.services());
    }

    @Test
    void adopt_sameStrategiesAgain_keepsTheChoice() {
        RunSettings settings = new RunSettings();
        settings.adopt(scenario);
        settings.choose("immediate", false);

        settings.adopt(scenario);

        assertThat(settings.isChosen("immediate")).isFalse();
    }

    @Test
    void problem_noStrategyChosen_namesItAndApplyRefuses() {
        RunSettings settings = new RunSettings();
        settings.adopt(scenario);
        settings.strategies().forEach(name -> settings.choose(name, false));

        assertThat(settings.problem()).contains("choose at least one strategy to run");
        assertThatThrownBy(() -> settings.apply(scenario)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void replications_outOfRange_refusedWithTheRange() {
        RunSettings settings = new RunSettings();

        assertThatThrownBy(() -> settings.replications(0)).hasMessageContaining("from 1 to 1000, was 0");
    }

    @Test
    void choose_unknownStrategy_refused() {
        RunSettings settings = new RunSettings();
        settings.adopt(scenario);

        assertThatThrownBy(() -> settings.choose("nope", true)).hasMessageContaining("'nope'");
    }

    static Scenario parse(String text) {
        try {
            return ScenarioLoader.parse("tiny.yaml", text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
