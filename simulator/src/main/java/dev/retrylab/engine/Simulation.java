package dev.retrylab.engine;

import dev.retrylab.time.Cancellable;
import dev.retrylab.time.Clock;
import dev.retrylab.time.Nanos;
import dev.retrylab.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event kernel: a virtual clock in {@code long} nanoseconds and the list of pending
 * events, run one event at a time. The model schedules events for an {@link EventTarget} with
 * three primitive values and gets back a {@code long} handle to cancel them with; scheduling,
 * cancelling and delivering such events allocates nothing, and the event list stays fast with
 * millions of events pending: a small heap for the near future and unsorted time buckets further
 * ahead (see {@link EventQueue} and {@link EventLadder}), and first-in-first-out lanes for events of
 * a fixed delay ({@link #lane(long)}).
 *
 * <p><b>Ordering.</b> Events run in order of their time; events due at the same time run in the
 * order they were scheduled (first in, first out), whether scheduled before the run or by a
 * handler during it. This is the ordering SSJ documents for its event list (L'Ecuyer and Buist,
 * "Simulation in Java with SSJ", WSC 2005), kept here without SSJ's static default simulator:
 * each model owns its {@code Simulation}. While an event runs, {@link #now()} is its time.
 *
 * <p><b>Cancelling</b> removes the event from the event list at once (O(1) in a bucket, O(log n)
 * in the near-future heap), so a timeout cancelled by its response leaves no garbage behind; in a
 * {@link FixedDelayLane} it marks the entry in O(1), and the entry's room is reused once its time
 * has come. A
 * handle that has gone stale (its event ran or was cancelled) is safe to cancel again: it returns
 * false and never touches the event that reuses the slot. {@link #NO_EVENT} is a handle that never
 * matches, for fields with nothing scheduled.
 *
 * <p><b>Running.</b> {@link #runUntil(long)}, {@link #runUntilIdle()} and
 * {@link #runWhile(BooleanSupplier)} run events until a time, until none are left, or while a
 * condition checked before each event holds, and {@link #runUntil(long, BooleanSupplier)} until a
 * time while a condition holds; a handler may end the run in progress with {@link #stop()}. An
 * exception thrown by a handler ends the run and propagates; that event counts as processed and
 * the simulation stays usable.
 *
 * <p><b>As a clock and scheduler.</b> The simulation is a {@link Clock} and a {@link Scheduler}
 * on virtual time, so the strategy library's executors run on it unchanged;
 * {@link #schedule(Duration, Runnable)} allocates a small handle per task and is not meant for
 * the model's hot path.
 *
 * <p><b>Thread-safety.</b> None, by design: a simulation runs on one thread, and every call,
 * including {@link #nanoTime()} and the {@link Cancellable#cancel()} of a task handle, must come
 * from that thread. This narrows the thread-safety that {@link Clock} and {@link Scheduler}
 * promise in general. Run replications in parallel as one simulation per thread.
 */
public final class Simulation implements Clock, Scheduler {

    /** A handle that {@link #cancel(long)} always rejects, for "nothing scheduled". */
    public static final long NO_EVENT = -1L;

    private static final int DEFAULT_CAPACITY = 1024;

    private final EventQueue queue;
    private long now;
    private long eventsProcessed;
    private boolean running;
    private boolean stopRequested;

    /** A simulation at time zero with room for 1024 pending events before it grows. */
    public Simulation() {
        this(0L, DEFAULT_CAPACITY);
    }

    /**
     * A simulation at {@code startNanos} with room for {@code initialCapacity} pending events
     * before its arrays double.
     */
    public Simulation(long startNanos, int initialCapacity) {
        this(startNanos, new EventQueue(initialCapacity));
    }

    /** A simulation over the given (empty) event list, for tests that tune its tiers. */
    Simulation(long startNanos, EventQueue queue) {
        this.queue = queue;
        this.now = startNanos;
    }

    /** The event list, for tests that check which of its tiers were used. */
    EventQueue queue() {
        return queue;
    }

    /** The current virtual time in nanoseconds. */
    public long now() {
        return now;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Clock clock() {
        return this;
    }

    /**
     * Schedules an event {@code delayNanos} (zero or more) from now; a delay that would pass
     * {@link Long#MAX_VALUE} lands there. Allocates nothing unless the event list must grow.
     *
     * @return a handle for {@link #cancel(long)}
     */
    public long schedule(long delayNanos, EventTarget target, int kind, int entity, long payload) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delay must be zero or positive, was " + delayNanos + "ns");
        }
        return queue.add(Nanos.saturatedAdd(now, delayNanos), Objects.requireNonNull(target, "target"),
                kind, entity, payload);
    }

    /**
     * Schedules an event at virtual time {@code timeNanos}, which must not be before now.
     *
     * @return a handle for {@link #cancel(long)}
     */
    public long scheduleAt(long timeNanos, EventTarget target, int kind, int entity, long payload) {
        if (timeNanos < now) {
            throw new IllegalArgumentException("cannot schedule at " + timeNanos + "ns, before now (" + now + "ns)");
        }
        return queue.add(timeNanos, Objects.requireNonNull(target, "target"), kind, entity, payload);
    }

    /**
     * Cancels a pending event in O(log n) or better.
     *
     * @return true if this call removed the event; false if it already ran, was cancelled, or the
     *         handle is {@link #NO_EVENT} or otherwise not one this simulation issued
     */
    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    /**
     * The lane for events that run {@code delayNanos} (zero or more) after they are scheduled,
     * made on first use and the same for every later call with that delay. Scheduling on a lane
     * instead of with {@link #schedule(long, EventTarget, int, int, long)} changes nothing about
     * when events run, only the cost: see {@link FixedDelayLane}. A model with a few fixed delays
     * (a network hop, a timeout) and many events pending should use lanes for them.
     */
    public FixedDelayLane lane(long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delay must be zero or positive, was " + delayNanos + "ns");
        }
        return queue.lane(this, delayNanos);
    }

    /**
     * Runs {@code task} after {@code delay} (zero or more) of virtual time; a delay too long for a
     * {@code long} of nanoseconds lands at {@link Long#MAX_VALUE}. Allocates one handle per task.
     *
     * @return a handle whose {@code cancel} must be called on the simulation's thread
     */
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive, was " + delay);
        }
        long delayNanos = Nanos.clamped(delay);
        ScheduledTask scheduled = new ScheduledTask(this, Objects.requireNonNull(task, "task"));
        scheduled.handle = schedule(delayNanos, scheduled, 0, 0, 0L);
        return scheduled;
    }

    /**
     * Runs every event due at or before {@code timeNanos}, then sets the time to {@code timeNanos};
     * if {@link #stop()} ends the run early, the time stays at the last event run.
     *
     * @return the number of events run by this call
     */
    public long runUntil(long timeNanos) {
        if (timeNanos < now) {
            throw new IllegalArgumentException("cannot run until " + timeNanos + "ns, before now (" + now + "ns)");
        }
        long ran = run(timeNanos, null);
        if (!stopRequested) {
            now = timeNanos;
        }
        return ran;
    }

    /**
     * Runs the events due at or before {@code timeNanos} while {@code condition} holds, checking it
     * before each event; once none of them is left, sets the time to {@code timeNanos}, else (the
     * condition failed or {@link #stop()} was called) the time stays at the last event run. Calls
     * with the same time, repeated until it is reached, run the same events in the same order as
     * one {@link #runUntil(long)}: a caller can take a long stretch in steps, such as
     * {@code () -> sim.eventsProcessed() < budget}, and look up between them.
     *
     * @return the number of events run by this call
     */
    public long runUntil(long timeNanos, BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        if (timeNanos < now) {
            throw new IllegalArgumentException("cannot run until " + timeNanos + "ns, before now (" + now + "ns)");
        }
        long ran = run(timeNanos, condition);
        if (!stopRequested && !queue.nextDueBy(timeNanos)) {
            now = timeNanos;
        }
        return ran;
    }

    /**
     * Runs events until none are left or {@link #stop()} is called; the time stays at the last
     * event run.
     *
     * @return the number of events run by this call
     */
    public long runUntilIdle() {
        return run(Long.MAX_VALUE, null);
    }

    /**
     * Runs events while {@code condition} holds, checking it before each event, until none are
     * left or {@link #stop()} is called; the time stays at the last event run.
     *
     * @return the number of events run by this call
     */
    public long runWhile(BooleanSupplier condition) {
        return run(Long.MAX_VALUE, Objects.requireNonNull(condition, "condition"));
    }

    /**
     * Ends the run in progress once the current event's handler returns. Has no effect outside a
     * run: each run starts afresh.
     */
    public void stop() {
        stopRequested = true;
    }

    /** Events run since this simulation was created. */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Events scheduled and neither run nor cancelled. */
    public int pendingEvents() {
        return queue.size();
    }

    @Override
    public String toString() {
        return "Simulation[now=" + now + "ns, pending=" + queue.size() + ", processed=" + eventsProcessed + "]";
    }

    private long run(long limitNanos, BooleanSupplier condition) {
        if (running) {
            throw new IllegalStateException("a simulation cannot be run from inside one of its events");
        }
        running = true;
        stopRequested = false;
        long before = eventsProcessed;
        EventQueue events = queue;
        try {
            while (!stopRequested && events.nextDueBy(limitNanos)
                    && (condition == null || condition.getAsBoolean())) {
                events.take();
                now = events.polledTime;
                eventsProcessed++;
                events.polledTarget.onEvent(events.polledKind, events.polledEntity, events.polledPayload);
            }
        } finally {
            running = false;
        }
        return eventsProcessed - before;
    }
}
