package dev.retrylab.cli;

/**
 * A row of unicode block characters, one per column, whose heights follow a series of values:
 * {@code ▁▂▃▄▅▆▇█} in eight equal steps from 0 to a given top (so several sparklines on one scale
 * compare), a space for zero. A series longer than the width is cut into that many consecutive
 * bins, each shown at the mean of its values. Stateless.
 */
final class Sparkline {

    private static final String LEVELS = "▁▂▃▄▅▆▇█";

    private Sparkline() {
    }

    /**
     * {@code values} as at most {@code width} characters on a scale from 0 to {@code top}.
     * Negative values count as zero, values above the top as the top.
     */
    static String of(double[] values, double top, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be 1 or more, was " + width);
        }
        int columns = Math.min(width, values.length);
        StringBuilder line = new StringBuilder(columns);
        for (int column = 0; column < columns; column++) {
            int from = (int) ((long) column * values.length / columns);
            int to = (int) ((long) (column + 1) * values.length / columns);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            line.append(character(sum / (to - from), top));
        }
        return line.toString();
    }

    private static char character(double value, double top) {
        if (!(value > 0) || !(top > 0)) {
            return ' ';
        }
        int level = (int) Math.ceil(value / top * LEVELS.length());
        return LEVELS.charAt(Math.min(LEVELS.length(), Math.max(1, level)) - 1);
    }
}
