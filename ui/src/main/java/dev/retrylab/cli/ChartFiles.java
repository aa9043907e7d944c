package dev.retrylab.cli;

import dev.retrylab.chart.ChartExport;
import dev.retrylab.chart.ChartFormat;
import dev.retrylab.chart.Charts;
import dev.retrylab.chart.NamedChart;
import dev.retrylab.chart.Report;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.report.ReportTables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code retrylab chart} and {@code retrylab run --charts} write: every chart of a result in
 * each format asked for ({@code load.png}, {@code service-api.svg}, …) and {@code report.pdf},
 * each file through a temporary file. Stateless.
 */
final class ChartFiles {

    /** The name of the report. */
    static final String REPORT = "report.pdf";

    private ChartFiles() {
    }

    /** Checks the chart size options before anything runs. */
    static void checkSize(String widthOption, int width, String heightOption, int height) {
        check(widthOption, width);
        check(heightOption, height);
    }

    private static void check(String option, int size) {
        if (size < ChartExport.MIN_SIZE || size > ChartExport.MAX_SIZE) {
            throw new IllegalArgumentException(option + " must be from " + ChartExport.MIN_SIZE + " to "
                    + ChartExport.MAX_SIZE + " pixels, was " + size);
        }
    }

    /** Writes the charts and the report to {@code folder}; returns the files written, in order. */
    static List<Path> write(Path folder, ScenarioResult result, String baseline, Set<ChartFormat> formats, int width,
            int height) throws IOException {
        List<NamedChart> charts = Charts.all(result);
        List<Path> written = new ArrayList<>();
        for (NamedChart chart : charts) {
            for (ChartFormat format : formats) {
                Path file = folder.resolve(chart.name() + "." + format.extension());
                format.write(chart.chart(), file, width, height);
                written.add(file);
            }
        }
        Path report = folder.resolve(REPORT);
        Report.of(result, charts, ReportTables.of(result, baseline)).writePdf(report, width, height);
        written.add(report);
        return written;
    }
}
