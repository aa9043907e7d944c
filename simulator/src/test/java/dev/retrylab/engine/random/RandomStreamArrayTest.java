package dev.retrylab.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.testing.AllocationMeter;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamArrayTest {

    @Test
    void view_rebound_isTheSameObjectDrawingFromTheNewEntity() {
        RandomStreamArray array = RandomStreams.array(5, StreamPurpose.STRATEGY, 10);
        SplitMix64 three = RandomStreams.stream(5, StreamPurpose.STRATEGY, 3);
        SplitMix64 seven = RandomStreams.stream(5, StreamPurpose.STRATEGY, 7);

        RandomGenerator first = array.view(3);
        long fromThree = first.nextLong();
        RandomGenerator second = array.view(7);
        long fromSeven = second.nextLong();

        assertThat(second).isSameAs(first);
        assertThat(fromThree).isEqualTo(three.nextLong());
        assertThat(fromSeven).isEqualTo(seven.nextLong());
        assertThat(first.nextLong()).as("the old reference now draws from entity 7").isEqualTo(seven.nextLong());
    }

    @Test
    void view_interleavedWithDirectDraws_sharesOneStatePerEntity() {
        RandomStreamArray array = RandomStreams.array(5, StreamPurpose.WORKLOAD, 4);
        SplitMix64 reference = RandomStreams.stream(5, StreamPurpose.WORKLOAD, 2);

        assertThat(array.nextLong(2)).isEqualTo(reference.nextLong());
        assertThat(array.view(2).nextDouble()).isEqualTo(reference.nextDouble());
        assertThat(array.nextInt(2, 1000)).isEqualTo(reference.nextInt(1000));
        assertThat(array.view(2).nextGaussian()).isEqualTo(reference.nextGaussian());
        assertThat(array.nextExponential(2)).isEqualTo(reference.nextExponential());
        assertThat(array.nextLong(2, 77)).isEqualTo(reference.nextLong(77));
    }

    @Test
    void nextInt_drawsForOneEntity_leaveTheOtherEntitiesAlone() {
        RandomStreamArray array = RandomStreams.array(5, StreamPurpose.WORKLOAD, 3);
        RandomStreamArray untouched = RandomStreams.array(5, StreamPurpose.WORKLOAD, 3);
        for (int i = 0; i < 100; i++) {
            array.nextInt(1, 10);
        }
        assertThat(array.nextLong(0)).isEqualTo(untouched.nextLong(0));
        assertThat(array.nextLong(2)).isEqualTo(untouched.nextLong(2));
    }

    @Test
    void drawsAndViews_manyEntities_allocateNothing() {
        RandomStreamArray array = RandomStreams.array(1, StreamPurpose.SERVICE, 1_000);
        DurationDistribution service = DurationDistribution.mixture(0.9,
                DurationDistribution.logNormal(Duration.ofMillis(5), Duration.ofMillis(50)),
                DurationDistribution.truncatedNormal(Duration.ofMillis(20), Duration.ofMillis(10)));
        long[] sink = new long[1];
        Runnable block = () -> {
            for (int entity = 0; entity < array.size(); entity++) {
                RandomGenerator rng = array.view(entity);
                sink[0] += rng.nextLong() + rng.nextInt(17) + (long) rng.nextDouble();
                sink[0] += array.nextLong(entity) + array.nextInt(entity, 10) + (long) array.nextExponential(entity);
                sink[0] += service.sampleNanos(array, entity);
            }
        };

        // One object per entity would be at least 16 bytes each, 16 000 in all; allow less than one
        // byte per entity, because the JVM itself (the JIT replacing a running loop) may allocate
        // a few bytes on this thread while we measure.
        assertThat(AllocationMeter.bytesAllocatedBy(block)).as("bytes for %d entities", array.size())
                .isLessThan(array.size());
        assertThat(sink[0]).isNotZero();
    }

    @Test
    void array_millionEntities_allocatesEightBytesPerEntity() {
        // The per-client memory budget: one long per client and purpose, plus a constant.
        long bytes = AllocationMeter.bytesAllocatedBy(() -> RandomStreams.array(1, StreamPurpose.WORKLOAD, 1_000_000));

        assertThat(bytes).isBetween(8_000_000L, 8_000_000L + 1_024);
    }

    @Test
    void nextInt_boundTen_isUniformOverEntitiesAndDraws() {
        RandomStreamArray array = RandomStreams.array(17, StreamPurpose.LOAD_BALANCER, 1_000);
        long[] counts = new long[10];
        for (int round = 0; round < 50; round++) {
            for (int entity = 0; entity < array.size(); entity++) {
                counts[array.nextInt(entity, 10)]++;
            }
        }
        assertThat(Statistics.chiSquareUniform(counts)).isLessThan(Statistics.chiSquareBound(9));
    }

    @Test
    void nextBoolean_probabilityQuarter_isTrueAQuarterOfTheTime() {
        RandomStreamArray array = RandomStreams.array(4, StreamPurpose.FAULT, 100);
        int n = 0;
        int trues = 0;
        for (int round = 0; round < 1_000; round++) {
            for (int entity = 0; entity < array.size(); entity++) {
                n++;
                trues += array.nextBoolean(entity, 0.25) ? 1 : 0;
            }
        }
        // Binomial standard error sqrt(p (1 - p) / n); allow five.
        assertThat((double) trues / n).isBetween(0.25 - 5 * Math.sqrt(0.1875 / n), 0.25 + 5 * Math.sqrt(0.1875 / n));
        assertThat(array.nextBoolean(0, 0.0)).isFalse();
        assertThat(array.nextBoolean(0, 1.0)).isTrue();
    }

    @Test
    void view_entityOutOfRange_isRejected() {
        RandomStreamArray array = RandomStreams.array(1, StreamPurpose.WORKLOAD, 3);

        assertThatThrownBy(() -> array.view(3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("entity 3 is not in [0, 3)");
        assertThatThrownBy(() -> array.view(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void nextInt_boundNotPositive_isRejected() {
        RandomStreamArray array = RandomStreams.array(1, StreamPurpose.WORKLOAD, 3);

        assertThatThrownBy(() -> array.nextInt(0, -4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound must be positive, was -4");
    }
}
