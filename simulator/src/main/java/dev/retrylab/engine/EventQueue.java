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

    // the slab, by slot: VALUES longs and LINKS ints per slot, so that an event's fields share a
    // cache line or two; with a million events pending, one array per field would cost a cache
    // miss per field each time an event is touched
    static final int VALUES = 4;
    private static final int TIME = 0;
    private static final int SEQUENCE = 1;
    private static final int PAYLOAD = 2;
    /** The kind in the high 32 bits, the entity in the low 32. */
    private static final int KIND_AND_ENTITY = 3;
    static final int LINKS = 4;
    private static final int POSITION = 0;
    private static final int GENERATION = 1;
    /** The ladder's links within a list; {@code NEXT} is the free list's link while the slot is free. */
    static final int NEXT = 2;
    static final int PREVIOUS = 3;
    private long[] values;
    int[] links;
    private EventTarget[] target;
    private int freeHead = -1;
    private int slotsUsed;

    private final EventLadder ladder;
    /** Events in the heap and the ladder. */
    private int size;
    private long nextSequence;
    /** Incremented whenever events are added or cancelled, so that a selected next event is checked. */
    private int changes;

    private FixedDelayLane[] lanes = new FixedDelayLane[4];
    private int laneCount;
    /** Events pending in lanes. */
    private int lanePending;

    // the next event: chosen by nextDueBy, taken out by take
    private static final int HEAP = -1;
    private int selected;
    private int selectedAt;
    long polledTime;
    EventTarget polledTarget;
    int polledKind;
    int polledEntity;
    long polledPayload;

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
        values = new long[VALUES * initialCapacity];
        links = new int[LINKS * initialCapacity];
        this.spillThreshold = spillThreshold;
        this.spillAt = spillThreshold;
        ladder = new EventLadder(this, spawnThreshold, maxRungs);
    }

    /** Adds an event and returns its handle. */
    long add(long eventTime, EventTarget eventTarget, int eventKind, int eventEntity, long eventPayload) {
        if (size == 0) {
            ladder.clear();
        }
        changes++;
        int slot = allocateSlot();
        target[slot] = eventTarget;
        long eventSequence = nextSequence++;
        int at = VALUES * slot;
        values[at + TIME] = eventTime;
        values[at + SEQUENCE] = eventSequence;
        values[at + PAYLOAD] = eventPayload;
        values[at + KIND_AND_ENTITY] = ((long) eventKind << 32) | (eventEntity & 0xFFFF_FFFFL);
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
        return ((long) links[LINKS * slot + GENERATION] << 32) | (slot & 0xFFFF_FFFFL);
    }

    /** The lane of events {@code delayNanos} after they are scheduled, made on first use. */
    FixedDelayLane lane(Simulation simulation, long delayNanos) {
        for (int i = 0; i < laneCount; i++) {
            if (lanes[i].delayNanos() == delayNanos) {
                return lanes[i];
            }
        }
        if (laneCount == FixedDelayLane.MAX_LANES) {
            throw new IllegalStateException("too many fixed-delay lanes: " + laneCount);
        }
        if (laneCount == lanes.length) {
            lanes = Arrays.copyOf(lanes, 2 * laneCount);
        }
        FixedDelayLane lane = new FixedDelayLane(simulation, this, laneCount, delayNanos);
        lanes[laneCount++] = lane;
        return lane;
    }

    long nextSequence() {
        changes++;
        return nextSequence++;
    }

    void lanePendingChanged(int delta) {
        changes++;
        lanePending += delta;
    }

    /** Sets the event taken out last, for the simulation to run. */
    void polled(long eventTime, EventTarget eventTarget, int eventKind, int eventEntity, long eventPayload) {
        polledTime = eventTime;
        polledTarget = eventTarget;
        polledKind = eventKind;
        polledEntity = eventEntity;
        polledPayload = eventPayload;
    }

    /**
     * Whether an event is pending at or before {@code limitNanos}; if so, selects the earliest
     * (by time, then scheduling order) across the heap, the ladder and the lanes for {@link #take}.
     */
    boolean nextDueBy(long limitNanos) {
        boolean found = false;
        long bestTime = Long.MAX_VALUE;
        long bestSequence = Long.MAX_VALUE;
        if (size > 0) {
            if (heapSize == 0) {
                refill();
            }
            bestTime = heapTime[0];
            bestSequence = heapSequence[0];
            selected = HEAP;
            found = true;
        }
        if (lanePending > 0) {
            for (int i = 0; i < laneCount; i++) {
                FixedDelayLane lane = lanes[i];
                if (lane.pending() > 0) {
                    long laneTime = lane.frontTime();
                    if (!found || laneTime < bestTime
                            || (laneTime == bestTime && lane.frontSequence() < bestSequence)) {
                        bestTime = laneTime;
                        bestSequence = lane.frontSequence();
                        selected = i;
                        found = true;
                    }
                }
            }
        }
        selectedAt = changes;
        return found && bestTime <= limitNanos;
    }

    /**
     * Takes the event chosen by the last {@link #nextDueBy} out into the polled fields; if events
     * were added or cancelled since, chooses again first. Only after {@code nextDueBy} returned true.
     */
    void take() {
        if (selectedAt != changes && !nextDueBy(Long.MAX_VALUE)) {
            throw new IllegalStateException("no event left to take");
        }
        if (selected != HEAP) {
            lanes[selected].poll();
            return;
        }
        int slot = heapSlot[0];
        removeAt(0);
        size--;
        int at = VALUES * slot;
        long kindAndEntity = values[at + KIND_AND_ENTITY];
        polled(values[at + TIME], target[slot], (int) (kindAndEntity >>> 32), (int) kindAndEntity, values[at + PAYLOAD]);
        release(slot);
    }

    /** Removes the event behind {@code handle}; false if it already ran, was cancelled or never existed. */
    boolean cancel(long handle) {
        if (handle < 0) {
            int lane = FixedDelayLane.laneOf(handle);
            return handle != Simulation.NO_EVENT && lane < laneCount && lanes[lane].cancel(handle);
        }
        changes++;
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || links[LINKS * slot + GENERATION] != (int) (handle >>> 32)
                || position(slot) == FREE) {
            return false;
        }
        int at = position(slot);
        if (at >= 0) {
            removeAt(at);
        } else {
            ladder.unlink(slot);
        }
        size--;
        release(slot);
        return true;
    }

    /** Events pending in the heap, the ladder and the lanes. */
    int size() {
        return size + lanePending;
    }

    /** Returns a slot taken out of the heap to the free list; its handle goes stale. */
    private void release(int slot) {
        target[slot] = null;
        int at = LINKS * slot;
        links[at + POSITION] = FREE;
        links[at + GENERATION] = (links[at + GENERATION] + 1) & Integer.MAX_VALUE;
        links[at + NEXT] = freeHead;
        freeHead = slot;
    }

    /** The time of a pending event. */
    long time(int slot) {
        return values[VALUES * slot + TIME];
    }

    /** A slot's heap index, {@link #FREE}, or a ladder list code (below {@code FREE}). */
    int position(int slot) {
        return links[LINKS * slot + POSITION];
    }

    void position(int slot, int value) {
        links[LINKS * slot + POSITION] = value;
    }

    /** Puts a slot that the ladder hands over into the heap; its time is before {@link #heapLimit}. */
    void pushToHeap(int slot) {
        if (heapSize == heapSlot.length) {
            growHeap();
        }
        int at = VALUES * slot;
        siftUp(heapSize++, values[at + TIME], values[at + SEQUENCE], slot);
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
            freeHead = links[LINKS * slot + NEXT];
            return slot;
        }
        if (slotsUsed == target.length) {
            grow();
        }
        return slotsUsed++;
    }

    private void removeAt(int index) {
        position(heapSlot[index], FREE);
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
        position(slot, to);
    }

    private void place(int index, long entryTime, long entrySequence, int slot) {
        heapTime[index] = entryTime;
        heapSequence[index] = entrySequence;
        heapSlot[index] = slot;
        position(slot, index);
    }

    private void grow() {
        int capacity = target.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("too many pending events: " + capacity);
        }
        int grown = (int) Math.min(2L * capacity, MAX_CAPACITY);
        target = Arrays.copyOf(target, grown);
        values = Arrays.copyOf(values, VALUES * grown);
        links = Arrays.copyOf(links, LINKS * grown);
    }

    /** The heap grows on its own: with the ladder holding the far future it stays smaller than the slab. */
    private void growHeap() {
        int grown = (int) Math.min(2L * heapSlot.length, MAX_CAPACITY);
        heapTime = Arrays.copyOf(heapTime, grown);
        heapSequence = Arrays.copyOf(heapSequence, grown);
        heapSlot = Arrays.copyOf(heapSlot, grown);
    }
}
