package dev.retrylab.chart;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/** The file formats a chart can be written in, each with its extension. */
public enum ChartFormat {
    PNG("png"),
    SVG("svg"),
    PDF("pdf");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Writes {@code chart} to {@code file} in this format, at {@code width} by {@code height}. */
    public void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        switch (this) {
            case PNG -> ChartExport.png(chart, file, width, height);
            case SVG -> ChartExport.svg(chart, file, width, height);
            case PDF -> ChartExport.pdf(chart, file, width, height);
        }
    }
}
