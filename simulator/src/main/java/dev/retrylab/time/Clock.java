package dev.retrylab.time;

/**
 * A monotonic source of time in nanoseconds. Strategies read time only through this seam, so the
 * same strategy runs on {@link SystemClock} in a service and on a virtual clock in tests and in
 * the simulator.
 *
 * <p>Values are meaningful only as differences, like {@link System#nanoTime()}. Implementations
 * are thread-safe unless they say otherwise: the simulator's {@code Simulation} is confined to
 * the thread that runs it, as is everything that reads its clock.
 */
@FunctionalInterface
public interface Clock {

    /** The current time in nanoseconds; never decreases. */
    long nanoTime();
}
