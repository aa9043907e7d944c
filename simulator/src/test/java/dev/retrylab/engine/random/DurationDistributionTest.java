package dev.retrylab.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Checks every distribution against its closed forms with statistical bounds. A bound of five
 * standard errors fails a correct implementation with probability about 6e-7 per check (normal
 * approximation by the central limit theorem), while a wrong formula or sampler, off by a few
 * percent, exceeds it by far at these sample sizes. Streams are seeded, so every run draws the
 * same samples: a check passes or fails for good, and a failure names the case.
 */
class DurationDistributionTest {

    private static final int N = 200_000;
    private static final long MS = 1_000_000L;

    private record Case(String name, DurationDistribution distribution) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case("constant", DurationDistribution.constant(Duration.ofMillis(3))),
                new Case("uniform ms", DurationDistribution.uniform(Duration.ofMillis(1), Duration.ofMillis(3))),
                new Case("uniform 5..9ns", DurationDistribution.uniform(Duration.ofNanos(5), Duration.ofNanos(9))),
                new Case("exponential", DurationDistribution.exponential(Duration.ofMillis(2))),
                new Case("normal far from 0",
                        DurationDistribution.truncatedNormal(Duration.ofMillis(10), Duration.ofMillis(2))),
                new Case("normal at 1 sd",
                        DurationDistribution.truncatedNormal(Duration.ofMillis(5), Duration.ofMillis(5))),
                new Case("half-normal", DurationDistribution.truncatedNormal(Duration.ZERO, Duration.ofMillis(3))),
                new Case("lognormal median/p99",
                        DurationDistribution.logNormal(Duration.ofMillis(20), Duration.ofMillis(200))),
                new Case("lognormal mu/sigma", DurationDistribution.logNormalOfLogs(Math.log(1e6), 0.5)),
                new Case("pareto shape 5", DurationDistribution.pareto(Duration.ofMillis(1), 5.0)),
                new Case("pareto 1.5 capped",
                        DurationDistribution.pareto(Duration.ofMillis(1), 1.5, Duration.ofMillis(100))),
                new Case("pareto 1 capped",
                        DurationDistribution.pareto(Duration.ofMillis(1), 1.0, Duration.ofMillis(50))),
                new Case("pareto 2 capped",
                        DurationDistribution.pareto(Duration.ofMillis(1), 2.0, Duration.ofMillis(50))),
                new Case("mixture", DurationDistribution.mixture(0.9,
                        DurationDistribution.truncatedNormal(Duration.ofMillis(5), Duration.ofMillis(1)),
                        DurationDistribution.logNormal(Duration.ofMillis(50), Duration.ofMillis(500)))),
                new Case("empirical", DurationDistribution.empirical(List.of(Duration.ofMillis(1),
                        Duration.ofMillis(2), Duration.ofMillis(2), Duration.ofMillis(7), Duration.ofMillis(30)))));
    }

    @Test
    void sampleMean_everyKind_matchesMeanNanosWithinFiveStandardErrors() {
        long seed = 1;
        for (Case c : cases()) {
            double[] samples = sample(c.distribution(), seed++, N);
            double mean = c.distribution().meanNanos();
            double standardError = Math.sqrt(c.distribution().varianceNanosSquared() / N);
            assertThat(Statistics.mean(samples)).as(c.name()).isCloseTo(mean, within(5 * standardError + 1e-9));
        }
    }

    @Test
    void sampleVariance_everyKind_matchesVarianceNanosSquaredWithinFiveStandardErrors() {
        // The sample variance s^2 has standard error sqrt((mu4 - sigma^4) / n); the fourth central
        // moment mu4 is estimated from the same sample (every case here has a finite eighth moment,
        // so that estimate is itself consistent).
        long seed = 100;
        for (Case c : cases()) {
            double[] samples = sample(c.distribution(), seed++, N);
            double variance = c.distribution().varianceNanosSquared();
            double s2 = Statistics.variance(samples);
            double m4 = Statistics.centralMoment(samples, 4);
            double standardError = Math.sqrt(Math.max(0.0, m4 - s2 * s2) / N);
            assertThat(s2).as(c.name()).isCloseTo(variance, within(5 * standardError + 1e-9));
        }
    }

    @Test
    void sampleNanos_everyKind_isNeverNegative() {
        long seed = 200;
        for (Case c : cases()) {
            for (double value : sample(c.distribution(), seed++, 20_000)) {
                assertThat(value).as(c.name()).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Test
    void closedForms_handComputedCases_matchExactly() {
        // Half-normal: mean sd * sqrt(2 / pi), variance sd^2 (1 - 2 / pi).
        DurationDistribution halfNormal = DurationDistribution.truncatedNormal(Duration.ZERO, Duration.ofMillis(3));
        assertThat(halfNormal.meanNanos()).isCloseTo(3 * MS * Math.sqrt(2 / Math.PI), withinPercentage(1e-12));
        assertThat(halfNormal.varianceNanosSquared()).isCloseTo(9.0 * MS * MS * (1 - 2 / Math.PI),
                withinPercentage(1e-12));
        // Location one sd above zero: mean sd (1 + phi(1) / Phi(1)) and variance
        // sd^2 (1 - lambda - lambda^2), lambda = phi(1) / Phi(1), from Python's math.erfc and math.exp.
        DurationDistribution oneSd = DurationDistribution.truncatedNormal(Duration.ofMillis(5), Duration.ofMillis(5));
        assertThat(oneSd.meanNanos()).isCloseTo(5 * MS * 1.2875999709391783, withinPercentage(1e-11));
        assertThat(oneSd.varianceNanosSquared()).isCloseTo(25.0 * MS * MS * 0.6296862857766055,
                withinPercentage(1e-10));
        // Pareto, scale 1ms, shape 1.5, cap 100ms, by hand: r = 100, r^-0.5 = 0.1, so
        // E = 1ms (1 + (0.1 - 1) / -0.5) = 2.8ms and E[X^2] = 1ms^2 (1 + 2 (10 - 1) / 0.5) = 37ms^2.
        DurationDistribution capped = DurationDistribution.pareto(Duration.ofMillis(1), 1.5, Duration.ofMillis(100));
        assertThat(capped.meanNanos()).isCloseTo(2.8 * MS, withinPercentage(1e-12));
        assertThat(capped.varianceNanosSquared()).isCloseTo((37 - 2.8 * 2.8) * MS * MS, withinPercentage(1e-11));
        // Shape 1 with a cap of 50 scales: E = scale (1 + ln 50).
        assertThat(DurationDistribution.pareto(Duration.ofMillis(1), 1.0, Duration.ofMillis(50)).meanNanos())
                .isCloseTo(MS * (1 + Math.log(50)), withinPercentage(1e-12));
        // Uncapped shape 3: mean 3/2 scale, variance 3/4 scale^2.
        DurationDistribution pareto3 = DurationDistribution.pareto(Duration.ofMillis(2), 3.0);
        assertThat(pareto3.meanNanos()).isCloseTo(3 * MS, withinPercentage(1e-12));
        assertThat(pareto3.varianceNanosSquared()).isCloseTo(3.0 * MS * MS, withinPercentage(1e-12));
        assertThat(DurationDistribution.pareto(Duration.ofMillis(1), 1.0).meanNanos()).isInfinite();
        assertThat(DurationDistribution.pareto(Duration.ofMillis(1), 2.0).varianceNanosSquared()).isInfinite();
        // Uniform on 5..9 ns: mean 7, variance (5^2 - 1) / 12 = 2.
        DurationDistribution uniform = DurationDistribution.uniform(Duration.ofNanos(5), Duration.ofNanos(9));
        assertThat(uniform.meanNanos()).isEqualTo(7.0);
        assertThat(uniform.varianceNanosSquared()).isEqualTo(2.0);
    }

    @Test
    void exponential_sampleMedian_isMeanTimesLnTwo() {
        // The sample median has standard error 1 / (2 f(m) sqrt(n)); the exponential density at
        // its median is 1 / (2 mean), so the standard error is mean / sqrt(n).
        double mean = 2 * MS;
        double[] sorted = sorted(DurationDistribution.exponential(Duration.ofMillis(2)), 7, N);
        assertThat(Statistics.quantile(sorted, 0.5)).isCloseTo(mean * Math.log(2), within(5 * mean / Math.sqrt(N)));
    }

    @Test
    void logNormal_byMedianAndP99_recoversBothInSamples() {
        LogNormalDuration logNormal = LogNormalDuration.ofMedianAndP99(Duration.ofMillis(20), Duration.ofMillis(200));
        assertThat(logNormal.medianNanos()).isCloseTo(20.0 * MS, withinPercentage(1e-12));
        assertThat(logNormal.p99Nanos()).isCloseTo(200.0 * MS, withinPercentage(1e-12));
        assertThat(logNormal.mu()).isCloseTo(Math.log(20e6), within(1e-12));
        assertThat(logNormal.sigma()).isCloseTo(Math.log(10) / LogNormalDuration.Z_99, within(1e-12));

        // The sample p-quantile has standard error sqrt(p (1 - p) / n) / f(x_p), where the
        // log-normal density is f(x) = phi((ln x - mu) / sigma) / (sigma x).
        double[] sorted = sorted(logNormal, 8, N);
        for (double[] quantile : new double[][] {{0.5, 0.0, 20.0 * MS}, {0.99, LogNormalDuration.Z_99, 200.0 * MS}}) {
            double p = quantile[0];
            double density = StandardNormal.pdf(quantile[1]) / (logNormal.sigma() * quantile[2]);
            double standardError = Math.sqrt(p * (1 - p) / N) / density;
            assertThat(Statistics.quantile(sorted, p)).as("quantile %s", p)
                    .isCloseTo(quantile[2], within(5 * standardError));
        }
    }

    @Test
    void kolmogorovSmirnov_continuousKinds_staysBelowTheCriticalValue() {
        int n = 50_000;
        double critical = Statistics.kolmogorovSmirnovCritical(n);
        double mean = 2.0 * MS;
        assertKs("exponential", DurationDistribution.exponential(Duration.ofMillis(2)), n, critical,
                x -> 1 - Math.exp(-x / mean));
        LogNormalDuration logNormal = LogNormalDuration.ofMedianAndP99(Duration.ofMillis(20), Duration.ofMillis(200));
        assertKs("lognormal", logNormal, n, critical,
                x -> StandardNormal.cdf((Math.log(x) - logNormal.mu()) / logNormal.sigma()));
        double location = 5.0 * MS;
        double scale = 5.0 * MS;
        double kept = StandardNormal.cdf(location / scale);
        assertKs("truncated normal", DurationDistribution.truncatedNormal(Duration.ofMillis(5), Duration.ofMillis(5)),
                n, critical, x -> (StandardNormal.cdf((x - location) / scale) - (1 - kept)) / kept);
        assertKs("pareto", DurationDistribution.pareto(Duration.ofMillis(1), 1.5), n, critical,
                x -> x < MS ? 0 : 1 - Math.pow(MS / x, 1.5));
    }

    @Test
    void kolmogorovSmirnov_wrongDistribution_exceedsTheCriticalValue() {
        // The check above can fail: exponential samples against a mean 5% too high are rejected.
        int n = 50_000;
        double[] samples = sample(DurationDistribution.exponential(Duration.ofMillis(2)), 9, n);
        double statistic = Statistics.kolmogorovSmirnov(samples, x -> 1 - Math.exp(-x / (2.1 * MS)));
        assertThat(statistic).isGreaterThan(Statistics.kolmogorovSmirnovCritical(n));
    }

    @Test
    void truncatedNormal_locationZero_neverNegativeAndNoHeapAtZero() {
        double[] samples = sample(DurationDistribution.truncatedNormal(Duration.ZERO, Duration.ofMillis(1)), 10, N);
        int zeros = 0;
        for (double value : samples) {
            assertThat(value).isGreaterThanOrEqualTo(0.0);
            zeros += value == 0.0 ? 1 : 0;
        }
        // Rounding gives 0 only for values below 0.5ns: probability about 2 phi(0) 0.5ns / 1ms = 4e-7.
        assertThat(zeros).isLessThanOrEqualTo(2);
    }

    @Test
    void pareto_uncapped_tailIndexEstimateMatchesTheShape() {
        // The maximum-likelihood estimate of the tail index with known scale is
        // n / sum ln(x_i / scale); its standard error is shape / sqrt(n).
        double shape = 1.5;
        double[] samples = sample(DurationDistribution.pareto(Duration.ofMillis(1), shape), 11, N);
        double sumOfLogs = 0;
        for (double value : samples) {
            assertThat(value).isGreaterThanOrEqualTo(MS);
            sumOfLogs += Math.log(value / MS);
        }
        assertThat(N / sumOfLogs).isCloseTo(shape, within(5 * shape / Math.sqrt(N)));
    }

    @Test
    void pareto_capped_neverExceedsTheCapAndHitsItAsOftenAsTheTailSays() {
        double[] samples = sample(DurationDistribution.pareto(Duration.ofMillis(1), 1.5, Duration.ofMillis(100)), 12, N);
        int atCap = 0;
        for (double value : samples) {
            assertThat(value).isLessThanOrEqualTo(100.0 * MS);
            atCap += value == 100.0 * MS ? 1 : 0;
        }
        double p = Math.pow(0.01, 1.5);
        assertThat((double) atCap / N).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / N)));
    }

    @Test
    void mixture_slowModeOneInAThousand_isDrawnAtThatRate() {
        int n = 1_000_000;
        double p = 0.001;
        double[] samples = sample(DurationDistribution.mixture(1 - p, DurationDistribution.constant(Duration.ofMillis(1)),
                DurationDistribution.constant(Duration.ofSeconds(1))), 13, n);
        int slow = 0;
        for (double value : samples) {
            assertThat(value).isIn(1.0 * MS, 1000.0 * MS);
            slow += value == 1000.0 * MS ? 1 : 0;
        }
        assertThat((double) slow / n).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
    }

    @Test
    void mixture_modeOfProbabilityZeroWithInfiniteMean_doesNotPoisonTheMoments() {
        DurationDistribution mixture = DurationDistribution.mixture(1.0, DurationDistribution.constant(Duration.ofMillis(4)),
                DurationDistribution.pareto(Duration.ofMillis(1), 0.5));
        assertThat(mixture.meanNanos()).isEqualTo(4.0 * MS);
        assertThat(mixture.varianceNanosSquared()).isZero();
    }

    @Test
    void empirical_draws_onlyListedValuesInTheirProportions() {
        List<Duration> listed = List.of(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(2),
                Duration.ofMillis(7), Duration.ofMillis(30));
        double[] samples = sample(DurationDistribution.empirical(listed), 14, N);
        int[] counts = new int[31];
        for (double value : samples) {
            assertThat(value).isIn(1.0 * MS, 2.0 * MS, 7.0 * MS, 30.0 * MS);
            counts[(int) (value / MS)]++;
        }
        for (int millis : new int[] {1, 2, 7, 30}) {
            double p = millis == 2 ? 0.4 : 0.2;
            assertThat((double) counts[millis] / N).as("%dms", millis)
                    .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / N)));
        }
    }

    @Test
    void uniform_smallSpan_reachesBothEndsAndNothingElse() {
        double[] samples = sample(DurationDistribution.uniform(Duration.ofNanos(5), Duration.ofNanos(9)), 15, 10_000);
        long[] counts = new long[5];
        for (double value : samples) {
            assertThat(value).isBetween(5.0, 9.0);
            counts[(int) value - 5]++;
        }
        assertThat(counts).doesNotContain(0L);
        assertThat(Statistics.chiSquareUniform(counts)).isLessThan(Statistics.chiSquareBound(4));
    }

    @Test
    void sampleNanos_fixedStream_reproducesRecordedSamples() {
        // Computed by a separate Python implementation of the documented seed derivation and samplers
        // (math.log, math.exp and ** in place of StrictMath), agreeing with this code. A change here
        // means the same seed no longer gives the same run, which breaks every saved result.
        assertThat(first(DurationDistribution.exponential(Duration.ofMillis(1))))
                .containsExactly(677172L, 1268297L, 2125167L, 550556L);
        assertThat(first(DurationDistribution.logNormal(Duration.ofMillis(20), Duration.ofMillis(200))))
                .containsExactly(20403565L, 11276177L, 6232877L, 24216518L);
        assertThat(first(DurationDistribution.truncatedNormal(Duration.ofMillis(1), Duration.ofMillis(1))))
                .containsExactly(1020184L, 421046L, 1193277L, 502666L);
        assertThat(first(DurationDistribution.pareto(Duration.ofMillis(1), 1.5, Duration.ofSeconds(1))))
                .containsExactly(1570585L, 2329216L, 4123813L, 1443452L);
        assertThat(first(DurationDistribution.uniform(Duration.ZERO, Duration.ofSeconds(1))))
                .containsExactly(17782305L, 751324296L, 778705072L, 234138291L);
    }

    @Test
    void sampleNanos_streamArrayEntity_equalsSamplingTheEntitysOwnStream() {
        DurationDistribution distribution = DurationDistribution.logNormal(Duration.ofMillis(3), Duration.ofMillis(40));
        RandomStreamArray array = RandomStreams.array(77, StreamPurpose.SERVICE, 10);
        SplitMix64 six = RandomStreams.stream(77, StreamPurpose.SERVICE, 6);
        for (int i = 0; i < 100; i++) {
            assertThat(distribution.sampleNanos(array, 6)).isEqualTo(distribution.sampleNanos(six));
        }
    }

    @Test
    void toString_eachKind_namesItsParametersInDurationUnits() {
        assertThat(DurationDistribution.exponential(Duration.ofMillis(250))).hasToString("exponential(mean=250ms)");
        assertThat(DurationDistribution.uniform(Duration.ofMillis(1), Duration.ofSeconds(2)))
                .hasToString("uniform(1ms..2s)");
        assertThat(DurationDistribution.logNormal(Duration.ofMillis(20), Duration.ofMillis(200)))
                .hasToString("lognormal(median=20ms, p99=200ms)");
        assertThat(DurationDistribution.truncatedNormal(Duration.ofMillis(5), Duration.ofMillis(1)))
                .hasToString("normal(mean=5ms, sd=1ms, truncated at 0)");
        assertThat(DurationDistribution.pareto(Duration.ofMillis(1), 1.5, Duration.ofSeconds(1)))
                .hasToString("pareto(scale=1ms, shape=1.5, cap=1s)");
        assertThat(DurationDistribution.mixture(0.999, DurationDistribution.constant(Duration.ofMillis(1)),
                DurationDistribution.constant(Duration.ofSeconds(1))))
                .hasToString("mixture(0.999 constant(1ms), else constant(1s))");
        assertThat(DurationDistribution.empirical(List.of(Duration.ofMillis(3), Duration.ofMillis(1))))
                .hasToString("empirical(2 samples, 1ms..3ms)");
    }

    @Test
    void empirical_equalLists_areEqualAndCopiedDefensively() {
        long[] nanos = {1, 2, 3};
        EmpiricalDuration empirical = new EmpiricalDuration(nanos);
        nanos[0] = 99;
        empirical.samplesNanos()[1] = 99;

        assertThat(empirical).isEqualTo(new EmpiricalDuration(new long[] {1, 2, 3}));
        assertThat(empirical.hashCode()).isEqualTo(new EmpiricalDuration(new long[] {1, 2, 3}).hashCode());
        assertThat(empirical.samplesNanos()).containsExactly(1, 2, 3);
    }

    private static void assertKs(String name, DurationDistribution distribution, int n, double critical,
            DoubleUnaryOperator cdf) {
        double[] samples = sample(distribution, name.hashCode(), n);
        assertThat(Statistics.kolmogorovSmirnov(samples, cdf)).as(name).isLessThan(critical);
    }

    private static long[] first(DurationDistribution distribution) {
        SplitMix64 stream = RandomStreams.stream(2024, StreamPurpose.SERVICE, 0);
        long[] samples = new long[4];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = distribution.sampleNanos(stream);
        }
        return samples;
    }

    private static double[] sample(DurationDistribution distribution, long seed, int n) {
        SplitMix64 stream = RandomStreams.stream(seed, StreamPurpose.SERVICE, 0);
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = distribution.sampleNanos(stream);
        }
        return samples;
    }

    private static double[] sorted(DurationDistribution distribution, long seed, int n) {
        double[] samples = sample(distribution, seed, n);
        Arrays.sort(samples);
        return samples;
    }
}
