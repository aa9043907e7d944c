package dev.retrylab.engine;

import java.util.Arrays;

/**
 * The pending events of a {@link Simulation}: a slab of parallel primitive arrays holding each
 * event's target, values, time and sequence number, an indexed 4-ary min-heap for the near future,
 * and an {@link EventLadder} of unsorted time buckets for the events further ahead. Nothing is
 * allocated per event; the arrays double when full and are reused through a free list.
 *
 * <p><b>Tiers.</b> The heap holds exactly the events due before {@link #heapLimit}; the ladder
 * holds every later one. Because the split is by time alone, events due at the same time are
 * always in the same tier, and the heap orders them by (time, sequence) as before. When the heap
 * runs dry the ladder hands it its next non-empty bucket and raises the limit to that bucket's
 * end; when the heap grows past a threshold it spills its events into a new, finer ladder rung.
 * With few events pending (at most {@value #SPILL_AT} in the heap) the ladder stays empty and the
 * queue is the plain heap. See {@link EventLadder} for the bucket rules and their sources.
 *
 * <p><b>Heap.</b> The heap keeps each entry's time and sequence beside the slot index in its own
 * arrays, so sifting compares neighbouring array elements instead of chasing slot indices into the
 * slab; the slab records each slot's heap position so that cancelling removes an event in
 * O(log n). A 4-ary heap halves the depth of a binary one and keeps a node's children in one or two
 * cache lines (LaMarca and Ladner, "The influence of caches on the performance of heaps", 1996).
 * The indexed heap with a position map is the textbook structure for decrease-key and delete
 * (Sedgewick and Wayne, <i>Algorithms</i>, 4th ed., IndexMinPQ).
 *
 * <p><b>Handles.</b> A handle packs a slot's generation into its upper 32 bits and the slot into
 * its lower 32. Freeing a slot bumps its generation, so a handle to an event that has run or been
 * cancelled no longer matches and cannot cancel the event that later reuses the slot (unless the
 * slot is reused 2<sup>32</sup> times while the handle is kept). A slot's {@code position} is its
 * heap index (zero or more), {@link #FREE} when it holds no pending event, or a ladder list code
 * (below {@code FREE}).
 *
 * <p>Not thread-safe; owned by one {@link Simulation}.
 */
final class EventQueue {

    static final int FREE = -1;
    /** Heap size above which the heap spills into a ladder rung (with hysteresis, see {@link #spillAt}). */
    static final int SPILL_AT = 2048;
    /** Bucket size above which a bucket is spread over a finer rung instead of going to the heap. */
    static final int SPAWN_AT = 64;

    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    // the heap, by heap index
    private long[] heapTime;
    private long[] heapSequence;
    private int[] heapSlot;
    int heapSize;
    /** Events due before this time are in the heap; all others are in the ladder. */
    long heapLimit = Long.MAX_VALUE;
    private final int spillThreshold;
    private int spillAt;

    // the slab, by slot
    private EventTarget[] target;
    private int[] kind;
    private int[] entity;
    private long[] payload;
    long[] time;
    private long[] sequence;
    int[] position;
    private int[] generation;
    private int[] nextFree;
    private int freeHead = -1;
    private int slotsUsed;

    private final EventLadder ladder;
    private int size;
    private long nextSequence;

    EventQueue(int initialCapacity) {
        this(initialCapacity, SPILL_AT, SPAWN_AT, EventLadder.MAX_RUNGS);
    }

