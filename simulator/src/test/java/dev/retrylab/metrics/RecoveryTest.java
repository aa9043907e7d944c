package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Hand-made goodput series, 1 s intervals; interval i covers [i s, i+1 s). */
class RecoveryTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** {@code before} intervals at 10, then the given values. */
    private static double[] series(int before, double... after) {
        double[] goodput = new double[before + after.length];
        Arrays.fill(goodput, 0, before, 10.0);
        System.arraycopy(after, 0, goodput, before, after.length);
        return goodput;
    }

    private static OptionalDouble recovered(double[] goodput, double firstStartS, double endS) {
        return Recovery.recoveredAfterSeconds(goodput, SECOND, seconds(firstStartS), seconds(endS));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    @Test
    void recoveredAfter_goodputBackAboveNinetyPercent_isFirstIntervalOfTheSustainedRun() {
        // fault 10 s to 13 s; 13 and 14 at 5 (below 9), from 15 at 9.5
        double[] goodput = series(10, 0, 0, 0, 5, 5, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5);

        assertThat(recovered(goodput, 10, 13)).hasValue(2.0);
    }

    @Test
    void recoveredAfter_goodputExactlyNinetyPercent_counts() {
        double[] goodput = series(10, 0, 9, 9, 9, 9, 9);

        assertThat(recovered(goodput, 10, 11)).hasValue(0.0);
    }

    @Test
    void recoveredAfter_faultEndInsideAnInterval_startsAtTheNextBoundary() {
        // fault ends at 12.5 s: interval 12 is partly faulted, the first candidate is 13 s
        double[] goodput = series(10, 0, 0, 10, 10, 10, 10, 10, 10);

        assertThat(recovered(goodput, 10, 12.5)).hasValue(0.5);
    }

    @Test
    void recoveredAfter_goodputStaysLow_isEmpty() {
        double[] goodput = series(10, 0, 0, 8, 8, 8, 8, 8, 8, 8, 8);

        assertThat(recovered(goodput, 10, 12)).isEmpty();
    }

    @Test
    void recoveredAfter_recoversDipsAndRecovers_isTheFirstTimeFiveConsecutiveHold() {
        // from 12: four good intervals, a dip at 16, then five good ones from 17
        double[] goodput = series(10, 0, 0, 10, 10, 10, 10, 5, 10, 10, 10, 10, 10);

        assertThat(recovered(goodput, 10, 12)).hasValue(5.0);
    }

    @Test
    void recoveredAfter_fewerThanFiveIntervalsLeft_isEmpty() {
        double[] fourLeft = series(10, 0, 10, 10, 10, 10);
        double[] fiveLeft = series(10, 0, 10, 10, 10, 10, 10);

        assertThat(recovered(fourLeft, 10, 11)).isEmpty();
        assertThat(recovered(fiveLeft, 10, 11)).hasValue(0.0);
    }

    @Test
    void recoveredAfter_faultEndsAfterTheSeries_isEmpty() {
        assertThat(recovered(series(10, 0, 0), 10, 30)).isEmpty();
    }

    @Test
    void baseline_fewerThanTenIntervalsBeforeTheFault_usesAllOfThem() {
        // baseline (2 + 4 + 6) / 3 = 4, threshold 3.6
        double[] goodput = {2, 4, 6, 0, 3.5, 3.7, 3.7, 3.7, 3.7, 3.7};

        assertThat(Recovery.baseline(goodput, SECOND, seconds(3))).isEqualTo(4.0);
        assertThat(recovered(goodput, 3, 4)).hasValue(1.0);
    }

    @Test
    void baseline_moreThanTenIntervalsBefore_usesTheLastTen() {
        double[] goodput = new double[20];
        Arrays.fill(goodput, 0, 5, 100);
        Arrays.fill(goodput, 5, 15, 10);

        assertThat(Recovery.baseline(goodput, SECOND, seconds(15))).isEqualTo(10.0);
    }

    @Test
    void baseline_faultStartInsideAnInterval_leavesThatIntervalOut() {
        double[] goodput = {10, 10, 0, 0};

        assertThat(Recovery.baseline(goodput, SECOND, seconds(2.5))).isEqualTo(10.0);
    }

    @Test
    void recoveredAfter_zeroBaseline_recoversAtTheFirstCandidate() {
        double[] goodput = new double[15];

        assertThat(recovered(goodput, 5, 7.5)).hasValue(0.5);
        assertThat(recovered(goodput, 5, 11)).isEmpty(); // only 4 intervals left after 11 s
    }

    @Test
    void recoveredAfter_laterFault_isJudgedAgainstTheFirstFaultsBaseline() {
        // baseline 10 before the first fault at 10 s; between faults goodput is 9.5, the second
        // fault ends at 20 s and goodput returns to 9.2, which is above 9 but below 9.5.
        double[] goodput = series(10, 0, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5, 0, 0, 9.2, 9.2, 9.2, 9.2, 9.2);

        assertThat(recovered(goodput, 10, 20)).hasValue(0.0);
    }

    @Test
    void recoveredAfter_noIntervalBeforeTheFirstFault_throws() {
        assertThatThrownBy(() -> recovered(series(0, 0, 10, 10, 10, 10, 10), 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no baseline");
    }

    @Test
    void recoveredAfter_invalidInput_throws() {
        assertThatThrownBy(() -> recovered(series(10, 0), 10, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the first fault");
        assertThatThrownBy(() -> recovered(series(10, -1), 10, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recovered(series(10, Double.NaN), 10, 11))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assess_recoveredAndNot_namesTheFaultAndItsEnd() {
        double[] goodput = series(10, 0, 0, 0, 5, 5, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5);

        assertThat(Recovery.assess("outage", goodput, SECOND, seconds(10), seconds(13)))
                .isEqualTo(new RecoveryResult("outage", 13.0, 2.0));
        RecoveryResult never = Recovery.assess("outage", goodput, SECOND, seconds(10), seconds(19));
        assertThat(never.recoveredAfterS()).isNull();
        assertThat(never.recovered()).isFalse();
    }

    @Test
    void recoveryResult_invalidFields_throw() {
        assertThatThrownBy(() -> new RecoveryResult(" ", 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecoveryResult("f", -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecoveryResult("f", 1, -0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
