package dev.retrylab.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void erfc_referencePoints_matchToTwelveDigits() {
        // Reference values: Python 3.11 math.erfc (the platform C library, correctly rounded or
        // within one ulp), on both sides of the switch from series to continued fraction at 2.
        double[][] cases = {
            {0.0, 1.0},
            {0.3, 0.6713732405408726},
            {1.0, 0.15729920705028513},
            {1.9999, 0.004679802092970608},
            {2.0, 0.004677734981047265},
            {3.0, 2.2090496998585438e-05},
            {5.0, 1.5374597944280351e-12},
            {10.0, 2.088487583762545e-45},
            {26.0, 5.663192408856143e-296},
            {-1.5, 1.9661051464753108},
        };
        for (double[] c : cases) {
            assertThat(StandardNormal.erfc(c[0])).as("erfc(%s)", c[0]).isCloseTo(c[1], withinPercentage(1e-10));
        }
    }

    @Test
    void cdf_symmetricArguments_sumToOne() {
        for (double z = -8; z <= 8; z += 0.125) {
            assertThat(StandardNormal.cdf(z) + StandardNormal.cdf(-z)).as("z = %s", z).isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void quantile_p99_isTheTextbookValue() {
        assertThat(StandardNormal.quantile(0.99)).isCloseTo(LogNormalDuration.Z_99, within(1e-14));
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(StandardNormal.quantile(0.5)).isZero();
        assertThat(StandardNormal.quantile(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StandardNormal.quantile(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void quantile_randomProbabilities_invertsTheCdf() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double p = random.nextBoolean() ? random.nextDouble() : Math.pow(10, -random.nextDouble(1, 300));
            double z = StandardNormal.quantile(p);
            assertThat(StandardNormal.cdf(z)).as("p = %s", p).isCloseTo(p, withinPercentage(1e-10));
        }
    }

    @Test
    void quantileForSampling_wholeRange_staysWithinAcklamsErrorOfTheRefinedQuantile() {
        for (int i = 1; i < 100_000; i++) {
            double p = i / 100_000.0;
            double exact = StandardNormal.quantile(p);
            assertThat(StandardNormal.quantileForSampling(p)).as("p = %s", p)
                    .isCloseTo(exact, within(1.2e-9 * Math.max(1.0, Math.abs(exact))));
        }
    }

    @Test
    void pdf_zero_isOneOverRootTwoPi() {
        assertThat(StandardNormal.pdf(0)).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-16));
        assertThat(StandardNormal.pdf(1)).isCloseTo(Math.exp(-0.5) / Math.sqrt(2 * Math.PI), within(1e-16));
    }

    @Test
    void quantile_probabilityOutsideUnitInterval_isRejected() {
        assertThatThrownBy(() -> StandardNormal.quantile(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be a probability in [0, 1], was 1.5");
        assertThatThrownBy(() -> StandardNormal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
