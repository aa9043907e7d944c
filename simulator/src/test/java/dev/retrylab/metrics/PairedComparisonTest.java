package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    /** t(0.975, 4) (R: qt(0.975, 4)). */
    private static final double T_975_4 = 2.7764451051977987;

    /** Runs of one strategy with these successes out of 1000 requests, one per replication. */
    private static List<RunSummary> successes(String name, long... successes) {
        List<RunSummary> runs = new ArrayList<>();
        for (long s : successes) {
            runs.add(RunSummary.of(name, 1000, 1500, s, s / 10.0, new LatencyStats(10, 10, 20, 40, 80), null,
                    new FailureCounts(1000 - s, 0, 0, 0, 0, 0, 0), Map.of(), List.of()));
        }
        return runs;
    }

    @Test
    void of_clearlyHigherSuccessRate_isBetterWithTheHandComputedInterval() {
        List<RunSummary> baseline = successes("base", 900, 910, 890, 900, 920);
        List<RunSummary> strategy = successes("new", 950, 970, 940, 940, 970);
        // differences 0.05, 0.06, 0.05, 0.04, 0.05: mean 0.05, sample variance 0.0002 / 4, se sqrt(0.00005 / 5)
        double halfWidth = T_975_4 * Math.sqrt(0.00005 / 5);

        PairedComparison comparison = PairedComparison.of(SummaryMetric.SUCCESS_RATE, strategy, baseline);

        assertThat(comparison.difference().mean()).isCloseTo(0.05, within(1e-12));
        assertThat(comparison.difference().halfWidth()).isCloseTo(halfWidth, within(1e-10));
        assertThat(comparison.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(PairedComparison.of(SummaryMetric.SUCCESS_RATE, baseline, strategy).verdict())
                .isEqualTo(Verdict.WORSE);
    }

    @Test
    void of_differencesOnBothSidesOfZero_isNoSignificantDifference() {
        List<RunSummary> baseline = successes("base", 900, 910, 890, 900, 920);
        List<RunSummary> strategy = successes("new", 920, 880, 900, 890, 940);

        PairedComparison comparison = PairedComparison.of(SummaryMetric.SUCCESS_RATE, strategy, baseline);

        assertThat(comparison.difference().low()).isNegative();
        assertThat(comparison.difference().high()).isPositive();
        assertThat(comparison.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(comparison.verdict().label()).isEqualTo("no significant difference");
    }

    @Test
    void of_sharedNoiseAcrossReplications_cancelsInThePairs() {
        // replications differ a lot from each other, but in each the strategy does 1% better: the
        // separate intervals overlap, the paired one does not contain zero
        List<RunSummary> baseline = successes("base", 500, 900, 700, 600, 800);
        List<RunSummary> strategy = successes("new", 510, 910, 711, 609, 810);
        ReplicatedSummary base = new ReplicatedSummary("base", baseline);
        ReplicatedSummary better = new ReplicatedSummary("new", strategy);
        assertThat(better.estimate(SummaryMetric.SUCCESS_RATE).low())
                .isLessThan(base.estimate(SummaryMetric.SUCCESS_RATE).high());

        assertThat(PairedComparison.of(SummaryMetric.SUCCESS_RATE, strategy, baseline).verdict())
                .isEqualTo(Verdict.BETTER);
    }

    @Test
    void of_lowerIsBetterMetric_higherValuesAreWorse() {
        List<RunSummary> baseline = successes("base", 900, 910, 890);
        List<RunSummary> strategy = new ArrayList<>();
        for (RunSummary run : baseline) {
            strategy.add(RunSummary.of("new", run.requests(), run.attempts() + 400 + strategy.size(), run.successes(),
                    run.goodputPerS(), run.latencyMs(), null, run.failures(), Map.of(), List.of()));
        }

        assertThat(PairedComparison.of(SummaryMetric.AMPLIFICATION, strategy, baseline).verdict())
                .isEqualTo(Verdict.WORSE);
    }

    @Test
    void of_oneReplication_hasADifferenceAndNoVerdict() {
        PairedComparison comparison = PairedComparison.of(SummaryMetric.SUCCESS_RATE, successes("new", 950),
                successes("base", 900));

        assertThat(comparison.difference().mean()).isCloseTo(0.05, within(1e-12));
        assertThat(comparison.difference().hasInterval()).isFalse();
        assertThat(comparison.verdict()).isNull();
    }

    @Test
    void of_metricWithoutDirectionOrUnequalReplications_throws() {
        assertThatThrownBy(() -> PairedComparison.of(SummaryMetric.REQUESTS, successes("a", 1, 2),
                successes("b", 1, 2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests");
        assertThatThrownBy(() -> PairedComparison.of(SummaryMetric.SUCCESS_RATE, successes("a", 1, 2),
                successes("b", 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
