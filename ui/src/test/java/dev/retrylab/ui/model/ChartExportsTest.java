package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.chart.ChartFormat;
import dev.retrylab.chart.Charts;
import dev.retrylab.chart.NamedChart;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExportsTest {

    private static ScenarioResult result;

    @TempDir
    Path folder;

    private final Settings settings = Settings.inMemory();

    @BeforeAll
    static void run() {
        result = ReplicationRunner.run(RunSettingsTest.parse(TinyScenario.TEXT), 1, RunProgress.NONE);
    }

    @Test
    void chart_svg_writesAnSvgAndRemembersTheFolder() throws IOException {
        ChartExports exports = new ChartExports(settings);
        NamedChart chart = Charts.all(result).get(0);
        Path file = folder.resolve(ChartExports.fileName(chart, ChartFormat.SVG));

        exports.chart(chart, ChartFormat.SVG, file);

        assertThat(file.getFileName().toString()).isEqualTo("load.svg");
        assertThat(Files.readString(file)).contains("<svg");
        assertThat(exports.lastFolder()).contains(folder.toAbsolutePath());
        assertThat(new ChartExports(settings).lastFolder()).contains(folder.toAbsolutePath());
    }

    @Test
    void all_png_oneFilePerChartNamedLikeTheCommand() throws IOException {
        ChartExports exports = new ChartExports(settings);
        List<NamedChart> charts = Charts.all(result);

        List<Path> written = exports.all(charts, ChartFormat.PNG, folder.resolve("out"));

        assertThat(written).hasSize(charts.size()).allMatch(Files::isRegularFile);
        assertThat(written.get(0).getFileName().toString()).isEqualTo("load.png");
        byte[] png = Files.readAllBytes(written.get(0));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void report_writesAPdf() throws IOException {
        ChartExports exports = new ChartExports(settings);
        Path file = folder.resolve(ChartExports.REPORT);

        exports.report(result, Charts.all(result), "no-retry", file);

        assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void lastFolder_folderDeletedSince_empty() throws IOException {
        settings.put("lastExportFolder", folder.resolve("gone").toString());

        assertThat(new ChartExports(settings).lastFolder()).isEmpty();
    }

    @Test
    void formatOf_extensionInAnyCase_theFormatElseEmpty() {
        assertThat(ChartExports.formatOf(Path.of("a/Load.SVG"))).contains(ChartFormat.SVG);
        assertThat(ChartExports.formatOf(Path.of("a/load.txt"))).isEmpty();
    }
}
