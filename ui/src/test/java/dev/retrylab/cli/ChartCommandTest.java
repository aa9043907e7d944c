package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCommandTest {

    /** A short storm: one fault, two strategies, quick to run and chart. */
    private static final String STORM = String.join("\n",
            "name: tiny-storm",
            "seed: 3",
            "duration: 20s",
            "services:",
            "  api: {workers: 10, serviceTime: {exponential: 10ms}, networkDelay: 1ms}",
            "clients:",
            "  agents: {count: 100, target: api, workload: {open: 500/s}, timeout: 200ms}",
            "faults:",
            "  - {type: outage, service: api, start: 8s, end: 10s, mode: hang}",
            "strategies:",
            "  no-retry: {maxAttempts: 1}",
            "  immediate: {maxAttempts: 4, backoff: none}",
            "");
    /** The charts of a scenario with one service, without extension. */
    private static final List<String> CHARTS = List.of("load", "amplification", "service-api", "latency", "herd",
            "comparison");

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path file = dir.resolve("storm.yaml");
        Files.writeString(file, STORM);
        return file;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static int pdfPages(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void chart_writesEveryChartInEveryFormatAndTheReport() throws Exception {
        Path out = dir.resolve("charts");

        CommandRun run = CommandRun.of("chart", scenario().toString(), "--out", out.toString(), "--format",
                "png,svg", "--format", "pdf", "--width", "400", "--height", "300");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(3 * CHARTS.size() + 1).contains(out.resolve("report.pdf").toString());
        assertThat(files(out)).hasSize(3 * CHARTS.size() + 1).contains("report.pdf", "load.png", "load.svg",
                "load.pdf", "service-api.svg", "herd.pdf");
        BufferedImage image = ImageIO.read(out.resolve("latency.png").toFile());
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(pdfPages(out.resolve("comparison.pdf"))).isEqualTo(1);
        // the description, the six charts, the summary and verdicts on one page
        assertThat(pdfPages(out.resolve("report.pdf"))).isEqualTo(1 + CHARTS.size() + 1);
    }

    @Test
    void chart_defaultFormat_isPng() throws Exception {
        Path out = dir.resolve("charts");

        CommandRun run = CommandRun.of("chart", scenario().toString(), "--out", out.toString(), "--quiet",
                "--width", "200", "--height", "150");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(files(out)).containsExactlyInAnyOrder(Stream.concat(CHARTS.stream().map(name -> name + ".png"),
                Stream.of("report.pdf")).toArray(String[]::new));
    }

    @Test
    void chart_sameScenarioTwiceWithOtherThreadCounts_givesByteIdenticalSvgAndPng() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        String file = scenario().toString();

        assertThat(CommandRun.of("chart", file, "--out", first.toString(), "--format", "svg,png", "--threads", "1",
                "--width", "300", "--height", "200").exitCode()).isZero();
        assertThat(CommandRun.of("chart", file, "--out", second.toString(), "--format", "svg,png", "--threads", "4",
                "--width", "300", "--height", "200").exitCode()).isZero();

        for (String name : files(first)) {
            if (!name.endsWith(".pdf")) {
                assertThat(Files.readAllBytes(second.resolve(name))).as(name)
                        .isEqualTo(Files.readAllBytes(first.resolve(name)));
            }
        }
    }

    @Test
    void chart_badOptions_areRefusedWithExitTwoBeforeAnythingRuns() throws Exception {
        Path out = dir.resolve("charts");
        String missing = dir.resolve("no-such-file.yaml").toString();
        // the scenario file does not even exist: the options are checked first
        assertBad(CommandRun.of("chart", missing, "--out", out.toString(), "--format", "gif"),
                "--format", "'gif' is not one of png|svg|pdf");
        assertBad(CommandRun.of("chart", missing, "--out", out.toString(), "--width", "0"),
                "--width must be from 100 to 8000 pixels, was 0");
        assertBad(CommandRun.of("chart", missing, "--out", out.toString(), "--height", "100000"),
                "--height must be from 100 to 8000 pixels, was 100000");
        assertBad(CommandRun.of("chart", missing, "--out", out.toString(), "--width", "wide"),
                "--width", "'wide'");
        assertBad(CommandRun.of("chart", missing), "Missing required option: '--out=DIR'");
        assertThat(out).doesNotExist();

        Path aFile = Files.writeString(dir.resolve("taken"), "not a folder");
        assertBad(CommandRun.of("chart", scenario().toString(), "--out", aFile.toString()),
                "--out " + aFile + " is a file; give a folder");
        assertThat(Files.readString(aFile)).isEqualTo("not a folder");
    }

    @Test
    void chart_brokenScenario_printsItsMistakeAndWritesNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), STORM.replace("workers: 10", "workers: ten"));
        Path out = dir.resolve("charts");

        CommandRun run = CommandRun.of("chart", file.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.yaml:5:", "services.api.workers").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void runCharts_withoutOut_isRefused() throws Exception {
        assertBad(CommandRun.of("run", scenario().toString(), "--charts"), "--charts needs --out DIR");
        assertBad(CommandRun.of("run", scenario().toString(), "--charts", "--out", dir.resolve("r").toString(),
                "--chart-width", "5"), "--chart-width must be from 100 to 8000 pixels, was 5");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void runCharts_writeTheChartsAndTheReportBesideTheSummary() throws Exception {
        Path out = dir.resolve("results");

        CommandRun run = CommandRun.of("run", scenario().toString(), "--out", out.toString(), "--charts",
                "--chart-format", "svg", "--chart-width", "300", "--chart-height", "200");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(files(out)).contains("summary.json", "summary.md", "series.csv", "report.pdf", "load.svg",
                "comparison.svg").doesNotContain("load.png").hasSize(3 + CHARTS.size() + 1);
        assertThat(pdfPages(out.resolve("report.pdf"))).isEqualTo(1 + CHARTS.size() + 1);
    }

    @Test
    void sweepCharts_oneParameter_aChartPerHeadlineMetric_twoParameters_aHeatmapPerStrategy() throws Exception {
        Path line = dir.resolve("line");
        Path grid = dir.resolve("grid");
        String file = scenario().toString();

        CommandRun one = CommandRun.of("sweep", file, "--param", "strategies.immediate.maxAttempts=1..3", "--charts",
                "--out", line.toString());
        CommandRun two = CommandRun.of("sweep", file, "--param", "strategies.immediate.maxAttempts=1,3", "--param",
                "clients.agents.count=50,100", "--charts", "--out", grid.toString());

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(files(line)).containsExactly("sweep-amplification.png", "sweep-goodputPerS.png",
                "sweep-latencyMs-p99.png", "sweep-successRate.png", "sweep.csv", "sweep.json");
        BufferedImage image = ImageIO.read(line.resolve("sweep-amplification.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(files(grid)).contains("sweep-successRate-no-retry.png", "sweep-successRate-immediate.png")
                .hasSize(4 * 2 + 2);
    }

    @Test
    void sweepCharts_withoutOutOrWithThreeParameters_areRefused() throws Exception {
        String file = scenario().toString();
        assertBad(CommandRun.of("sweep", file, "--param", "seed=1,2", "--charts"), "--charts needs --out DIR");
        assertBad(CommandRun.of("sweep", file, "--param", "seed=1,2", "--param", "duration=10s", "--param",
                "interval=1s", "--charts", "--out", dir.resolve("s").toString()), "--charts draws one or two");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    private static void assertBad(CommandRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(fragments).doesNotContain("\tat ");
    }
}
