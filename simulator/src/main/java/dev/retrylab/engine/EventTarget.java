package dev.retrylab.engine;

/**
 * Receives the events a {@link Simulation} delivers. The three values are whatever the scheduler
 * chose to attach: typically {@code kind} says what happened (an arrival, a timeout), {@code entity}
 * which client, server or request it concerns, and {@code payload} any further number (an attempt
 * id, a start time). Passing primitives rather than an event object keeps the event loop free of
 * allocation.
 */
@FunctionalInterface
public interface EventTarget {

    /**
     * Handles one event. Runs on the simulation's thread with {@link Simulation#now()} set to the
     * event's time; may schedule and cancel events and call {@link Simulation#stop()}.
     */
    void onEvent(int kind, int entity, long payload);
}
