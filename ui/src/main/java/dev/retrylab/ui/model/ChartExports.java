package dev.retrylab.ui.model;

import dev.retrylab.chart.ChartFormat;
import dev.retrylab.chart.NamedChart;
import dev.retrylab.chart.Report;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.report.ReportTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The export actions: the current chart, all charts, or the report, as the same files {@code
 * retrylab chart} writes, at {@value #WIDTH} by {@value #HEIGHT}. The folder of the last export
 * is remembered in {@link Settings}, so that the next file chooser opens there.
 */
public final class ChartExports {

    /** The width of an exported chart, in pixels (points for PDF). */
    public static final int WIDTH = 1600;
    /** The height of an exported chart. */
    public static final int HEIGHT = 900;
    /** The file name the report is offered under. */
    public static final String REPORT = "report.pdf";

    private static final String KEY = "lastExportFolder";

    private final Settings settings;

    public ChartExports(Settings settings) {
        this.settings = settings;
    }

    /** The folder of the last export, if it still exists. */
    public Optional<Path> lastFolder() {
        return settings.get(KEY).map(Path::of).filter(Files::isDirectory);
    }

    /** The file name offered for {@code chart} in {@code format}, such as {@code load.svg}. */
    public static String fileName(NamedChart chart, ChartFormat format) {
        return chart.name() + "." + format.extension();
    }

    /** The format a file name asks for by its extension, if it is one of them. */
    public static Optional<ChartFormat> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (ChartFormat format : ChartFormat.values()) {
            if (name.endsWith("." + format.extension())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Writes {@code chart} to {@code file} in {@code format}. */
    public void chart(NamedChart chart, ChartFormat format, Path file) throws IOException {
        format.write(chart.chart(), file, WIDTH, HEIGHT);
        remember(file.toAbsolutePath().getParent());
    }

    /** Writes every chart to {@code folder} in {@code format}; returns the files written, in order. */
    public List<Path> all(List<NamedChart> charts, ChartFormat format, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (NamedChart chart : charts) {
            Path file = folder.resolve(fileName(chart, format));
            format.write(chart.chart(), file, WIDTH, HEIGHT);
            written.add(file);
        }
        remember(folder.toAbsolutePath());
        return written;
    }

    /** Writes the report of {@code result} with {@code charts}, compared with {@code baseline}, to {@code file}. */
    public void report(ScenarioResult result, List<NamedChart> charts, String baseline, Path file)
            throws IOException {
        Report.of(result, charts, ReportTables.of(result, baseline)).writePdf(file, WIDTH, HEIGHT);
        remember(file.toAbsolutePath().getParent());
    }

    private void remember(Path folder) {
        if (folder != null) {
            settings.put(KEY, folder.toString());
        }
    }
}
