package dev.retrylab.cli;

import dev.retrylab.scenario.ScenarioOverride;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every combination of the values of a sweep's parameters, in a fixed order: the first parameter
 * changes slowest, like nested loops in the order the parameters were given.
 */
final class SweepGrid {

    /** More points than this is a typo, not a sweep. */
    static final int MAX_POINTS = 10_000;

    private final List<SweepParameter> parameters;
    private final List<List<ScenarioOverride>> points;

    /**
     * @throws IllegalArgumentException when a path is given twice or the grid is too large
     */
    SweepGrid(List<SweepParameter> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("give at least one --param PATH=VALUES, for example "
                    + "--param strategies.retries.retry.maxAttempts=1..6");
        }
        Set<String> paths = new HashSet<>();
        long size = 1;
        for (SweepParameter parameter : parameters) {
            if (!paths.add(parameter.path())) {
                throw new IllegalArgumentException("--param " + parameter.path() + " is given twice; "
                        + "list all its values in one --param, separated by commas");
            }
            size *= parameter.values().size();
            if (size > MAX_POINTS) {
                throw new IllegalArgumentException("the --param values make more than " + MAX_POINTS
                        + " combinations; sweep fewer values at a time");
            }
        }
        this.parameters = List.copyOf(parameters);
        List<List<ScenarioOverride>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (SweepParameter parameter : parameters) {
            List<List<ScenarioOverride>> longer = new ArrayList<>();
            for (List<ScenarioOverride> prefix : combinations) {
                for (String value : parameter.values()) {
                    List<ScenarioOverride> point = new ArrayList<>(prefix);
                    point.add(new ScenarioOverride(parameter.path(), value));
                    longer.add(List.copyOf(point));
                }
            }
            combinations = longer;
        }
        this.points = List.copyOf(combinations);
    }

    List<SweepParameter> parameters() {
        return parameters;
    }

    /** The points: for each, one override per parameter, in the parameters' order. */
    List<List<ScenarioOverride>> points() {
        return points;
    }
}
