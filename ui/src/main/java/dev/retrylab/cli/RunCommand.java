package dev.retrylab.cli;

import dev.retrylab.chart.ChartExport;
import dev.retrylab.chart.ChartFormat;
import dev.retrylab.metrics.AtomicFile;
import dev.retrylab.metrics.IntervalCsv;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code retrylab run}: runs every strategy of a scenario over its replications and compares
 * them. Every option is checked, and the output folder prepared, before anything runs; files are
 * written only once every run has finished, each through a temporary file.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs every strategy of a scenario and compares them, one row per strategy.",
                "Every strategy meets the same arrivals, service times and faults. With several replications "
                        + "every number is a mean with its 95%% confidence interval, and each strategy is "
                        + "compared with the baseline, replication by replication: better, worse or no "
                        + "significant difference."})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The scenario file, for example scenarios/retry-storm.yaml.")
    Path file;

    @Option(names = "--format", converter = Converters.FormatConverter.class, paramLabel = "FORMAT",
            defaultValue = "table", description = "table|json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--replications", paramLabel = "R",
            description = "Independent runs per strategy, 1 to " + Scenario.MAX_REPLICATIONS
                    + " (default: the scenario's replications key, else 1). Replication r of every strategy "
                    + "meets the same random streams.")
    Integer replications;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "The strategy the others are compared with (default: the first one listed).")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write summary.json, summary.md and series.csv (and with --charts the charts and "
                    + "report.pdf) to this folder, created if missing.")
    Path out;

    @Option(names = "--charts",
            description = "Also write the charts and report.pdf to the --out folder, as retrylab chart does.")
    boolean charts;

    @Option(names = "--chart-format", converter = Converters.ChartFormatConverter.class, split = ",",
            paramLabel = "FORMAT", defaultValue = "png",
            description = "With --charts: png|svg|pdf, or several separated by commas (default: ${DEFAULT-VALUE}).")
    List<ChartFormat> chartFormats;

    @Option(names = "--chart-width", paramLabel = "PIXELS", defaultValue = "1600",
            description = "With --charts: the width of every chart, " + ChartExport.MIN_SIZE + " to "
                    + ChartExport.MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
    int chartWidth;

    @Option(names = "--chart-height", paramLabel = "PIXELS", defaultValue = "900",
            description = "With --charts: the height of every chart, " + ChartExport.MIN_SIZE + " to "
                    + ChartExport.MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
    int chartHeight;

    @Option(names = "--series", paramLabel = "CSV",
            description = "Also write the time series of every strategy to this CSV file (replication 0 when "
                    + "there are several).")
    Path series;

    @CommandLine.Mixin
    ParallelRunOptions parallel = new ParallelRunOptions();

    @Option(names = "--no-color", description = "No colour in the table (there is none anyway when standard output "
            + "is not a terminal).")
    boolean noColor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the output goes; detected when null. Tests set it. */
    Terminal terminal;

    /** The clock of the progress bar. Tests set it. */
    LongSupplier nanoTime = System::nanoTime;

    @Override
    public Integer call() {
        if (format == OutputFormat.CSV) {
            throw new IllegalArgumentException("--format csv is not available for run: use --series FILE for the "
                    + "time series, or --format table|json");
        }
        if (charts && out == null) {
            throw new IllegalArgumentException("--charts needs --out DIR: the charts and report.pdf are written to "
                    + "that folder");
        }
        ChartFiles.checkSize("--chart-width", chartWidth, "--chart-height", chartHeight);
        int threadCount = RunSupport.threads(parallel.threads);
        RunSupport.checkReplications(replications);
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return RunSupport.reportErrors(spec.commandLine().getErr(), List.of(e));
        }
        String baselineName = RunSupport.baseline(scenario, baseline, file);
        checkSeriesFile();
        RunSupport.prepareOutputFolder(out);
        ScenarioResult result = run(scenario, replications == null ? scenario.replications() : replications,
                threadCount);
        String json = SummaryJson.write(result, baselineName);
        if (series != null) {
            RunSupport.writeFile("--series", series, () -> IntervalCsv.write(series, result.series()));
        }
        if (out != null) {
            RunSupport.writeFile("--out", out, () -> {
                AtomicFile.write(out.resolve("summary.json"), json + "\n");
                AtomicFile.write(out.resolve("summary.md"), SummaryMarkdown.write(result, baselineName));
                IntervalCsv.write(out.resolve("series.csv"), result.series());
                if (charts) {
                    ChartFiles.write(out, result, baselineName, new LinkedHashSet<>(chartFormats), chartWidth,
                            chartHeight);
                }
            });
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            stdout.println(json);
        } else {
            new SummaryTable(terminal().colourOnStdout() && !noColor).print(stdout, result, baselineName);
        }
        stdout.flush();
        return 0;
    }

    private void checkSeriesFile() {
        if (series == null) {
            return;
        }
        if (Files.isDirectory(series)) {
            throw new IllegalArgumentException("cannot write --series " + series + ": it is a folder; give a file name");
        }
        Path folder = series.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot write --series " + series + ": " + folder
                    + " is not a folder");
        }
    }

    private ScenarioResult run(Scenario scenario, int replicationCount, int threadCount) {
        boolean showProgress = !parallel.quiet && terminal().stderrIsTerminal();
        return RunSupport.withProgress(showProgress, spec.commandLine().getErr(), nanoTime,
                progress -> ReplicationRunner.run(scenario, replicationCount, threadCount, progress));
    }

    private Terminal terminal() {
        if (terminal == null) {
            terminal = Terminal.detect();
        }
        return terminal;
    }
}
