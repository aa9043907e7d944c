package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    /** t(0.975, 4), the 97.5% quantile of Student's t with 4 degrees of freedom (R: qt(0.975, 4)). */
    private static final double T_975_4 = 2.7764451051977987;

    @Test
    void of_fiveKnownValues_givesTheHandComputedStudentTInterval() {
        // mean 30; deviations -20, -10, 0, 10, 20; sample variance 1000 / 4 = 250; se = sqrt(250 / 5) = sqrt(50)
        // (the quantile comes from an iterative inverse, good to about 1e-10 relative)
        double halfWidth = T_975_4 * Math.sqrt(50);

        Estimate estimate = Estimate.of(10, 20, 30, 40, 50);

        assertThat(estimate.mean()).isEqualTo(30.0);
        assertThat(estimate.low()).isCloseTo(30 - halfWidth, within(1e-7));
        assertThat(estimate.high()).isCloseTo(30 + halfWidth, within(1e-7));
        assertThat(estimate.halfWidth()).isCloseTo(19.6324, within(1e-4));
        assertThat(estimate.hasInterval()).isTrue();
        assertThat(estimate.excludes(9.0)).isTrue();
        assertThat(estimate.excludes(12.0)).isFalse();
    }

    @Test
    void of_oneValue_hasAMeanAndNoInterval() {
        Estimate estimate = Estimate.of(7);

        assertThat(estimate.mean()).isEqualTo(7.0);
        assertThat(estimate.hasInterval()).isFalse();
        assertThat(estimate.halfWidth()).isNaN();
        assertThat(estimate.excludes(0)).as("no interval rules nothing out").isFalse();
    }

    @Test
    void constructor_intervalWithoutTheMean_throws() {
        assertThatThrownBy(() -> new Estimate(5, 6, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must contain the mean");
        assertThatThrownBy(() -> new Estimate(5, Double.NaN, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Estimate(Double.NaN, Double.NaN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
