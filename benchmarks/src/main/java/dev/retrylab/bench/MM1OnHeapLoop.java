package dev.retrylab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The same queues as {@link MM1OnSimulation}, hand-written as one loop over a binary min-heap of
 * primitive arrays ordered by (time, scheduling order): the fastest plain way to run the model,
 * and the yardstick the engine is measured against. Draws the same random numbers in the same
 * order, so for one seed both produce the same customers and the same times ({@code MM1ModelTest}
 * checks it).
 */
final class MM1OnHeapLoop {

    private final double meanInterarrivalNanos;
    private final double meanServiceNanos;
    private final int[] inSystem;
    private final long[] lastChange;
    private long[] time = new long[1024];
    private long[] order = new long[1024];
    private int[] event = new int[1024]; // queue * 2 + kind
    private int size;
    private long nextOrder;
    private long now;
    private SplittableRandom random;
    private long completed;
    private long timeInSystemNanos;

    MM1OnHeapLoop(int queues, double meanInterarrivalNanos, double meanServiceNanos) {
        this.meanInterarrivalNanos = meanInterarrivalNanos;
        this.meanServiceNanos = meanServiceNanos;
        this.inSystem = new int[queues];
        this.lastChange = new long[queues];
    }

    void run(long seed, long customers) {
        random = new SplittableRandom(seed);
        completed = 0;
        timeInSystemNanos = 0;
        long arrivalsToSchedule = customers;
        for (int queue = 0; queue < inSystem.length && arrivalsToSchedule > 0; queue++) {
            arrivalsToSchedule--;
            push(now + draw(meanInterarrivalNanos), queue * 2);
        }
        while (size > 0) {
            now = time[0];
            int next = event[0];
            pop();
            int queue = next >>> 1;
            timeInSystemNanos += inSystem[queue] * (now - lastChange[queue]);
            lastChange[queue] = now;
            if ((next & 1) == 0) {
                if (arrivalsToSchedule > 0) {
                    arrivalsToSchedule--;
                    push(now + draw(meanInterarrivalNanos), queue * 2);
                }
                if (inSystem[queue]++ == 0) {
                    push(now + draw(meanServiceNanos), queue * 2 + 1);
                }
            } else {
                completed++;
                if (--inSystem[queue] > 0) {
                    push(now + draw(meanServiceNanos), queue * 2 + 1);
                }
            }
        }
    }

    private long draw(double mean) {
        return (long) (-Math.log(1.0 - random.nextDouble()) * mean);
    }

    private void push(long at, int what) {
        if (size == time.length) {
            time = Arrays.copyOf(time, size * 2);
            order = Arrays.copyOf(order, size * 2);
            event = Arrays.copyOf(event, size * 2);
        }
        long seq = nextOrder++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (time[parent] < at || (time[parent] == at && order[parent] < seq)) {
                break;
            }
            time[i] = time[parent];
            order[i] = order[parent];
            event[i] = event[parent];
            i = parent;
        }
        time[i] = at;
        order[i] = seq;
        event[i] = what;
    }

    private void pop() {
        int last = --size;
        long at = time[last];
        long seq = order[last];
        int what = event[last];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && (time[right] < time[child] || (time[right] == time[child] && order[right] < order[child]))) {
                child = right;
            }
            if (at < time[child] || (at == time[child] && seq < order[child])) {
                break;
            }
            time[i] = time[child];
            order[i] = order[child];
            event[i] = event[child];
            i = child;
        }
        time[i] = at;
        order[i] = seq;
        event[i] = what;
    }

    long completed() {
        return completed;
    }

    long timeInSystemNanos() {
        return timeInSystemNanos;
    }
}
