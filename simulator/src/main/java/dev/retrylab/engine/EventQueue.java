package dev.retrylab.engine;

import java.util.Arrays;

/**
 * The pending events of a {@link Simulation}: a slab of parallel primitive arrays holding each
 * event's target and values, and an indexed 4-ary min-heap over the slab's slots ordered by
 * (time, sequence). Nothing is allocated per event; the arrays double when full and are reused
 * through a free list.
 *
 * <p>The heap keeps each entry's time and sequence beside the slot index in its own arrays, so
 * sifting compares neighbouring array elements instead of chasing slot indices into the slab; the
 * slab records each slot's heap position so that cancelling removes an event in O(log n). A 4-ary
 * heap halves the depth of a binary one and keeps a node's children in one or two cache lines
 * (LaMarca and Ladner, "The influence of caches on the performance of heaps", 1996). The indexed
 * heap with a position map is the textbook structure for decrease-key and delete (Sedgewick and
 * Wayne, <i>Algorithms</i>, 4th ed., IndexMinPQ).
 *
 * <p>A handle packs a slot's generation into its upper 32 bits and the slot into its lower 32.
 * Freeing a slot bumps its generation, so a handle to an event that has run or been cancelled no
 * longer matches and cannot cancel the event that later reuses the slot (unless the slot is
 * reused 2<sup>32</sup> times while the handle is kept).
 *
 * <p>Not thread-safe; owned by one {@link Simulation}.
 */
final class EventQueue {

    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    // the heap, by heap index
    private long[] heapTime;
    private long[] heapSequence;
    private int[] heapSlot;
    private int size;

    // the slab, by slot
    private EventTarget[] target;
    private int[] kind;
    private int[] entity;
    private long[] payload;
    private int[] position;
    private int[] generation;
    private int[] nextFree;
    private int freeHead = -1;
    private int slotsUsed;

    private long nextSequence;

    EventQueue(int initialCapacity) {
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
        position = new int[initialCapacity];
        generation = new int[initialCapacity];
        nextFree = new int[initialCapacity];
    }

    /** Adds an event and returns its handle. */
    long add(long time, EventTarget eventTarget, int eventKind, int eventEntity, long eventPayload) {
        int slot = allocateSlot();
        target[slot] = eventTarget;
        kind[slot] = eventKind;
        entity[slot] = eventEntity;
        payload[slot] = eventPayload;
        siftUp(size++, time, nextSequence++, slot);
        return ((long) generation[slot] << 32) | (slot & 0xFFFF_FFFFL);
    }

    /** Removes the event behind {@code handle}; false if it already ran, was cancelled or never existed. */
    boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (handle >>> 32) || position[slot] < 0) {
            return false;
        }
        removeAt(position[slot]);
        release(slot);
        return true;
    }

    int size() {
        return size;
    }

    /** The time of the earliest event; only when {@link #size()} is above zero. */
    long minTime() {
        return heapTime[0];
    }

    /**
     * Takes the earliest event off the heap and returns its slot, whose values stay readable until
     * {@link #release}.
     */
    int removeMin() {
        int slot = heapSlot[0];
        removeAt(0);
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
        position[slot] = -1;
        generation[slot]++;
        nextFree[slot] = freeHead;
        freeHead = slot;
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
        position[heapSlot[index]] = -1;
        int last = --size;
        if (index == last) {
            return;
        }
        long time = heapTime[last];
        long sequence = heapSequence[last];
        int slot = heapSlot[last];
        siftDown(index, time, sequence, slot);
        if (heapSlot[index] == slot) {
            siftUp(index, time, sequence, slot);
        }
    }

    private void siftUp(int index, long time, long sequence, int slot) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long parentTime = heapTime[parent];
            if (parentTime < time || (parentTime == time && heapSequence[parent] < sequence)) {
                break;
            }
            moveTo(parent, i);
            i = parent;
        }
        place(i, time, sequence, slot);
    }

    private void siftDown(int index, long time, long sequence, int slot) {
        int lastParent = (size - 2) >> 2;
        int i = index;
        while (i <= lastParent) {
            int first = (i << 2) + 1;
            int end = Math.min(first + 4, size);
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
            if (time < bestTime || (time == bestTime && sequence < bestSequence)) {
                break;
            }
            moveTo(best, i);
            i = best;
        }
        place(i, time, sequence, slot);
    }

    private void moveTo(int from, int to) {
        heapTime[to] = heapTime[from];
        heapSequence[to] = heapSequence[from];
        int slot = heapSlot[from];
        heapSlot[to] = slot;
        position[slot] = to;
    }

    private void place(int index, long time, long sequence, int slot) {
        heapTime[index] = time;
        heapSequence[index] = sequence;
        heapSlot[index] = slot;
        position[slot] = index;
    }

    private void grow() {
        int capacity = target.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("too many pending events: " + capacity);
        }
        int grown = (int) Math.min(2L * capacity, MAX_CAPACITY);
        heapTime = Arrays.copyOf(heapTime, grown);
        heapSequence = Arrays.copyOf(heapSequence, grown);
        heapSlot = Arrays.copyOf(heapSlot, grown);
        target = Arrays.copyOf(target, grown);
        kind = Arrays.copyOf(kind, grown);
        entity = Arrays.copyOf(entity, grown);
        payload = Arrays.copyOf(payload, grown);
        position = Arrays.copyOf(position, grown);
        generation = Arrays.copyOf(generation, grown);
        nextFree = Arrays.copyOf(nextFree, grown);
    }
}
