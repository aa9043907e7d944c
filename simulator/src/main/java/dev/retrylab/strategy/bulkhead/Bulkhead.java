package dev.retrylab.strategy.bulkhead;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the calls running at once ({@code maxConcurrentCalls}), lets a bounded number wait in
 * FIFO order ({@code maxQueuedCalls}), and separately bounds the retries running at once
 * ({@code maxConcurrentRetries}). The bulkhead pattern is from Michael Nygard's "Release It!";
 * the separate limits on pending requests and on concurrent retries follow Envoy's cluster
 * circuit-breaker thresholds ({@code max_requests}, {@code max_pending_requests},
 * {@code max_retries}).
 *
 * <p>The API decides and never blocks, so it serves a synchronous executor (which may park its
 * thread until the callback runs) and an asynchronous one alike:
 * <ul>
 *   <li>{@link #tryEnter()} takes a slot if one is free; it never queues.</li>
 *   <li>{@link #enter(Runnable)} takes a free slot and runs the callback at once on the calling
 *       thread, or queues the callback, or rejects the call with a {@link BulkheadRejection}.
 *       A queued callback runs exactly once, later, on the thread whose {@link #exit()} handed it
 *       the slot.</li>
 *   <li>{@link #exit()} ends an admitted call: its slot passes to the oldest queued call, if
 *       any, else it is freed.</li>
 *   <li>{@link #tryAcquireRetry()} / {@link #releaseRetry()} bound retries of admitted calls;
 *       a retry keeps its call's slot.</li>
 * </ul>
 *
 * <p>A callback should hand the call off (complete a future, unpark a thread, submit a task)
 * rather than run it inline, and must not throw: a callback that throws still holds its slot
 * until {@code exit()} is called for it, and its exception reaches the thread that ran it. When a
 * callback calls {@code exit()} itself, the next handed-off callback runs after it returns rather
 * than inside it, so the stack does not grow with the queue.
 *
 * <p>Thread-safe. Deciding allocates nothing; the queue's array grows only when it fills beyond
 * its first size.
 */
public final class Bulkhead {

    private static final int INITIAL_QUEUE_ARRAY = 1024;
    private static final ThreadLocal<HandOffs> HAND_OFFS = ThreadLocal.withInitial(HandOffs::new);

    private final int maxConcurrentCalls;
    private final int maxQueuedCalls;
    private final int maxConcurrentRetries;
    private final Admission callsFull;
    private final String retriesFullMessage;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> queue;
    private final AtomicInteger runningRetries = new AtomicInteger();
    private int runningCalls;

    private Bulkhead(Builder builder) {
        this.maxConcurrentCalls = builder.maxConcurrentCalls;
        this.maxQueuedCalls = builder.maxQueuedCalls;
        this.maxConcurrentRetries = builder.maxConcurrentRetries;
        this.callsFull = Admission.rejected(BulkheadRejection.CALLS_FULL, BulkheadRejection.CALLS_FULL
                .describe(maxConcurrentCalls, maxQueuedCalls, maxConcurrentRetries));
        this.retriesFullMessage = BulkheadRejection.RETRIES_FULL
                .describe(maxConcurrentCalls, maxQueuedCalls, maxConcurrentRetries);
        this.queue = new ArrayDeque<>(Math.min(maxQueuedCalls, INITIAL_QUEUE_ARRAY));
    }

    /** A builder; {@code maxConcurrentCalls} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Takes a call slot if one is free now; never queues. Every true needs one {@link #exit()}. */
    public boolean tryEnter() {
        synchronized (lock) {
            if (runningCalls < maxConcurrentCalls) {
                runningCalls++;
                return true;
            }
            return false;
        }
    }

    /**
     * Admits the call now and runs {@code whenAdmitted} on this thread, or queues it to run when a
     * slot frees up, or rejects it. Unless rejected, the call needs one {@link #exit()} after
     * {@code whenAdmitted} has run.
     */
    public Admission enter(Runnable whenAdmitted) {
        if (whenAdmitted == null) {
            throw new NullPointerException("whenAdmitted");
        }
        synchronized (lock) {
            if (runningCalls < maxConcurrentCalls) {
                runningCalls++;
            } else if (queue.size() < maxQueuedCalls) {
                queue.addLast(whenAdmitted);
                return Admission.QUEUED;
            } else {
                return callsFull;
            }
        }
        whenAdmitted.run();
        return Admission.ADMITTED;
    }

    /**
     * Ends an admitted call. Its slot goes to the oldest queued call, whose callback then runs on
     * this thread, or is freed.
     *
     * @throws IllegalStateException when no call is running
     */
    public void exit() {
        Runnable next;
        synchronized (lock) {
            if (runningCalls == 0) {
                throw new IllegalStateException("exit() without a running call");
            }
            next = queue.pollFirst();
            if (next == null) {
                runningCalls--;
                return;
            }
        }
        runHandedOff(next);
    }

    /** Takes a retry slot if fewer than {@code maxConcurrentRetries} retries run. */
    public boolean tryAcquireRetry() {
        while (true) {
            int running = runningRetries.get();
            if (running >= maxConcurrentRetries) {
                return false;
            }
            if (runningRetries.compareAndSet(running, running + 1)) {
                return true;
            }
        }
    }

    /**
     * Ends a retry taken with {@link #tryAcquireRetry()}.
     *
     * @throws IllegalStateException when no retry is running
     */
    public void releaseRetry() {
        while (true) {
            int running = runningRetries.get();
            if (running == 0) {
                throw new IllegalStateException("releaseRetry() without a running retry");
            }
            if (runningRetries.compareAndSet(running, running - 1)) {
                return;
            }
        }
    }

    /** A message for people about a rejection by this bulkhead. */
    public String rejectionMessage(BulkheadRejection reason) {
        return reason == BulkheadRejection.CALLS_FULL ? callsFull.message() : retriesFullMessage;
    }

    public int runningCalls() {
        synchronized (lock) {
            return runningCalls;
        }
    }

    public int queuedCalls() {
        synchronized (lock) {
            return queue.size();
        }
    }

    public int runningRetries() {
        return runningRetries.get();
    }

    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public int maxQueuedCalls() {
        return maxQueuedCalls;
    }

    public int maxConcurrentRetries() {
        return maxConcurrentRetries;
    }

    @Override
    public String toString() {
        return "Bulkhead[maxConcurrentCalls=" + maxConcurrentCalls + ", maxQueuedCalls=" + maxQueuedCalls
                + ", maxConcurrentRetries=" + maxConcurrentRetries + "]";
    }

    /**
     * Runs a callback that was handed a slot. If this thread is already running handed-off
     * callbacks further up its stack, the callback waits in this thread's list and runs when the
     * current one returns (a trampoline), so nested exits do not deepen the stack.
     */
    private static void runHandedOff(Runnable first) {
        HandOffs handOffs = HAND_OFFS.get();
        if (handOffs.running) {
            handOffs.pending.addLast(first);
            return;
        }
        handOffs.running = true;
        RuntimeException failure = null;
        try {
            for (Runnable next = first; next != null; next = handOffs.pending.pollFirst()) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        } finally {
            handOffs.running = false;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Callbacks handed a slot on one thread and not yet run. */
    private static final class HandOffs {
        final ArrayDeque<Runnable> pending = new ArrayDeque<>();
        boolean running;
    }

    /** Builds a {@link Bulkhead}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private static final int LIMIT = 1_000_000;

        private int maxConcurrentCalls = -1;
        private int maxQueuedCalls;
        private int maxConcurrentRetries = -1;

        private Builder() {
        }

        /** Calls running at once, 1..1000000; required. */
        public Builder maxConcurrentCalls(int maxConcurrentCalls) {
            this.maxConcurrentCalls = within("maxConcurrentCalls", maxConcurrentCalls, 1);
            return this;
        }

        /** Calls waiting in the FIFO queue, 0..1000000 (default 0: no queue). */
        public Builder maxQueuedCalls(int maxQueuedCalls) {
            this.maxQueuedCalls = within("maxQueuedCalls", maxQueuedCalls, 0);
            return this;
        }

        /** Retries running at once, 0..maxConcurrentCalls (default: maxConcurrentCalls). */
        public Builder maxConcurrentRetries(int maxConcurrentRetries) {
            this.maxConcurrentRetries = within("maxConcurrentRetries", maxConcurrentRetries, 0);
            return this;
        }

        public Bulkhead build() {
            if (maxConcurrentCalls < 0) {
                throw new IllegalArgumentException("maxConcurrentCalls is required: set it to 1.." + LIMIT);
            }
            if (maxConcurrentRetries < 0) {
                maxConcurrentRetries = maxConcurrentCalls;
            }
            if (maxConcurrentRetries > maxConcurrentCalls) {
                throw new IllegalArgumentException("maxConcurrentRetries must be 0..maxConcurrentCalls ("
                        + maxConcurrentCalls + "), was " + maxConcurrentRetries
                        + ": a retry runs inside its call's slot");
            }
            return new Bulkhead(this);
        }

        private static int within(String name, int value, int min) {
            if (value < min || value > LIMIT) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + LIMIT + ", was " + value);
            }
            return value;
        }
    }
}
