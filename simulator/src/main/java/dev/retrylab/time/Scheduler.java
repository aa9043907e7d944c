package dev.retrylab.time;

import java.time.Duration;

/**
 * Runs a task after a delay measured on this scheduler's {@link Clock}. Implementations are
 * thread-safe unless they say otherwise (the simulator's {@code Simulation} is confined to its
 * thread); a task never runs before its delay has passed on {@link #clock()}.
 */
public interface Scheduler {

    /** The clock that delays are measured on. */
    Clock clock();

    /**
     * Schedules {@code task} to run once after {@code delay} (zero or positive).
     *
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Duration delay, Runnable task);
}
