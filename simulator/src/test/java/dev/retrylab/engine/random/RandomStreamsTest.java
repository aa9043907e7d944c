package dev.retrylab.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static final int DRAWS = 5_000;

    @Test
    void seed_knownInputs_matchTheDocumentedFormula() {
        // Computed from the formula in the RandomStreams Javadoc by a separate Python implementation
        // (arbitrary-precision integers masked to 64 bits), not by this code.
        assertThat(RandomStreams.seed(42, StreamPurpose.WORKLOAD, 7)).isEqualTo(2500797765893232624L);
        assertThat(RandomStreams.seed(42, 3, StreamPurpose.FAULT, 0)).isEqualTo(5679663848813723174L);
        assertThat(RandomStreams.seed(-1, StreamPurpose.STRATEGY, 999_999)).isEqualTo(-6531200761380698621L);
    }

    @Test
    void stream_sameSeedPurposeAndEntity_drawsTheSameSequence() {
        SplitMix64 first = RandomStreams.stream(2024, StreamPurpose.SERVICE, 12);
        SplitMix64 second = RandomStreams.stream(2024, StreamPurpose.SERVICE, 12);
        for (int i = 0; i < 1_000; i++) {
            assertThat(first.nextLong()).as("draw %d", i).isEqualTo(second.nextLong());
        }
    }

    @Test
    void stream_anyChangeOfInput_drawsADifferentSequence() {
        long[] reference = firstDraws(RandomStreams.stream(2024, 0, StreamPurpose.SERVICE, 12));

        assertThat(firstDraws(RandomStreams.stream(2024, 0, StreamPurpose.STRATEGY, 12))).isNotEqualTo(reference);
        assertThat(firstDraws(RandomStreams.stream(2024, 0, StreamPurpose.SERVICE, 13))).isNotEqualTo(reference);
        assertThat(firstDraws(RandomStreams.stream(2025, 0, StreamPurpose.SERVICE, 12))).isNotEqualTo(reference);
        assertThat(firstDraws(RandomStreams.stream(2024, 1, StreamPurpose.SERVICE, 12))).isNotEqualTo(reference);
        assertThat(firstDraws(RandomStreams.stream(2024, StreamPurpose.SERVICE, 12))).isEqualTo(reference);
    }

    @Test
    void seed_everyPurpose_givesDistinctSeedsForTheSameEntity() {
        java.util.Set<Long> seeds = new java.util.HashSet<>();
        for (StreamPurpose purpose : StreamPurpose.values()) {
            seeds.add(RandomStreams.seed(1, purpose, 0));
        }
        assertThat(seeds).hasSize(StreamPurpose.values().length);
    }

    @Test
    void array_everyEntity_drawsExactlyTheSequenceOfItsSingleStream() {
        RandomStreamArray array = RandomStreams.array(99, 2, StreamPurpose.WORKLOAD, 50);
        for (int entity = 0; entity < 50; entity++) {
            SplitMix64 single = RandomStreams.stream(99, 2, StreamPurpose.WORKLOAD, entity);
            for (int i = 0; i < 20; i++) {
                assertThat(array.nextLong(entity)).as("entity %d draw %d", entity, i).isEqualTo(single.nextLong());
            }
        }
    }

    @Test
    void seed_oneInputBitFlipped_flipsEachOutputBitHalfTheTime() {
        // Strict avalanche criterion: for each input bit i and output bit j, over T random base
        // inputs, the share of trials where flipping i flips j is 1/2 for an ideal mix. Its standard
        // error is sqrt(1/4 / T); each of the 64 x 64 cells must lie within five of them.
        int trials = 2_000;
        double bound = 5 * Math.sqrt(0.25 / trials);
        SplittableRandom random = new SplittableRandom(20240611);
        int[][] seedFlips = new int[64][64];
        int[][] entityFlips = new int[64][64];
        int[][] replicationFlips = new int[64][64];
        for (int trial = 0; trial < trials; trial++) {
            long scenarioSeed = random.nextLong();
            long entity = random.nextInt(1_000_000);
            long replication = random.nextInt(100);
            long base = RandomStreams.seed(scenarioSeed, replication, StreamPurpose.WORKLOAD, entity);
            for (int bit = 0; bit < 64; bit++) {
                count(seedFlips[bit], base ^ RandomStreams.seed(scenarioSeed ^ (1L << bit), replication,
                        StreamPurpose.WORKLOAD, entity));
                count(entityFlips[bit], base ^ RandomStreams.seed(scenarioSeed, replication,
                        StreamPurpose.WORKLOAD, entity ^ (1L << bit)));
                count(replicationFlips[bit], base ^ RandomStreams.seed(scenarioSeed, replication ^ (1L << bit),
                        StreamPurpose.WORKLOAD, entity));
            }
        }
        assertAvalanche("scenario seed", seedFlips, trials, bound);
        assertAvalanche("entity", entityFlips, trials, bound);
        assertAvalanche("replication", replicationFlips, trials, bound);
    }

    @Test
    void seed_neighbouringPurposes_differInAboutHalfTheBits() {
        // The Hamming distance of two independent 64-bit values is Binomial(64, 1/2): mean 32,
        // sd 4. Over T trials the mean distance has standard error 4 / sqrt(T); allow five.
        int trials = 10_000;
        SplittableRandom random = new SplittableRandom(77);
        StreamPurpose[] purposes = StreamPurpose.values();
        long totalDistance = 0;
        for (int trial = 0; trial < trials; trial++) {
            long scenarioSeed = random.nextLong();
            int p = random.nextInt(purposes.length - 1);
            totalDistance += Long.bitCount(RandomStreams.seed(scenarioSeed, purposes[p], trial)
                    ^ RandomStreams.seed(scenarioSeed, purposes[p + 1], trial));
        }
        assertThat((double) totalDistance / trials).isBetween(32 - 5 * 4 / Math.sqrt(trials),
                32 + 5 * 4 / Math.sqrt(trials));
    }

    @Test
    void array_neighbouringEntities_haveUncorrelatedDraws() {
        // For independent streams the sample correlation of N pairs has standard error about
        // 1 / sqrt(N); each neighbour pair must stay within five of them, and the mean over all
        // pairs within five standard errors of that mean, 1 / sqrt(N * pairs).
        int entities = 200;
        RandomStreamArray array = RandomStreams.array(31337, StreamPurpose.WORKLOAD, entities);
        double[][] draws = new double[entities][DRAWS];
        for (int entity = 0; entity < entities; entity++) {
            for (int i = 0; i < DRAWS; i++) {
                draws[entity][i] = array.nextDouble(entity);
            }
        }
        double sum = 0;
        for (int entity = 0; entity + 1 < entities; entity++) {
            double r = Statistics.correlation(draws[entity], draws[entity + 1]);
            assertThat(Math.abs(r)).as("entities %d and %d", entity, entity + 1).isLessThan(5 / Math.sqrt(DRAWS));
            sum += r;
        }
        assertThat(Math.abs(sum / (entities - 1))).isLessThan(5 / Math.sqrt((double) DRAWS * (entities - 1)));
    }

    @Test
    void stream_sameEntityOtherPurpose_drawsUncorrelatedValues() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] workload = doubles(RandomStreams.stream(seed, StreamPurpose.WORKLOAD, 0));
            for (StreamPurpose purpose : StreamPurpose.values()) {
                if (purpose != StreamPurpose.WORKLOAD) {
                    double r = Statistics.correlation(workload, doubles(RandomStreams.stream(seed, purpose, 0)));
                    assertThat(Math.abs(r)).as("seed %d, %s", seed, purpose).isLessThan(5 / Math.sqrt(DRAWS));
                }
            }
        }
    }

    @Test
    void array_firstDrawsAcrossEntities_areUniformAndUncorrelated() {
        // A simulation often draws once for every client in turn (first arrival of each), so the
        // sequence of first draws across entities must itself look random.
        int entities = 100_000;
        RandomStreamArray array = RandomStreams.array(8, StreamPurpose.WORKLOAD, entities);
        double[] first = new double[entities];
        long[] bins = new long[100];
        for (int entity = 0; entity < entities; entity++) {
            first[entity] = array.nextDouble(entity);
            bins[(int) (first[entity] * bins.length)]++;
        }
        assertThat(Statistics.chiSquareUniform(bins)).isLessThan(Statistics.chiSquareBound(bins.length - 1));
        double[] current = java.util.Arrays.copyOfRange(first, 0, entities - 1);
        double[] next = java.util.Arrays.copyOfRange(first, 1, entities);
        assertThat(Math.abs(Statistics.correlation(current, next))).isLessThan(5 / Math.sqrt(entities));
    }

    @Test
    void array_negativeSize_isRejected() {
        assertThatThrownBy(() -> RandomStreams.array(1, StreamPurpose.WORKLOAD, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entities must be zero or more, was -1");
    }

    private static void count(int[] flipsPerOutputBit, long difference) {
        for (int out = 0; out < 64; out++) {
            flipsPerOutputBit[out] += (int) ((difference >>> out) & 1L);
        }
    }

    private static void assertAvalanche(String input, int[][] flips, int trials, double bound) {
        for (int in = 0; in < 64; in++) {
            for (int out = 0; out < 64; out++) {
                assertThat((double) flips[in][out] / trials).as("%s bit %d -> seed bit %d", input, in, out)
                        .isBetween(0.5 - bound, 0.5 + bound);
            }
        }
    }

    private static long[] firstDraws(SplitMix64 stream) {
        long[] draws = new long[8];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = stream.nextLong();
        }
        return draws;
    }

    private static double[] doubles(SplitMix64 stream) {
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = stream.nextDouble();
        }
        return draws;
    }
}
