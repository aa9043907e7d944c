package dev.retrylab.strategy.hedge;

/**
 * In-place selection of the k-th smallest of a {@code long[]} prefix, without allocating.
 * Stateless; the array passed in is reordered.
 *
 * <p>The algorithm is Hoare's quickselect ("Algorithm 65: Find", CACM 1961) with a
 * median-of-three pivot and three-way partitioning (Dijkstra's Dutch national flag), so runs of
 * equal latencies cost linear time. As in Musser's introselect ("Introspective Sorting and
 * Selection Algorithms", 1997), after about 2·log2(n) partitioning rounds it falls back to heapsort
 * of the remaining range. Expected cost O(n), worst case O(n log n).
 */
final class Selection {

    private Selection() {
    }

    /**
     * The {@code k}-th smallest (0-based) of {@code values[0, length)}; reorders that prefix.
     *
     * @throws IllegalArgumentException when {@code k} is outside {@code [0, length)}
     */
    static long kthSmallest(long[] values, int length, int k) {
        if (length < 1 || length > values.length || k < 0 || k >= length) {
            throw new IllegalArgumentException("k must be in [0, " + length + "), was " + k);
        }
        int low = 0;
        int high = length - 1;
        int rounds = 2 * (32 - Integer.numberOfLeadingZeros(length));
        while (low < high) {
            if (rounds-- == 0) {
                heapSort(values, low, high + 1);
                return values[k];
            }
            long pivot = medianOf(values[low], values[low + (high - low) / 2], values[high]);
            int less = low;
            int index = low;
            int greater = high;
            while (index <= greater) {
                long value = values[index];
                if (value < pivot) {
                    swap(values, less++, index++);
                } else if (value > pivot) {
                    swap(values, index, greater--);
                } else {
                    index++;
                }
            }
            if (k < less) {
                high = less - 1;
            } else if (k > greater) {
                low = greater + 1;
            } else {
                return pivot;
            }
        }
        return values[k];
    }

    /** Sorts {@code values[from, to)} ascending in place; O(n log n), no allocation. */
    static void heapSort(long[] values, int from, int to) {
        int size = to - from;
        for (int parent = size / 2 - 1; parent >= 0; parent--) {
            siftDown(values, from, parent, size);
        }
        for (int end = size - 1; end > 0; end--) {
            swap(values, from, from + end);
            siftDown(values, from, 0, end);
        }
    }

    private static void siftDown(long[] values, int offset, int parent, int size) {
        int node = parent;
        while (true) {
            int child = 2 * node + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && values[offset + child + 1] > values[offset + child]) {
                child++;
            }
            if (values[offset + node] >= values[offset + child]) {
                return;
            }
            swap(values, offset + node, offset + child);
            node = child;
        }
    }

    private static long medianOf(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(long[] values, int i, int j) {
        long held = values[i];
        values[i] = values[j];
        values[j] = held;
    }
}
