package dev.retrylab.chart;

import java.util.Arrays;

/**
 * Thins a long series for drawing without losing its peaks: the points are split into as many
 * columns as there are pixels to draw them in, and each column keeps only its lowest and highest
 * point, in the order they occur. A line through what remains touches every extreme of the
 * original, so a one-interval spike survives; the drawing looks the same, with far fewer points.
 * NaN values (gaps) are skipped, and a column of nothing but gaps keeps one, so the gap stays.
 * Stateless.
 */
public final class Decimation {

    private Decimation() {
    }

    /** A series as parallel arrays of x and y values. */
    public record Points(double[] x, double[] y) {

        /** Checks that both arrays have the same length. */
        public Points {
            if (x.length != y.length) {
                throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
            }
        }

        public int size() {
            return x.length;
        }
    }

    /**
     * {@code points} thinned to at most two points per column when it has more than twice
     * {@code columns} points, else unchanged. The x values must not decrease.
     */
    public static Points minMax(Points points, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be 1 or more, was " + columns);
        }
        int n = points.size();
        if (n <= 2 * columns) {
            return points;
        }
        double[] x = new double[2 * columns];
        double[] y = new double[2 * columns];
        int kept = 0;
        for (int column = 0; column < columns; column++) {
            int from = (int) ((long) column * n / columns);
            int to = (int) ((long) (column + 1) * n / columns);
            int low = -1;
            int high = -1;
            for (int i = from; i < to; i++) {
                double value = points.y()[i];
                if (Double.isNaN(value)) {
                    continue;
                }
                if (low < 0 || value < points.y()[low]) {
                    low = i;
                }
                if (high < 0 || value > points.y()[high]) {
                    high = i;
                }
            }
            if (low < 0) {
                x[kept] = points.x()[from];
                y[kept++] = Double.NaN;
            } else if (low == high) {
                x[kept] = points.x()[low];
                y[kept++] = points.y()[low];
            } else {
                int first = Math.min(low, high);
                int second = Math.max(low, high);
                x[kept] = points.x()[first];
                y[kept++] = points.y()[first];
                x[kept] = points.x()[second];
                y[kept++] = points.y()[second];
            }
        }
        return new Points(Arrays.copyOf(x, kept), Arrays.copyOf(y, kept));
    }
}
