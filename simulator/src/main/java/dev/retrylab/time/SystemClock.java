package dev.retrylab.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real clock: {@link System#nanoTime()} for time, {@link Thread#sleep} for waiting, and a
 * {@link ScheduledExecutorService} for scheduling. Thread-safe.
 */
public final class SystemClock implements Clock, Sleeper {

    /** The process-wide real clock. */
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long end = Nanos.saturatedAdd(System.nanoTime(), Nanos.clamped(requireNonNegative(duration)));
        // Thread.sleep may wake a little early; waiting the rest keeps "never before" promises
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /**
     * A scheduler on the real clock backed by {@code executor}. The caller owns the executor and
     * shuts it down.
     */
    public static Scheduler scheduler(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return new Scheduler() {
            @Override
            public Clock clock() {
                return INSTANCE;
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                Objects.requireNonNull(task, "task");
                ScheduledFuture<?> future = executor.schedule(
                        task, Nanos.clamped(requireNonNegative(delay)), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }
        };
    }

    static Duration requireNonNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be zero or positive, was " + duration);
        }
        return duration;
    }
}
