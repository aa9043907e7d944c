package dev.retrylab.chart;

import java.util.List;

/**
 * A table for a {@link Report}: a title, a note under it, a header row and rows of text. The
 * command line builds the summary and the verdicts this way, from the same cells as its terminal
 * table and {@code summary.md}. Immutable.
 *
 * @param title  printed above the table
 * @param note   printed under the title, or empty
 * @param header one cell per column; the first column is left-aligned, the others right-aligned
 * @param rows   as many cells each as the header
 */
public record ReportTable(String title, String note, List<String> header, List<List<String>> rows) {

    /** Checks that every row has as many cells as the header. */
    public ReportTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        note = note == null ? "" : note;
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
            }
        }
    }
}
