package dev.retrylab.engine;

import dev.retrylab.time.Nanos;
import java.util.Objects;

/**
 * Events that all run a fixed delay after they are scheduled, such as a network hop or an attempt
 * timeout of fixed length. Since the clock never goes back, such events come due in the order they
 * were scheduled, so a lane keeps them in a ring buffer instead of the event list: scheduling
 * appends, running takes from the front, and cancelling marks the entry, which the front then skips.
 * With a million events pending this costs a sequential write and read where the event list would
 * sort. The simulation runs a lane's events in the same (time, scheduling order) as every other
 * event; using a lane changes how fast a model runs, never what it does. The price is memory: a
 * cancelled entry keeps its room until the entries before it have run (or it reaches the front),
 * so a lane holds about the events scheduled within one delay, cancelled or not: for attempt
 * timeouts, the attempt rate times the timeout.
 *
 * <p>Get a lane with {@link Simulation#lane(long)}; its handles cancel through
 * {@link Simulation#cancel(long)} like any other. Not thread-safe: owned by one simulation.
 */
public final class FixedDelayLane {

    /** Lanes a simulation may have; a lane handle has the sign bit set, the lane's number in the next 15 bits and its index below. */
    static final int MAX_LANES = 1 << 12;
    private static final int INDEX_BITS = 48;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final Simulation simulation;
    private final EventQueue queue;
    private final int number;
    private final long delayNanos;

    /** Per entry: time, sequence, payload, and the kind (high 32 bits) with the entity (low 32). */
    private static final int VALUES = 4;
    private long[] values;
    private EventTarget[] target;
    private int mask;
    /** Index of the front entry and one past the last; an entry's place in the ring is its index masked. */
    private long head;
    private long tail;
    private int pending;

    FixedDelayLane(Simulation simulation, EventQueue queue, int number, long delayNanos) {
        this.simulation = simulation;
        this.queue = queue;
        this.number = number;
        this.delayNanos = delayNanos;
        allocate(64);
    }

    /** The delay after which this lane's events run. */
    public long delayNanos() {
        return delayNanos;
    }

    /**
     * Schedules an event {@link #delayNanos()} from now (at {@link Long#MAX_VALUE} if that would
     * pass it). Allocates nothing unless the ring must grow.
     *
     * @return a handle for {@link Simulation#cancel(long)}
     */
    public long schedule(EventTarget eventTarget, int eventKind, int eventEntity, long eventPayload) {
        Objects.requireNonNull(eventTarget, "target");
        if (tail - head == target.length) {
            allocate(2 * target.length);
        }
        if (tail > INDEX_MASK) {
            throw new IllegalStateException("lane " + number + " has scheduled 2^48 events");
        }
        int at = (int) tail & mask;
        target[at] = eventTarget;
        int v = VALUES * at;
        values[v] = Nanos.saturatedAdd(simulation.now(), delayNanos);
        values[v + 1] = queue.nextSequence();
        values[v + 2] = eventPayload;
        values[v + 3] = ((long) eventKind << 32) | (eventEntity & 0xFFFF_FFFFL);
        pending++;
        queue.lanePendingChanged(1);
        return Long.MIN_VALUE | ((long) number << INDEX_BITS) | tail++;
    }

    static int laneOf(long handle) {
        return (int) (handle >>> INDEX_BITS) & 0x7FFF;
    }

    /** Cancels the entry behind a handle of this lane; false if it ran, was cancelled or never was. */
    boolean cancel(long handle) {
        long index = handle & INDEX_MASK;
        if (index < head || index >= tail) {
            return false;
        }
        int at = (int) index & mask;
        if (target[at] == null) {
            return false;
        }
        target[at] = null;
        pending--;
        queue.lanePendingChanged(-1);
        if (pending == 0) {
            head = tail;
        } else if (index == head) {
            front();
        }
        return true;
    }

    int pending() {
        return pending;
    }

    /** Drops cancelled entries from the front; call only with entries pending. */
    private int front() {
        int at = (int) head & mask;
        while (target[at] == null) {
            head++;
            at = (int) head & mask;
        }
        return at;
    }

    /** Time of the earliest pending entry; only with entries pending. */
    long frontTime() {
        return values[VALUES * front()];
    }

    long frontSequence() {
        return values[VALUES * front() + 1];
    }

    /** Takes the earliest pending entry out into the queue's polled event; only with entries pending. */
    void poll() {
        int at = front();
        int v = VALUES * at;
        long kindAndEntity = values[v + 3];
        queue.polled(values[v], target[at], (int) (kindAndEntity >>> 32), (int) kindAndEntity, values[v + 2]);
        target[at] = null;
        head++;
        pending--;
        queue.lanePendingChanged(-1);
    }

    private void allocate(int capacity) {
        long[] newValues = new long[VALUES * capacity];
        EventTarget[] newTarget = new EventTarget[capacity];
        int newMask = capacity - 1;
        for (long index = head; index < tail; index++) {
            int from = (int) index & mask;
            int to = (int) index & newMask;
            System.arraycopy(values, VALUES * from, newValues, VALUES * to, VALUES);
            newTarget[to] = target[from];
        }
        values = newValues;
        target = newTarget;
        mask = newMask;
    }

    /** The ring's room, in entries. */
    int capacity() {
        return target.length;
    }

    @Override
    public String toString() {
        return "FixedDelayLane[delay=" + delayNanos + "ns, pending=" + pending + "]";
    }
}
