package dev.retrylab.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void nextLong_seed1234567_matchesTheReferenceImplementation() {
        // The first outputs of S. Vigna's splitmix64.c (prng.di.unimi.it) for x = 1234567,
        // as unsigned values 6457827717110365317, 3203168211198807973, 9817491932198370423,
        // 4593380528125082431, 16408922859458223821, written here as signed longs.
        SplitMix64 stream = new SplitMix64(1234567L);

        assertThat(new long[] {stream.nextLong(), stream.nextLong(), stream.nextLong(), stream.nextLong(),
                stream.nextLong()})
                .containsExactly(6457827717110365317L, 3203168211198807973L, -8629252141511181193L,
                        4593380528125082431L, -2037821214251327795L);
    }

    @Test
    void nextLong_anySeed_matchesSplittableRandomOfTheJdk() {
        SplittableRandom seeds = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            long seed = seeds.nextLong();
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 50; i++) {
                assertThat(ours.nextLong()).as("seed %d, value %d", seed, i).isEqualTo(jdk.nextLong());
            }
        }
    }

    @Test
    void nextDouble_manyDraws_staysInUnitIntervalWithMeanOneHalf() {
        SplitMix64 stream = new SplitMix64(11);
        int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = stream.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            sum += u;
        }
        // Standard error of the mean of U(0,1) is sqrt(1/12/n); allow five of them.
        assertThat(sum / n).isCloseTo(0.5, org.assertj.core.data.Offset.offset(5 * Math.sqrt(1.0 / 12 / n)));
    }

    @Test
    void nextInt_boundSeven_isUniformByChiSquare() {
        SplitMix64 stream = new SplitMix64(3);
        int bound = 7;
        int n = 70_000;
        long[] counts = new long[bound];
        for (int i = 0; i < n; i++) {
            counts[stream.nextInt(bound)]++;
        }
        assertThat(Statistics.chiSquareUniform(counts)).isLessThan(Statistics.chiSquareBound(bound - 1));
    }

    @Test
    void nextLong_boundNotAPowerOfTwo_staysBelowTheBound() {
        SplitMix64 stream = new SplitMix64(5);
        long bound = (1L << 62) + 12345;
        for (int i = 0; i < 10_000; i++) {
            assertThat(stream.nextLong(bound)).isBetween(0L, bound - 1);
        }
    }

    @Test
    void nextInt_boundZero_isRejected() {
        assertThatThrownBy(() -> new SplitMix64(1).nextInt(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound must be positive, was 0");
    }

    @Test
    void openUnit_extremeBits_neitherZeroNorOne() {
        assertThat(Draws.openUnit(0L)).isEqualTo(0x1.0p-53);
        assertThat(Draws.openUnit(-1L)).isEqualTo(1.0 - 0x1.0p-53);
        assertThat(Draws.unit(-1L)).isLessThan(1.0);
        assertThat(Draws.unit(0L)).isZero();
    }
}
