package dev.retrylab.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimationTest {

    private static Decimation.Points noise(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 100 + random.nextDouble(-5, 5);
        }
        return new Decimation.Points(x, y);
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    @Test
    void minMax_oneIntervalSpikeInALongSeries_survives() {
        // a million intervals of noise around 100, one of them 5000 (a one-interval retry spike)
        Decimation.Points points = noise(1_000_000, 1);
        points.y()[654_321] = 5_000;
        points.y()[123_456] = -300;

        Decimation.Points drawn = Decimation.minMax(points, 2_000);

        assertThat(drawn.size()).isLessThanOrEqualTo(4_000);
        assertThat(max(drawn.y())).isEqualTo(5_000);
        assertThat(-max(negated(drawn.y()))).isEqualTo(-300);
        int spike = indexOf(drawn.y(), 5_000);
        assertThat(drawn.x()[spike]).as("at its own time").isEqualTo(654_321);
    }

    @Test
    void minMax_everyColumn_keepsItsExtremesInTimeOrder() {
        Decimation.Points points = noise(10_000, 2);
        int columns = 100;

        Decimation.Points drawn = Decimation.minMax(points, columns);

        for (int i = 1; i < drawn.size(); i++) {
            assertThat(drawn.x()[i]).isGreaterThan(drawn.x()[i - 1]);
        }
        // column c covers points [100c, 100c + 100): its max and min are among the kept points
        for (int c = 0; c < columns; c++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int i = 100 * c; i < 100 * c + 100; i++) {
                low = Math.min(low, points.y()[i]);
                high = Math.max(high, points.y()[i]);
            }
            assertThat(drawn.y()).as("column %d", c).contains(low, high);
        }
    }

    @Test
    void minMax_shortSeries_isLeftAlone() {
        Decimation.Points points = noise(300, 3);

        assertThat(Decimation.minMax(points, 200)).isSameAs(points);
    }

    @Test
    void minMax_columnOfGaps_keepsAGap() {
        Decimation.Points points = noise(1_000, 4);
        for (int i = 500; i < 600; i++) {
            points.y()[i] = Double.NaN;
        }

        Decimation.Points drawn = Decimation.minMax(points, 10);

        assertThat(drawn.size()).isEqualTo(19);
        assertThat(drawn.y()[10]).isNaN();
        assertThat(drawn.x()[10]).isEqualTo(500);
    }

    private static double[] negated(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }

    private static int indexOf(double[] values, double value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
