package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void of_zeroToTop_climbsOneStepPerEighth() {
        assertThat(Sparkline.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 8, 40))
                .isEqualTo(" ▁▂▃▄▅▆▇█");
    }

    @Test
    void of_aSliverAboveZero_isTheLowestBlockNotBlank() {
        assertThat(Sparkline.of(new double[] {0.01, 8}, 8, 40)).isEqualTo("▁█");
    }

    @Test
    void of_longerThanTheWidth_showsTheMeanOfEachBin() {
        // bins {2, 4} and {6, 8}: means 3 and 7 of 8
        assertThat(Sparkline.of(new double[] {2, 4, 6, 8}, 8, 2)).isEqualTo("▃▇");
    }

    @Test
    void of_sharedTopAboveTheSeries_staysLow() {
        assertThat(Sparkline.of(new double[] {10, 10}, 80, 40)).isEqualTo("▁▁");
    }

    @Test
    void of_nothingAtAll_isBlank() {
        assertThat(Sparkline.of(new double[] {0, 0, 0}, 0, 40)).isEqualTo("   ");
        assertThatThrownBy(() -> Sparkline.of(new double[] {1}, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
