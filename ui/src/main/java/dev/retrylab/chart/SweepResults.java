package dev.retrylab.chart;

import dev.retrylab.model.ScenarioResult;
import java.util.List;

/**
 * What a sweep gives the charts: the swept key paths, and for every point of the grid its values
 * (one per path, as written) and its result. The first path changes slowest, as {@code retrylab
 * sweep} runs them. Immutable.
 *
 * @param parameters the swept key paths, for example {@code strategies.retries.retry.maxAttempts}
 * @param values     per point, one value per parameter
 * @param results    per point, its result (summaries only is enough)
 */
public record SweepResults(List<String> parameters, List<List<String>> values, List<ScenarioResult> results) {

    /** Checks that every point has a value for every parameter and a result. */
    public SweepResults {
        parameters = List.copyOf(parameters);
        values = values.stream().map(List::copyOf).toList();
        results = List.copyOf(results);
        if (parameters.isEmpty() || values.size() != results.size() || results.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs parameters and, for every point, values and a result");
        }
        for (List<String> point : values) {
            if (point.size() != parameters.size()) {
                throw new IllegalArgumentException("every point needs one value per parameter " + parameters);
            }
        }
    }

    /** The distinct values of parameter {@code parameter}, in sweep order. */
    public List<String> distinctValues(int parameter) {
        return values.stream().map(point -> point.get(parameter)).distinct().toList();
    }
}
