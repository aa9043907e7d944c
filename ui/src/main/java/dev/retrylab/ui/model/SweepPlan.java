package dev.retrylab.ui.model;

import dev.retrylab.cli.SweepParameter;
import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import dev.retrylab.scenario.ScenarioOverride;
import java.util.ArrayList;
import java.util.List;

/**
 * The points of a one-parameter sweep of the document's scenario, as {@code retrylab sweep
 * --param PATH=VALUES} reads them: the text read once per value with that value set, then the run
 * settings applied to each.
 */
public final class SweepPlan {

    private SweepPlan() {
    }

    /**
     * One scenario per value of {@code parameter}.
     *
     * @throws IllegalArgumentException with the first mistake, {@code file:line:column: path: message}
     */
    public static List<Scenario> points(ScenarioDocument document, RunSettings settings, SweepParameter parameter) {
        List<Scenario> points = new ArrayList<>();
        for (String value : parameter.values()) {
            try {
                Scenario point = ScenarioLoader.parse(document.name(), document.text(),
                        List.of(new ScenarioOverride(parameter.path(), value)));
                points.add(settings.apply(point));
            } catch (ScenarioException e) {
                throw new IllegalArgumentException(e.errors().get(0).toString());
            }
        }
        return points;
    }
}
