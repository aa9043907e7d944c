package dev.retrylab.cli;

import dev.retrylab.metrics.IntervalCsv;
import dev.retrylab.metrics.IntervalSeries;
import dev.retrylab.metrics.RecoveryResult;
import dev.retrylab.metrics.RunSummary;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioRunner;
import dev.retrylab.model.StrategyRun;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retrylab run}: runs every strategy of a scenario and compares them. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs every strategy of a scenario and compares them, one row per strategy.",
                "Every strategy meets the same arrivals, service times and faults."})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The scenario file, for example scenarios/retry-storm.yaml.")
    Path file;

    @Option(names = "--format", converter = Converters.FormatConverter.class, paramLabel = "FORMAT",
            defaultValue = "table", description = "table|json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--series", paramLabel = "CSV",
            description = "Also write the time series of every strategy to this CSV file.")
    Path series;

    @Option(names = "--threads", paramLabel = "N",
            description = "Strategies run in parallel on this many threads (default: the number of cores). "
                    + "The results do not depend on it.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (format == OutputFormat.CSV) {
            throw new IllegalArgumentException("--format csv is not available for run: use --series FILE for the "
                    + "time series, or --format table|json");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new IllegalArgumentException("--threads must be 1 or more, was " + threadCount);
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            PrintWriter err = spec.commandLine().getErr();
            for (ScenarioError error : e.errors()) {
                err.println(error);
            }
            err.flush();
            return RetrylabCommand.BAD_INPUT;
        }
        List<StrategyRun> runs = ScenarioRunner.runAll(scenario, 0L, threadCount);
        if (series != null) {
            writeSeries(runs);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<RunSummary> summaries = runs.stream().map(StrategyRun::summary).toList();
        if (format == OutputFormat.JSON) {
            out.println(SummaryJson.write(scenario, summaries));
        } else {
            printTable(out, scenario, summaries);
        }
        out.flush();
        return 0;
    }

    private void writeSeries(List<StrategyRun> runs) {
        Map<String, IntervalSeries> byStrategy = new LinkedHashMap<>();
        for (StrategyRun run : runs) {
            byStrategy.put(run.summary().name(), run.series());
        }
        try {
            IntervalCsv.write(series, byStrategy);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write --series " + series + ": " + e.getMessage());
        }
    }

    private static void printTable(PrintWriter out, Scenario scenario, List<RunSummary> summaries) {
        out.println(String.format(Locale.ROOT, "%s: %d strategies, %.0f s, seed %d", scenario.name(),
                summaries.size(), scenario.durationNanos() / 1e9, scenario.seed()));
        out.println(String.format(Locale.ROOT, "%-16s %10s %10s %7s %8s %10s %9s %9s  %s", "strategy", "requests",
                "attempts", "amplif", "success", "goodput/s", "p50 ms", "p99 ms", "recovered after"));
        for (RunSummary s : summaries) {
            out.println(String.format(Locale.ROOT, "%-16s %10d %10d %7.2f %7.1f%% %10.1f %9.1f %9.1f  %s", s.name(),
                    s.requests(), s.attempts(), s.amplification(), 100 * s.successRate(), s.goodputPerS(),
                    s.latencyMs().p50(), s.latencyMs().p99(), recovery(s.recovery())));
        }
    }

    private static String recovery(List<RecoveryResult> results) {
        if (results.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        for (RecoveryResult result : results) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(result.recoveredAfterS() == null ? "never"
                    : String.format(Locale.ROOT, "%.0f s", result.recoveredAfterS()));
        }
        return text.toString();
    }
}
