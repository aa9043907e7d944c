package dev.retrylab.time;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Virtual time that a test advances by hand, so retry code can be tested without waiting.
 * Tasks run in order of their due time, then in the order they were scheduled. Tasks run on the
 * thread that calls {@link #advance}, {@link #runUntilIdle} or {@link #sleep}; a task may
 * schedule further tasks.
 *
 * <p>Thread-safe: scheduling, cancelling and reading the time may happen from any thread; time
 * should be moved ({@code advance}, {@code runUntilIdle}, {@code sleep}) from one thread at a
 * time, or tasks due at nearby times may run out of order. Waiting ignores interrupts.
 * {@link #sleep} advances the time itself, so a synchronous executor on this clock returns at
 * once with the virtual time moved on.
 */
public final class ManualScheduler implements Clock, Scheduler, Sleeper {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    /** Starts at virtual time zero. */
    public ManualScheduler() {
        this(0L);
    }

    /** Starts at the given virtual time in nanoseconds. */
    public ManualScheduler(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public Clock clock() {
        return this;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long delayNanos = Nanos.clamped(SystemClock.requireNonNegative(delay));
        Task scheduled = new Task(Nanos.saturatedAdd(now, delayNanos), sequence++, task);
        queue.add(scheduled);
        return () -> cancel(scheduled);
    }

    /** Moves time forward by {@code duration}, running every task that falls due on the way. */
    public void advance(Duration duration) {
        long target = Nanos.saturatedAdd(nanoTime(), Nanos.clamped(SystemClock.requireNonNegative(duration)));
        while (true) {
            Task next;
            synchronized (this) {
                Task head = queue.peek();
                if (head == null || head.dueNanos > target) {
                    now = Math.max(now, target);
                    return;
                }
                next = queue.poll();
                now = Math.max(now, next.dueNanos);
            }
            next.task.run();
        }
    }

    /**
     * Runs tasks, moving time to each one's due time, until none is left.
     *
     * @return the number of tasks run
     */
    public int runUntilIdle() {
        int ran = 0;
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    return ran;
                }
                now = Math.max(now, next.dueNanos);
            }
            next.task.run();
            ran++;
        }
    }

    /** Equivalent to {@link #advance}: waiting on virtual time is moving it. */
    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    /** The number of tasks scheduled and not yet run or cancelled. */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    private synchronized boolean cancel(Task task) {
        return queue.remove(task);
    }

    private static final class Task implements Comparable<Task> {
        final long dueNanos;
        final long order;
        final Runnable task;

        Task(long dueNanos, long order, Runnable task) {
            this.dueNanos = dueNanos;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