    /**
     * A queue with the given tier thresholds (see {@link EventLadder}); tests lower them so that
     * few events exercise every tier.
     */
    EventQueue(int initialCapacity, int spillThreshold, int spawnThreshold, int maxRungs) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initial capacity must be at least 1, was " + initialCapacity);
        }
        heapTime = new long[initialCapacity];
        heapSequence = new long[initialCapacity];
        heapSlot = new int[initialCapacity];
        target = new EventTarget[initialCapacity];
        kind = new int[initialCapacity];
        entity = new int[initialCapacity];
        payload = new long[initialCapacity];
        time = new long[initialCapacity];
        sequence = new long[initialCapacity];
        position = new int[initialCapacity];
        generation = new int[initialCapacity];
        nextFree = new int[initialCapacity];
        this.spillThreshold = spillThreshold;
        this.spillAt = spillThreshold;
        ladder = new EventLadder(this, initialCapacity, spawnThreshold, maxRungs);
    }

    /** Adds an event and returns its handle. */
    long add(long eventTime, EventTarget eventTarget, int eventKind, int eventEntity, long eventPayload) {
        if (size == 0) {
            ladder.clear();
        }
        int slot = allocateSlot();
        target[slot] = eventTarget;
        kind[slot] = eventKind;
        entity[slot] = eventEntity;
        payload[slot] = eventPayload;
        long eventSequence = nextSequence++;
        time[slot] = eventTime;
        sequence[slot] = eventSequence;
        size++;
        if (eventTime < heapLimit) {
            if (heapSize == heapSlot.length) {
                growHeap();
            }
            siftUp(heapSize++, eventTime, eventSequence, slot);
            if (heapSize > spillAt) {
                spill();
            }
        } else {
            ladder.insert(slot, eventTime);
        }
        return ((long) generation[slot] << 32) | (slot & 0xFFFF_FFFFL);
    }

    /** Removes the event behind {@code handle}; false if it already ran, was cancelled or never existed. */
    boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (handle >>> 32) || position[slot] == FREE) {
            return false;
        }
        int at = position[slot];
        if (at >= 0) {
            removeAt(at);
        } else {
            ladder.unlink(slot);
        }
        size--;
        release(slot);
        return true;
    }

    int size() {
        return size;
    }

    /** The time of the earliest event; only when {@link #size()} is above zero. */
    long minTime() {
        if (heapSize == 0) {
            refill();
        }
        return heapTime[0];
    }

    /**
     * Takes the earliest event out and returns its slot, whose values stay readable until
     * {@link #release}; only when {@link #size()} is above zero.
     */
    int removeMin() {
        if (heapSize == 0) {
            refill();
        }
        int slot = heapSlot[0];
        removeAt(0);
        size--;
        return slot;
    }

    EventTarget target(int slot) {
        return target[slot];
    }

    int kind(int slot) {
        return kind[slot];
    }

    int entity(int slot) {
        return entity[slot];
    }

    long payload(int slot) {
        return payload[slot];
    }

    /** Returns a slot taken by {@link #removeMin} to the free list; its handle goes stale. */
    void release(int slot) {
        target[slot] = null;
        position[slot] = FREE;
        generation[slot]++;
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    /** Puts a slot that the ladder hands over into the heap; its time is before {@link #heapLimit}. */
    void pushToHeap(int slot) {
        if (heapSize == heapSlot.length) {
            growHeap();
        }
        siftUp(heapSize++, time[slot], sequence[slot], slot);
    }

    /** The heap's entries, for the ladder to spill: time at {@code index} (below {@link #heapSize}). */
    long heapTimeAt(int index) {
        return heapTime[index];
    }

    int heapSlotAt(int index) {
        return heapSlot[index];
    }

    /** Rungs added to the ladder so far, for tests that check the ladder was used. */
    long rungsAdded() {
        return ladder.rungsAdded();
    }

    private void refill() {
        ladder.refill();
        spillAt = Math.max(spillThreshold, 2 * heapSize);
    }

    private void spill() {
        if (ladder.spill()) {
            heapSize = 0;
        }
        spillAt = Math.max(spillThreshold, 2 * heapSize);
    }

    private int allocateSlot() {
        int slot = freeHead;
        if (slot >= 0) {
            freeHead = nextFree[slot];
            return slot;
        }
        if (slotsUsed == target.length) {
            grow();
        }
        return slotsUsed++;
    }

    private void removeAt(int index) {
        position[heapSlot[index]] = FREE;
        int last = --heapSize;
        if (index == last) {
            return;
        }
        long lastTime = heapTime[last];
        long lastSequence = heapSequence[last];
        int slot = heapSlot[last];
        siftDown(index, lastTime, lastSequence, slot);
        if (heapSlot[index] == slot) {
            siftUp(index, lastTime, lastSequence, slot);
        }
    }

    private void siftUp(int index, long entryTime, long entrySequence, int slot) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long parentTime = heapTime[parent];
            if (parentTime < entryTime || (parentTime == entryTime && heapSequence[parent] < entrySequence)) {
                break;
            }
            moveTo(parent, i);
            i = parent;
        }
        place(i, entryTime, entrySequence, slot);
    }

    private void siftDown(int index, long entryTime, long entrySequence, int slot) {
        int lastParent = (heapSize - 2) >> 2;
        int i = index;
        while (i <= lastParent) {
            int first = (i << 2) + 1;
            int end = Math.min(first + 4, heapSize);
            int best = first;
            long bestTime = heapTime[first];
            long bestSequence = heapSequence[first];
            for (int child = first + 1; child < end; child++) {
                long childTime = heapTime[child];
                if (childTime < bestTime || (childTime == bestTime && heapSequence[child] < bestSequence)) {
                    best = child;
                    bestTime = childTime;
                    bestSequence = heapSequence[child];
                }
            }
            if (entryTime < bestTime || (entryTime == bestTime && entrySequence < bestSequence)) {
                break;
            }
            moveTo(best, i);
            i = best;
        }
        place(i, entryTime, entrySequence, slot);
    }

    private void moveTo(int from, int to) {
        heapTime[to] = heapTime[from];
        heapSequence[to] = heapSequence[from];
        int slot = heapSlot[from];
        heapSlot[to] = slot;
        position[slot] = to;
    }

    private void place(int index, long entryTime, long entrySequence, int slot) {
        heapTime[index] = entryTime;
        heapSequence[index] = entrySequence;
        heapSlot[index] = slot;
        position[slot] = index;
    }

    private void grow() {
        int capacity = target.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("too many pending events: " + capacity);
        }
        int grown = (int) Math.min(2L * capacity, MAX_CAPACITY);
        target = Arrays.copyOf(target, grown);
        kind = Arrays.copyOf(kind, grown);
        entity = Arrays.copyOf(entity, grown);
        payload = Arrays.copyOf(payload, grown);
        time = Arrays.copyOf(time, grown);
        sequence = Arrays.copyOf(sequence, grown);
        position = Arrays.copyOf(position, grown);
        generation = Arrays.copyOf(generation, grown);
        nextFree = Arrays.copyOf(nextFree, grown);
        ladder.grow(grown);
    }

    /** The heap grows on its own: with the ladder holding the far future it stays smaller than the slab. */
    private void growHeap() {
        int grown = (int) Math.min(2L * heapSlot.length, MAX_CAPACITY);
        heapTime = Arrays.copyOf(heapTime, grown);
        heapSequence = Arrays.copyOf(heapSequence, grown);
        heapSlot = Arrays.copyOf(heapSlot, grown);
    }
}
