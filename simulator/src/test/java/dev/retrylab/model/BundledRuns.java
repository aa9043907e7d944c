package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.scenario.BundledScenarios;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For the tests of the bundled scenario files: loads a file, shortened through its text where a
 * test needs a cheaper run, runs every strategy, checks the bookkeeping of each run, and reads
 * the time series over a span of seconds.
 */
final class BundledRuns {

    private BundledRuns() {
    }

    /**
     * The bundled file {@code name}, with each {@code replacements} pair (the text to find, which
     * must occur exactly once, then the text to put instead) applied before it is read.
     */
    static Scenario load(String name, String... replacements) throws ScenarioException {
        if (replacements.length % 2 != 0) {
            throw new IllegalArgumentException("replacements come in pairs: the text to find, then the new text");
        }
        String text = read(name);
        for (int i = 0; i < replacements.length; i += 2) {
            String find = replacements[i];
            int at = text.indexOf(find);
            assertThat(at).as("'%s' in %s", find, name).isNotNegative();
            assertThat(text.indexOf(find, at + 1)).as("'%s' once in %s", find, name).isNegative();
            text = text.replace(find, replacements[i + 1]);
        }
        return ScenarioLoader.parse(name, text);
    }

    /** Strategy {@code name} of {@code scenario}, replication 0. */
    static StrategyRun run(Scenario scenario, String name) {
        StrategyRun run = ScenarioRunner.run(scenario, name, 0L);
        requireConserved(run);
        return run;
    }

    /** Every strategy of {@code scenario}, replication 0, by name in the file's order. */
    static Map<String, StrategyRun> runAll(Scenario scenario) {
        Map<String, StrategyRun> runs = new LinkedHashMap<>();
        for (StrategyRun run : ScenarioRunner.runAll(scenario, 0L, 2)) {
            requireConserved(run);
            runs.put(run.summary().name(), run);
        }
        return runs;
    }

    /**
     * Every request is a success, a failure sorted into a category, or still in flight: the
     * summary's categorised failures against the series' own in-flight gauge, two tallies the
     * runner's check does not compare.
     */
    private static void requireConserved(StrategyRun run) {
        RunSummary summary = run.summary();
        assertThat(summary.requests()).as("%s: requests = successes + failures + in flight", summary.name())
                .isEqualTo(summary.successes() + summary.failures().total()
                        + run.series().level(IntervalSeries.INFLIGHT));
        assertThat(summary.failures().total()).as("%s: failures by category", summary.name())
                .isEqualTo(run.series().total(IntervalSeries.FAILURES));
    }

    /** The sum of {@code column} over the intervals that start in [{@code fromS}, {@code toS}). */
    static double sum(StrategyRun run, String column, double fromS, double toS) {
        double[] values = run.series().values(column);
        double sum = 0;
        for (int i = first(run, fromS); i < values.length && startS(run, i) < toS; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** The largest value of {@code column} over the intervals that start in [{@code fromS}, {@code toS}). */
    static double max(StrategyRun run, String column, double fromS, double toS) {
        double[] values = run.series().values(column);
        double max = 0;
        for (int i = first(run, fromS); i < values.length && startS(run, i) < toS; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** {@code column} summed over [{@code fromS}, {@code toS}) per request started in that span. */
    static double perRequest(StrategyRun run, String column, double fromS, double toS) {
        return sum(run, column, fromS, toS) / sum(run, "requests", fromS, toS);
    }

    /** The recovery time from the first fault in seconds, or null when it did not recover. */
    static Double recoveredAfterS(StrategyRun run) {
        return run.summary().recovery().get(0).recoveredAfterS();
    }

    private static int first(StrategyRun run, double fromS) {
        return (int) Math.ceil(fromS * 1e9 / run.series().intervalNanos());
    }

    private static double startS(StrategyRun run, int interval) {
        return run.series().intervalStartNanos(interval) / 1e9;
    }

    private static String read(String name) {
        try {
            return Files.readString(BundledScenarios.file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
