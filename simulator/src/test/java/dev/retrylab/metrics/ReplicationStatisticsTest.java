package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReplicationStatisticsTest {

    /** t(0.975, 4), the 97.5% quantile of Student's t with 4 degrees of freedom (R: qt(0.975, 4)). */
    private static final double T_975_4 = 2.7764451051977987;

    @Test
    void mean_fiveValues_isTheirAverage() {
        assertThat(ReplicationStatistics.mean(1, 2, 3, 4, 5)).isEqualTo(3.0);
    }

    @Test
    void tQuantile_fourDegreesOfFreedom_matchesTheTable() {
        assertThat(ReplicationStatistics.tQuantile(4)).isCloseTo(T_975_4, within(1e-9));
    }

    @Test
    void confidenceInterval95_fiveKnownValues_matchesTheHandComputedInterval() {
        // mean 3; sample variance (4 + 1 + 0 + 1 + 4) / 4 = 2.5; standard error sqrt(2.5 / 5) = sqrt(0.5)
        double halfWidth = T_975_4 * Math.sqrt(0.5);

        double[] interval = ReplicationStatistics.confidenceInterval95(1, 2, 3, 4, 5);

        assertThat(interval).hasSize(2);
        assertThat(interval[0]).isCloseTo(3 - halfWidth, within(1e-8));
        assertThat(interval[1]).isCloseTo(3 + halfWidth, within(1e-8));
        assertThat(halfWidth).isCloseTo(1.9632432, within(1e-7));
    }

    @Test
    void confidenceInterval95_twoValues_usesTwelvePointSevenOne() {
        // t(0.975, 1) = 12.706204736174707 (R: qt(0.975, 1)); values 10 and 12: s = sqrt(2), se = 1
        double[] interval = ReplicationStatistics.confidenceInterval95(10, 12);

        assertThat(interval[0]).isCloseTo(11 - 12.706204736174707, within(1e-7));
        assertThat(interval[1]).isCloseTo(11 + 12.706204736174707, within(1e-7));
    }

    @Test
    void confidenceInterval95_oneValue_isNaN() {
        assertThat(ReplicationStatistics.confidenceInterval95(7)).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void confidenceInterval95_equalValues_hasZeroWidth() {
        assertThat(ReplicationStatistics.confidenceInterval95(4, 4, 4)).containsExactly(4.0, 4.0);
    }

    @Test
    void confidenceInterval95_noValuesOrNotFinite_throws() {
        assertThatThrownBy(ReplicationStatistics::confidenceInterval95).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplicationStatistics.mean(1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication 1");
    }
}
