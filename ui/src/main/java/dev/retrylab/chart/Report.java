package dev.retrylab.chart;

import dev.retrylab.metrics.AtomicFile;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;

/**
 * {@code report.pdf}: one document with the scenario's name and description on the first page,
 * then every chart on a page of its own, then the tables (the summary and the verdicts against
 * the baseline), on as many pages as they need (one, unless there are very many strategies).
 * Pages are A4 landscape; a chart is drawn at the size it would have as an image and scaled to
 * the page, so it looks the same. Immutable; {@link #writePdf} may be called on any thread.
 *
 * @param title      the document's title, the scenario's name
 * @param paragraphs the description, one string per paragraph or list item
 * @param charts     one page each, in order
 * @param tables     after the charts
 */
public record Report(String title, List<String> paragraphs, List<NamedChart> charts, List<ReportTable> tables) {

    /** A4 landscape, in points. */
    static final double PAGE_WIDTH = 842;
    static final double PAGE_HEIGHT = 595;
    private static final double MARGIN = 36;
    private static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font SUBHEADING = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 8);
    private static final Font CELL_HEADER = new Font(Font.SANS_SERIF, Font.BOLD, 8);
    private static final double CELL_PADDING = 8;

    /** Copies the lists. */
    public Report {
        paragraphs = List.copyOf(paragraphs);
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
    }

    /**
     * The report of {@code result}: its scenario's name, description and settings, {@code charts}
     * and {@code tables}.
     */
    public static Report of(ScenarioResult result, List<NamedChart> charts, List<ReportTable> tables) {
        Scenario scenario = result.scenario();
        List<String> paragraphs = new ArrayList<>(paragraphs(scenario.description()));
        paragraphs.add(String.format(Locale.ROOT, "Seed %d, %s s of simulated time, %s per strategy.",
                scenario.seed(), plain(scenario.durationNanos() / 1e9), result.replications() == 1
                        ? "one replication" : result.replications() + " replications"));
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            contents.add((i + 2) + ". " + charts.get(i).title());
        }
        if (!tables.isEmpty()) {
            contents.add((charts.size() + 2) + ". " + String.join("; ", tables.stream().map(ReportTable::title)
                    .toList()));
        }
        paragraphs.add("Pages: " + String.join(", ", contents) + ".");
        return new Report(scenario.name(), paragraphs, charts, tables);
    }

    /**
     * The paragraphs of a description written as in a scenario file: lines joined, a blank line
     * between paragraphs, and a line starting with "- " as an item of its own.
     */
    static List<String> paragraphs(String description) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : description.strip().split("\n", -1)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("- ")) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            }
            if (!text.isEmpty()) {
                current.append(current.length() > 0 ? " " : "").append(text);
            }
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    /**
     * Writes the report to {@code file} through {@link AtomicFile}, its charts drawn as images of
     * {@code chartWidth} by {@code chartHeight} pixels would be.
     */
    public void writePdf(Path file, int chartWidth, int chartHeight) throws IOException {
        byte[] bytes = pdfBytes(chartWidth, chartHeight);
        AtomicFile.writeBinary(file, out -> out.write(bytes));
    }

    /** The report as PDF bytes. */
    public byte[] pdfBytes(int chartWidth, int chartHeight) {
        ChartExport.checkSize(chartWidth, chartHeight);
        PDFDocument document = new PDFDocument();
        document.setTitle(title);
        writeDescription(document);
        for (NamedChart chart : charts) {
            writeChart(document, chart, chartWidth, chartHeight);
        }
        if (!tables.isEmpty()) {
            writeTables(document);
        }
        return document.getPDFBytes();
    }

    private static PDFGraphics2D newPage(PDFDocument document) {
        Page page = document.createPage(new Rectangle2D.Double(0, 0, PAGE_WIDTH, PAGE_HEIGHT));
        PDFGraphics2D graphics = page.getGraphics2D();
        graphics.setColor(Color.BLACK);
        return graphics;
    }

    /**
     * A page for free text: its text is drawn as outlines, since the PDF's standard fonts lack
     * characters such as ± and the writer does not escape every character of a free text.
     */
    private static PDFGraphics2D newTextPage(PDFDocument document) {
        PDFGraphics2D graphics = newPage(document);
        graphics.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        return graphics;
    }

    private void writeDescription(PDFDocument document) {
        Graphics2D g = newTextPage(document);
        double width = PAGE_WIDTH - 2 * MARGIN;
        double y = MARGIN;
        y = line(g, HEADING, title, MARGIN, y);
        y += 8;
        for (String paragraph : paragraphs) {
            for (String line : wrap(g.getFontMetrics(TEXT), paragraph, width)) {
                y = line(g, TEXT, line, MARGIN, y);
            }
            y += 6;
        }
    }

    private static void writeChart(PDFDocument document, NamedChart chart, int chartWidth, int chartHeight) {
        Graphics2D g = newPage(document);
        double scale = Math.min((PAGE_WIDTH - 2 * MARGIN) / chartWidth, (PAGE_HEIGHT - 2 * MARGIN) / chartHeight);
        double x = (PAGE_WIDTH - chartWidth * scale) / 2;
        double y = (PAGE_HEIGHT - chartHeight * scale) / 2;
        g.translate(x, y);
        g.scale(scale, scale);
        chart.chart().draw(g, new Rectangle2D.Double(0, 0, chartWidth, chartHeight));
    }

    private void writeTables(PDFDocument document) {
        Graphics2D g = newTextPage(document);
        double y = MARGIN;
        double bottom = PAGE_HEIGHT - MARGIN;
        for (ReportTable table : tables) {
            double[] widths = columnWidths(g, table);
            double rowHeight = g.getFontMetrics(CELL).getHeight() + 3;
            if (y + 3 * rowHeight + 40 > bottom && y > MARGIN) {
                g = newTextPage(document);
                y = MARGIN;
            }
            y = line(g, SUBHEADING, table.title(), MARGIN, y) + 2;
            for (String line : wrap(g.getFontMetrics(TEXT), table.note(), PAGE_WIDTH - 2 * MARGIN)) {
                y = line(g, TEXT, line, MARGIN, y);
            }
            y += 4;
            y = row(g, CELL_HEADER, table.header(), widths, y);
            for (List<String> row : table.rows()) {
                if (y + rowHeight > bottom) {
                    g = newTextPage(document);
                    y = row(g, CELL_HEADER, table.header(), widths, MARGIN);
                }
                y = row(g, CELL, row, widths, y);
            }
            y += 14;
        }
    }

    /** The width of each column: its widest cell plus padding, scaled down to the page if needed. */
    private static double[] columnWidths(Graphics2D g, ReportTable table) {
        double[] widths = new double[table.header().size()];
        List<List<String>> all = new ArrayList<>(table.rows());
        all.add(table.header());
        for (List<String> row : all) {
            for (int c = 0; c < widths.length; c++) {
                Font font = row == table.header() ? CELL_HEADER : CELL;
                widths[c] = Math.max(widths[c], g.getFontMetrics(font).stringWidth(row.get(c)) + CELL_PADDING);
            }
        }
        double total = 0;
        for (double width : widths) {
            total += width;
        }
        double available = PAGE_WIDTH - 2 * MARGIN;
        if (total > available) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] *= available / total;
            }
        }
        return widths;
    }

    /** Draws a row of cells (the first left-aligned, the others right-aligned) and a rule under it. */
    private static double row(Graphics2D g, Font font, List<String> cells, double[] widths, double top) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        double baseline = top + metrics.getAscent();
        double x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            double textX = c == 0 ? x : x + widths[c] - CELL_PADDING / 2 - metrics.stringWidth(cell);
            g.drawString(cell, (float) textX, (float) baseline);
            x += widths[c];
        }
        double bottom = top + metrics.getHeight() + 3;
        g.setColor(Color.LIGHT_GRAY);
        g.draw(new Line2D.Double(MARGIN, bottom - 1.5, x, bottom - 1.5));
        g.setColor(Color.BLACK);
        return bottom;
    }

    /** Draws one line of text with its top at {@code top}; returns the top of the next line. */
    private static double line(Graphics2D g, Font font, String text, double x, double top) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, (float) x, (float) (top + metrics.getAscent()));
        return top + metrics.getHeight();
    }

    /** {@code text} broken into lines at spaces, none wider than {@code width} unless one word is. */
    static List<String> wrap(FontMetrics metrics, String text, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String longer = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(longer) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
