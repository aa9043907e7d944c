package dev.retrylab.strategy.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void kthSmallest_randomArrays_matchesSortedOrder() {
        for (long seed = 0; seed < 2000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int length = 1 + random.nextInt(300);
            long bound = random.nextBoolean() ? 5 : 1_000_000_000L;
            long[] values = new long[length + random.nextInt(5)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextLong(bound);
            }
            long[] sorted = Arrays.copyOf(values, length);
            Arrays.sort(sorted);
            int k = random.nextInt(length);

            long selected = Selection.kthSmallest(values, length, k);

            assertThat(selected).as("seed %d, length %d, k %d", seed, length, k).isEqualTo(sorted[k]);
        }
    }

    @Test
    void kthSmallest_adversarialShapes_matchesSortedOrderForEveryRank() {
        int length = 257;
        long[][] shapes = new long[4][length];
        for (int i = 0; i < length; i++) {
            shapes[0][i] = i;
            shapes[1][i] = length - i;
            shapes[2][i] = 7;
            shapes[3][i] = Math.min(i, length - i);
        }
        for (long[] shape : shapes) {
            long[] sorted = shape.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < length; k++) {
                assertThat(Selection.kthSmallest(shape.clone(), length, k)).isEqualTo(sorted[k]);
            }
        }
    }

    @Test
    void heapSort_range_sortsOnlyThatRange() {
        for (long seed = 0; seed < 500; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] values = random.longs(50, -100, 100).toArray();
            long[] expected = values.clone();
            int from = random.nextInt(25);
            int to = from + random.nextInt(26);
            Arrays.sort(expected, from, to);

            Selection.heapSort(values, from, to);

            assertThat(values).as("seed %d", seed).containsExactly(expected);
        }
    }

    @Test
    void kthSmallest_rankOutsideLength_throws() {
        assertThatThrownBy(() -> Selection.kthSmallest(new long[3], 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be in [0, 3)");
    }
}
