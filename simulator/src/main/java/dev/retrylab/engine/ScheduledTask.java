package dev.retrylab.engine;

import dev.retrylab.time.Cancellable;

/**
 * A {@link Runnable} scheduled through {@link Simulation#schedule(java.time.Duration, Runnable)}:
 * the event's target and the caller's handle in one object. Not thread-safe, like its simulation.
 */
final class ScheduledTask implements EventTarget, Cancellable {

    private final Simulation simulation;
    private final Runnable task;
    long handle = Simulation.NO_EVENT;

    ScheduledTask(Simulation simulation, Runnable task) {
        this.simulation = simulation;
        this.task = task;
    }

    @Override
    public void onEvent(int kind, int entity, long payload) {
        task.run();
    }

    @Override
    public boolean cancel() {
        return simulation.cancel(handle);
    }
}
