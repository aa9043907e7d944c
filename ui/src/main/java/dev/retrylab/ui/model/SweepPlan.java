package dev.retrylab.ui.model;

import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import dev.retrylab.sweep.SweepGrid;
import java.util.List;

/**
 * A sweep of the document's scenario, planned as {@code retrylab sweep} plans one: the grid of
 * the parameters' values (the first changes slowest), and for every point the text read with
 * that point's values set, then the run settings applied (but for a swept seed or replications).
 * Immutable.
 *
 * @param grid   the swept parameters and their points
 * @param points one scenario per point of the grid, in its order
 */
public record SweepPlan(SweepGrid grid, List<Scenario> points) {

    /** Checks that there is one scenario per point. */
    public SweepPlan {
        points = List.copyOf(points);
        if (points.size() != grid.points().size()) {
            throw new IllegalArgumentException(points.size() + " scenarios for " + grid.points().size() + " points");
        }
    }

    /**
     * The plan for the {@code PATH=VALUES} texts of {@code parameters}, as {@code retrylab sweep
     * --param} reads them; blank texts are left out, so an optional field may stay empty.
     *
     * @throws IllegalArgumentException with the first mistake: in a parameter as the command line
     *                                  words it, or in a point's scenario as {@code
     *                                  file:line:column: path: message}
     */
    public static SweepPlan of(ScenarioDocument document, RunSettings settings, List<String> parameters) {
        List<String> given = parameters.stream().filter(text -> !text.isBlank()).map(String::trim).toList();
        if (given.isEmpty()) {
            throw new IllegalArgumentException("give a key and its values to sweep, for example "
                    + "strategies.retries.retry.maxAttempts=1..6");
        }
        SweepGrid grid = SweepGrid.parse(given);
        try {
            return new SweepPlan(grid, grid.scenarios(overrides -> settings.apply(
                    ScenarioLoader.parse(document.name(), document.text(), overrides), grid.paths())));
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.errors().get(0).toString());
        }
    }
}
