package dev.retrylab.cli;

import dev.retrylab.chart.ChartExport;
import dev.retrylab.chart.NamedChart;
import dev.retrylab.chart.SweepCharts;
import dev.retrylab.chart.SweepResults;
import dev.retrylab.metrics.AtomicFile;
import dev.retrylab.metrics.SummaryMetric;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import dev.retrylab.scenario.ScenarioOverride;
import dev.retrylab.sweep.SweepGrid;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retrylab sweep}: runs a scenario at every combination of the values of some of its keys,
 * every strategy with its replications at each, all on one pool of threads, and reports the mean
 * and 95% interval of every metric per point and strategy. Every point is loaded, and so checked,
 * before anything runs; files are written once every run has finished, each through a temporary
 * file.
 */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        description = {"Runs a scenario at every combination of the values of some of its keys and reports "
                + "each metric's mean and 95%% interval per combination and strategy.",
                "Example: retrylab sweep scenarios/retry-storm.yaml --param strategies.retries.retry.maxAttempts=1..6 "
                        + "--param clients.agents.count=1000,10000"})
final class SweepCommand implements Callable<Integer> {

    private static final int CHART_WIDTH = 1600;
    private static final int CHART_HEIGHT = 900;

    @Parameters(paramLabel = "FILE", description = "The scenario file, for example scenarios/retry-storm.yaml.")
    Path file;

    @Option(names = "--param", paramLabel = "PATH=VALUES", required = true,
            description = "A key path of the file and its values: 1..6 (whole numbers from 1 to 6), 1000,10000 "
                    + "or 100ms,1s (a list), or one value. Repeat for more keys; every combination runs.")
    List<String> parameters;

    @Option(names = "--replications", paramLabel = "R",
            description = "Independent runs per strategy and point, 1 to " + Scenario.MAX_REPLICATIONS
                    + " (default: the scenario's replications key, else 1).")
    Integer replications;

    @Option(names = "--format", converter = Converters.FormatConverter.class, paramLabel = "FORMAT",
            defaultValue = "table", description = "What to print: table|json|csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write sweep.json and sweep.csv (and with --charts the charts) to this folder, "
                    + "created if missing.")
    Path out;

    @Option(names = "--charts",
            description = "Also write, to the --out folder, a PNG chart of each headline metric against the swept "
                    + "values: a line per strategy with 95%% intervals for one --param, a heatmap per strategy "
                    + "for two.")
    boolean charts;

    @CommandLine.Mixin
    ParallelRunOptions parallel = new ParallelRunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the output goes; detected when null. Tests set it. */
    Terminal terminal;

    /** The clock of the progress bar. Tests set it. */
    LongSupplier nanoTime = System::nanoTime;

    /** An error's text with the value of the override it names left out: the same mistake at every value. */
    private static String withoutValue(String error) {
        return error.replaceFirst("\\(set by --param ([^=]*)=.*\\)$", "(set by --param $1)");
    }

    /** A point's overrides, and {@code --replications} when given. */
    private List<ScenarioOverride> withReplications(List<ScenarioOverride> point) {
        if (replications == null) {
            return point;
        }
        List<ScenarioOverride> overrides = new ArrayList<>(point);
        overrides.add(new ScenarioOverride("replications", Integer.toString(replications)));
        return overrides;
    }

    /** A chart of each headline metric, as {@code sweep-<metric>.png} or {@code sweep-<metric>-<strategy>.png}. */
    private void writeCharts(SweepGrid grid, List<ScenarioResult> results) throws IOException {
        SweepResults sweep = new SweepResults(grid.paths(), grid.values(), results);
        for (SummaryMetric metric : SummaryMetric.HEADLINE) {
            for (NamedChart chart : SweepCharts.of(sweep, metric)) {
                ChartExport.png(chart.chart(), out.resolve(chart.name() + ".png"), CHART_WIDTH, CHART_HEIGHT);
            }
        }
    }

    @Override
    public Integer call() {
        int threadCount = RunSupport.threads(parallel.threads);
        RunSupport.checkReplications(replications);
        SweepGrid grid = SweepGrid.parse(parameters);
        if (charts && out == null) {
            throw new IllegalArgumentException("--charts needs --out DIR: the charts are written to that folder");
        }
        if (charts && grid.parameters().size() > 2) {
            throw new IllegalArgumentException("--charts draws one or two swept parameters, not "
                    + grid.parameters().size());
        }
        List<Scenario> points;
        try {
            points = grid.scenarios(point -> ScenarioLoader.load(file, withReplications(point)));
        } catch (ScenarioException e) {
            return RunSupport.reportErrors(spec.commandLine().getErr(), List.of(e), SweepCommand::withoutValue);
        }
        RunSupport.prepareOutputFolder(out);
        if (terminal == null) {
            terminal = Terminal.detect();
        }
        List<ScenarioResult> results = RunSupport.withProgress(!parallel.quiet && terminal.stderrIsTerminal(),
                spec.commandLine().getErr(), nanoTime, progress -> ReplicationRunner.runAll(points, threadCount, false,
                        progress));
        SweepOutput output = new SweepOutput(grid, results);
        String json = output.json();
        String csv = output.csv();
        if (out != null) {
            RunSupport.writeFile("--out", out, () -> {
                AtomicFile.write(out.resolve("sweep.json"), json + "\n");
                AtomicFile.write(out.resolve("sweep.csv"), csv);
                if (charts) {
                    writeCharts(grid, results);
                }
            });
        }
        PrintWriter stdout = spec.commandLine().getOut();
        switch (format) {
            case JSON -> stdout.println(json);
            case CSV -> stdout.print(csv);
            default -> output.printTable(stdout);
        }
        stdout.flush();
        return 0;
    }
}
