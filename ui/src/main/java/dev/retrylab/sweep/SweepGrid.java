package dev.retrylab.sweep;

import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioOverride;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every combination of the values of a sweep's parameters, in a fixed order: the first parameter
 * changes slowest, like nested loops in the order the parameters were given. The command line
 * and the workbench both plan their sweeps with it, so both run the same points in the same order
 * and report the same mistakes. Immutable.
 */
public final class SweepGrid {

    /** More points than this is a typo, not a sweep. */
    public static final int MAX_POINTS = 10_000;

    /** Reads the scenario of one point: the file or text with the point's overrides set. */
    @FunctionalInterface
    public interface PointReader {
        /**
         * @throws ScenarioException the mistakes in the scenario or in an override
         */
        Scenario read(List<ScenarioOverride> overrides) throws ScenarioException;
    }

    private final List<SweepParameter> parameters;
    private final List<List<ScenarioOverride>> points;

    /**
     * @throws IllegalArgumentException when there is no parameter, a path is given twice or the
     *                                  grid is too large
     */
    public SweepGrid(List<SweepParameter> parameters) {
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

    /**
     * The grid of {@code PATH=VALUES} texts, each parsed by {@link SweepParameter#parse}.
     *
     * @throws IllegalArgumentException with the first mistake
     */
    public static SweepGrid parse(List<String> texts) {
        List<SweepParameter> parsed = new ArrayList<>();
        for (String text : texts) {
            parsed.add(SweepParameter.parse(text));
        }
        return new SweepGrid(parsed);
    }

    public List<SweepParameter> parameters() {
        return parameters;
    }

    /** The swept key paths, in the parameters' order. */
    public List<String> paths() {
        return parameters.stream().map(SweepParameter::path).toList();
    }

    /** The points: for each, one override per parameter, in the parameters' order. */
    public List<List<ScenarioOverride>> points() {
        return points;
    }

    /** The values of each point, one per parameter, as written. */
    public List<List<String>> values() {
        return points.stream().map(point -> point.stream().map(ScenarioOverride::value).toList()).toList();
    }

    /**
     * The scenario of every point, in order, each read by {@code reader} with the point's
     * overrides. Every point is read, so that all the mistakes are found at once.
     *
     * @throws ScenarioException the mistakes of every point that has some, in point order
     */
    public List<Scenario> scenarios(PointReader reader) throws ScenarioException {
        List<Scenario> scenarios = new ArrayList<>();
        List<ScenarioError> errors = new ArrayList<>();
        for (List<ScenarioOverride> point : points) {
            try {
                scenarios.add(reader.read(point));
            } catch (ScenarioException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        return scenarios;
    }
}
