package dev.retrylab.cli;

import dev.retrylab.chart.ChartExport;
import dev.retrylab.chart.ChartFormat;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.io.PrintWriter;
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
 * {@code retrylab chart}: runs a scenario as {@code run} does and writes its charts, each as PNG,
 * SVG and/or PDF, and {@code report.pdf}. Every option is checked, and the output folder
 * prepared, before anything runs; every file is written through a temporary file.
 */
@Command(name = "chart",
        mixinStandardHelpOptions = true,
        description = {"Runs every strategy of a scenario and writes its charts and report.pdf to a folder.",
                "The charts: load.* (new requests, attempts and goodput over time, fault windows shaded), "
                        + "amplification.* (attempts per new request), service-<name>.* (queue length, busy "
                        + "workers and wasted work of each service), latency.* (p50 and p99 of the requests that "
                        + "ended in each interval), herd.* (attempts per 10 ms around the end of the first fault, "
                        + "or the scenario's herd window) and comparison.* (the headline metrics with 95%% "
                        + "intervals). report.pdf holds the description, every chart and the summary table with "
                        + "the verdicts.",
                "Example: retrylab chart scenarios/retry-storm.yaml --out charts/ --format png,svg"})
final class ChartCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The scenario file, for example scenarios/retry-storm.yaml.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write to, created if missing.")
    Path out;

    @Option(names = "--format", converter = Converters.ChartFormatConverter.class, split = ",",
            paramLabel = "FORMAT", defaultValue = "png",
            description = "png|svg|pdf, or several separated by commas (default: ${DEFAULT-VALUE}). A PDF chart "
                    + "is one page.")
    List<ChartFormat> formats;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1600",
            description = "The width of every chart, " + ChartExport.MIN_SIZE + " to " + ChartExport.MAX_SIZE
                    + " (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "900",
            description = "The height of every chart, " + ChartExport.MIN_SIZE + " to " + ChartExport.MAX_SIZE
                    + " (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--replications", paramLabel = "R",
            description = "Independent runs per strategy, 1 to " + Scenario.MAX_REPLICATIONS
                    + " (default: the scenario's replications key, else 1). The time charts show replication 0; "
                    + "the comparison, all of them.")
    Integer replications;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "The strategy the report compares the others with (default: the first one listed).")
    String baseline;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs go in parallel on this many threads (default: the number of cores). "
                    + "The results do not depend on it.")
    Integer threads;

    @Option(names = "--quiet", description = "Neither a progress bar nor the list of files written.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the output goes; detected when null. Tests set it. */
    Terminal terminal;

    /** The clock of the progress bar. Tests set it. */
    LongSupplier nanoTime = System::nanoTime;

    @Override
    public Integer call() {
        ChartFiles.checkSize("--width", width, "--height", height);
        int threadCount = RunSupport.threads(threads);
        RunSupport.checkReplications(replications);
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            return RunSupport.reportErrors(spec.commandLine().getErr(), List.of(e));
        }
        String baselineName = RunSupport.baseline(scenario, baseline, file);
        RunSupport.prepareOutputFolder(out);
        if (terminal == null) {
            terminal = Terminal.detect();
        }
        int replicationCount = replications == null ? scenario.replications() : replications;
        ScenarioResult result = RunSupport.withProgress(!quiet && terminal.stderrIsTerminal(),
                spec.commandLine().getErr(), nanoTime,
                progress -> ReplicationRunner.run(scenario, replicationCount, threadCount, progress));
        List<Path> written = RunSupport.writeFiles("--out", out, () -> ChartFiles.write(out, result, baselineName,
                new LinkedHashSet<>(formats), width, height));
        if (!quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            written.forEach(stdout::println);
            stdout.flush();
        }
        return 0;
    }
}
