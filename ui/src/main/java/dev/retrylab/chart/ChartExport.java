package dev.retrylab.chart;

import dev.retrylab.metrics.AtomicFile;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart to a file as PNG, SVG (JFreeSVG) or PDF (OrsonPDF), at a size in pixels (for PDF,
 * points), each through {@link AtomicFile}, so a reader never sees half a file. PNG and SVG depend
 * only on the chart and the size: the same chart gives byte-identical files (the SVG's internal
 * ids get a fixed prefix instead of one taken from the clock). A PDF also records when it was
 * made, as PDF files do, so two exports differ in that date only. Runs headless. Stateless.
 */
public final class ChartExport {

    /** The smallest width or height allowed. */
    public static final int MIN_SIZE = 100;
    /** The largest width or height allowed. */
    public static final int MAX_SIZE = 8000;

    private static final String SVG_ID_PREFIX = "retrylab";

    private ChartExport() {
    }

    /** Writes {@code chart} as a PNG image of {@code width} by {@code height} pixels. */
    public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        checkSize(width, height);
        AtomicFile.writeBinary(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    /** Writes {@code chart} as an SVG document of {@code width} by {@code height} pixels. */
    public static void svg(JFreeChart chart, Path file, int width, int height) throws IOException {
        checkSize(width, height);
        byte[] document = svgDocument(chart, width, height).getBytes(StandardCharsets.UTF_8);
        AtomicFile.writeBinary(file, out -> out.write(document));
    }

    /** The SVG document of {@code chart} at {@code width} by {@code height}. */
    static String svgDocument(JFreeChart chart, int width, int height) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        graphics.setDefsKeyPrefix(SVG_ID_PREFIX);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        return graphics.getSVGDocument();
    }

    /** Writes {@code chart} as a one-page PDF of {@code width} by {@code height} points. */
    public static void pdf(JFreeChart chart, Path file, int width, int height) throws IOException {
        checkSize(width, height);
        PDFDocument document = new PDFDocument();
        document.setTitle(chart.getTitle() == null ? "chart" : chart.getTitle().getText());
        Page page = document.createPage(new Rectangle2D.Double(0, 0, width, height));
        PDFGraphics2D graphics = page.getGraphics2D();
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        byte[] bytes = document.getPDFBytes();
        AtomicFile.writeBinary(file, out -> out.write(bytes));
    }

    /**
     * Checks a width and height in pixels.
     *
     * @throws IllegalArgumentException naming the allowed range
     */
    public static void checkSize(int width, int height) {
        check("width", width);
        check("height", height);
    }

    private static void check(String what, int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("the " + what + " must be from " + MIN_SIZE + " to " + MAX_SIZE
                    + " pixels, was " + size);
        }
    }
}
