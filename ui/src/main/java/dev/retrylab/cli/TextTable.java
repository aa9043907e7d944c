package dev.retrylab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Columns of text padded to a common width, two spaces apart, each aligned left or right. Widths
 * count what shows: ANSI colour codes take none, a unicode character one. Not thread-safe.
 */
final class TextTable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with one column per flag: {@code true} aligns the column right. */
    TextTable(boolean... rightAligned) {
        this.rightAligned = rightAligned.clone();
    }

    void add(List<String> cells) {
        if (cells.size() != rightAligned.length) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of "
                    + rightAligned.length + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    void print(PrintWriter out) {
        int[] widths = new int[rightAligned.length];
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], visibleLength(row.get(c)));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = row.get(c);
                String padding = " ".repeat(widths[c] - visibleLength(cell));
                line.append(c == 0 ? "" : "  ").append(rightAligned[c] ? padding + cell : cell + padding);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static int visibleLength(String text) {
        String plain = ANSI.matcher(text).replaceAll("");
        return plain.codePointCount(0, plain.length());
    }
}
