package dev.retrylab.engine;

import java.util.Arrays;

/**
 * The far tier of an {@link EventQueue}: the pending events due at or after the queue's
 * {@code heapLimit}, kept unsorted in time buckets so that with millions of events pending each
 * one is inserted and cancelled in O(1) and sorted only once it comes near, in a heap that stays
 * small. This is a ladder queue (W. T. Tang, R. S. M. Goh and I. L.-J. Thng, "Ladder queue: an O(1)
 * priority queue structure for large-scale discrete event simulation", ACM TOMACS 15(3), 2005),
 * itself a refinement of the calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue
 * implementation for the simulation event set problem", CACM 31(10), 1988), with the queue's
 * indexed heap in place of the ladder queue's sorted bottom list.
 *
 * <p><b>Layout.</b> Three parts, each holding a range of times that the parts below it do not:
 * <ul>
 * <li>the <i>top</i>: an unsorted list of every event due at or after {@code topStart};
 * <li>up to {@value #MAX_RUNGS} <i>rungs</i> (fewer if the queue says so), rung 0 the coarsest. A
 * rung covers [{@code start}, {@code last}] with {@code buckets} buckets of {@code width} nanoseconds; bucket
 * {@code b} holds the events due in [{@code start + b·width}, {@code start + (b+1)·width}).
 * Buckets before the rung's {@code current} have been handed on; {@code low = start +
 * current·width} is where its remaining range begins. Rung r + 1 covers part of a bucket of rung r
 * that has been handed on, so it holds only events before rung r's {@code low};
 * <li>below the finest rung's {@code low} (or {@code topStart} with no rung): the queue's heap.
 * </ul>
 * An event is inserted into the first of top, rung 0, rung 1, … whose lower bound it reaches, else
 * into the heap, so the split is by time alone and events due at the same time always share a part.
 *
 * <p><b>Refilling the heap.</b> When the heap is empty the finest rung's next non-empty bucket is
 * taken out. With at most {@link EventQueue#SPAWN_AT} events, or when they are all due at the
 * same time or no further rung may be added, they go into the heap and the heap's limit rises to
 * the bucket's end; otherwise they are spread over a new, finer rung from their earliest time to
 * the bucket's end. An exhausted rung is dropped; with no rung left, the top is spread over a new
 * rung 0 from its earliest to its latest time, {@code topStart} moving to just after that (or the
 * top is handed to the heap when small). When the heap grows past {@link EventQueue#SPILL_AT} it
 * spills into a new finer rung in the same way, over its own times up to the finest rung's
 * {@code low}. Events due at {@link Long#MAX_VALUE} are never put in a rung (they stay in the top
 * until it goes to the heap), so every bound fits in a {@code long}.
 *
 * <p><b>Bucket width.</b> A rung built from n events over [min, last] has
 * {@code buckets = clamp(n / 2, 4, 2^18)} and a {@code width} of the least power of two above
 * {@code (last - min) / buckets} (a power of two so that a shift finds the bucket): two to four
 * events per bucket on average when times are spread evenly, as Tang et al. size their rungs
 * from the event count; uneven spreads are handled by spawning finer rungs from crowded buckets
 * rather than by estimating a width, which is what the ladder queue adds to Brown's sampled width.
 * Times spread over 2^61 ns or more are not bucketed (they go to the heap), which keeps every
 * bound within a {@code long}.
 *
 * <p>Buckets and the top are intrusive doubly-linked lists through per-slot {@code next} and
 * {@code previous} arrays, so a bucket costs one {@code int} and an event is unlinked in O(1)
 * without a search; a slot's {@code position} in the queue records which list holds it. Arrays
 * grow by doubling and are reused. Not thread-safe; owned by one {@link EventQueue}.
 */
final class EventLadder {

    static final int MAX_RUNGS = 8;
    static final int MAX_BUCKETS = 1 << 18;
    private static final int TOP = 0;
    private static final long MAX_SPREAD = 1L << 61;

    private final EventQueue queue;
    private final int spawnAt;
    private final int maxRungs;
    private long rungsAdded;

    private int topHead = -1;
    private long topStart = Long.MAX_VALUE;

    private int rungs;
    private final long[] start = new long[MAX_RUNGS];
    private final long[] width = new long[MAX_RUNGS];
    private final int[] shift = new int[MAX_RUNGS];
    private final long[] last = new long[MAX_RUNGS];
    private final long[] low = new long[MAX_RUNGS];
    private final int[] buckets = new int[MAX_RUNGS];
    private final int[] current = new int[MAX_RUNGS];
    private final int[][] heads = new int[MAX_RUNGS][];

    EventLadder(EventQueue queue, int spawnAt, int maxRungs) {
        if (spawnAt < 1 || maxRungs < 1 || maxRungs > MAX_RUNGS) {
            throw new IllegalArgumentException("spawn threshold " + spawnAt + ", rungs " + maxRungs);
        }
        this.queue = queue;
        this.spawnAt = spawnAt;
        this.maxRungs = maxRungs;
    }

    /** Forgets the rungs once nothing is pending, so that the queue is the plain heap again. */
    void clear() {
        rungs = 0;
        topHead = -1;
        topStart = Long.MAX_VALUE;
        queue.heapLimit = Long.MAX_VALUE;
    }

    /** Adds a slot due at {@code time}, which is at or after the queue's heap limit. */
    void insert(int slot, long time) {
        if (time >= topStart) {
            link(slot, TOP);
            return;
        }
        int r = 0;
        while (time < low[r]) {
            r++;
        }
        link(slot, bucketList(r, (int) ((time - start[r]) >>> shift[r])));
    }

    /** Unlinks a pending slot that is in the ladder. */
    void unlink(int slot) {
        int list = -2 - queue.position(slot);
        int before = previous(slot);
        int after = next(slot);
        if (before >= 0) {
            next(before, after);
        } else if (list == TOP) {
            topHead = after;
        } else {
            heads[(list - 1) / MAX_BUCKETS][(list - 1) % MAX_BUCKETS] = after;
        }
        if (after >= 0) {
            previous(after, before);
        }
    }

    /** Moves the next events into the queue's empty heap; only when events are pending. */
    void refill() {
        while (true) {
            if (rungs == 0) {
                refillFromTop();
                return;
            }
            int r = rungs - 1;
            int[] head = heads[r];
            int b = current[r];
            int end = buckets[r];
            while (b < end && head[b] < 0) {
                b++;
            }
            if (b == end) {
                rungs--;
                updateHeapLimit();
                continue;
            }
            int list = head[b];
            head[b] = -1;
            setCurrent(r, b + 1);
            int count = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int slot = list; slot >= 0; slot = next(slot)) {
                long time = queue.time(slot);
                min = Math.min(min, time);
                max = Math.max(max, time);
                count++;
            }
            if (count > spawnAt && min < max && rungs < maxRungs) {
                addRung(list, count, min, low[r] - 1);
            } else {
                toHeap(list);
                return;
            }
        }
    }

    /**
     * Spreads the queue's heap (grown past its threshold) over a new, finer rung; false if the heap
     * has to stay as it is (all due at one time, no room for a rung, or too wide a spread).
     */
    boolean spill() {
        int size = queue.heapSize;
        long min = queue.heapTimeAt(0);
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, queue.heapTimeAt(i));
        }
        long cover = rungs > 0 ? low[rungs - 1] - 1 : Math.min(max, topStart - 1);
        long spread = cover - min;
        if (rungs == maxRungs || min >= cover || spread < 0 || spread >= MAX_SPREAD) {
            return false;
        }
        int list = -1;
        for (int i = 0; i < size; i++) {
            int slot = queue.heapSlotAt(i);
            next(slot, list);
            list = slot;
        }
        if (rungs == 0) {
            topStart = cover + 1;
        }
        addRung(list, size, min, cover);
        return true;
    }

    long rungsAdded() {
        return rungsAdded;
    }

    private void refillFromTop() {
        int list = topHead;
        if (list < 0) {
            throw new IllegalStateException("no events left to refill the heap with");
        }
        topHead = -1;
        int count = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int slot = list; slot >= 0; slot = next(slot)) {
            long time = queue.time(slot);
            min = Math.min(min, time);
            max = Math.max(max, time);
            count++;
        }
        long cover = Math.min(max, Long.MAX_VALUE - 1);
        long spread = cover - min;
        if (count <= spawnAt || min >= cover || spread < 0 || spread >= MAX_SPREAD) {
            topStart = Long.MAX_VALUE;
            queue.heapLimit = Long.MAX_VALUE;
            toHeap(list);
            return;
        }
        topStart = cover + 1;
        addRung(list, count, min, cover);
        refill();
    }

    /**
     * Adds a rung over [min, cover] holding the given list; events in it due after {@code cover}
     * (only at {@code Long.MAX_VALUE}, from the top or a spill) go to the top.
     */
    private void addRung(int list, int count, long min, long cover) {
        int r = rungs++;
        rungsAdded++;
        int n = Math.max(4, Math.min(MAX_BUCKETS, count / 2));
        start[r] = min;
        shift[r] = 64 - Long.numberOfLeadingZeros((cover - min) / n);
        width[r] = 1L << shift[r];
        last[r] = cover;
        buckets[r] = n;
        if (heads[r] == null || heads[r].length < n) {
            heads[r] = new int[Math.max(n, heads[r] == null ? 0 : 2 * heads[r].length)];
        }
        Arrays.fill(heads[r], 0, n, -1);
        setCurrent(r, 0);
        int slot = list;
        while (slot >= 0) {
            int following = next(slot);
            long time = queue.time(slot);
            if (time > cover) {
                link(slot, TOP);
            } else {
                link(slot, bucketList(r, (int) ((time - min) >>> shift[r])));
            }
            slot = following;
        }
    }

    private void setCurrent(int r, int bucket) {
        current[r] = bucket;
        long offset = bucket * width[r];
        low[r] = offset > last[r] - start[r] ? last[r] + 1 : start[r] + offset;
        updateHeapLimit();
    }

    private void updateHeapLimit() {
        queue.heapLimit = rungs > 0 ? low[rungs - 1] : topStart;
    }

    private void toHeap(int list) {
        int slot = list;
        while (slot >= 0) {
            int following = next(slot);
            queue.pushToHeap(slot);
            slot = following;
        }
    }

    private static int bucketList(int rung, int bucket) {
        return 1 + rung * MAX_BUCKETS + bucket;
    }

    private void link(int slot, int list) {
        int first;
        if (list == TOP) {
            first = topHead;
            topHead = slot;
        } else {
            int[] head = heads[(list - 1) / MAX_BUCKETS];
            int bucket = (list - 1) % MAX_BUCKETS;
            first = head[bucket];
            head[bucket] = slot;
        }
        next(slot, first);
        previous(slot, -1);
        if (first >= 0) {
            previous(first, slot);
        }
        queue.position(slot, -2 - list);
    }

    private int next(int slot) {
        return queue.links[EventQueue.LINKS * slot + EventQueue.NEXT];
    }

    private void next(int slot, int value) {
        queue.links[EventQueue.LINKS * slot + EventQueue.NEXT] = value;
    }

    private int previous(int slot) {
        return queue.links[EventQueue.LINKS * slot + EventQueue.PREVIOUS];
    }

    private void previous(int slot, int value) {
        queue.links[EventQueue.LINKS * slot + EventQueue.PREVIOUS] = value;
    }
}
