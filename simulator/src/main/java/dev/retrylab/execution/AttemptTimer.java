package dev.retrylab.execution;

import dev.retrylab.time.Cancellable;
import dev.retrylab.time.Scheduler;
import java.time.Duration;

/**
 * Interrupts a synchronous attempt that outlives its timeout. The interrupt happens at most once
 * and never after the attempt has finished, so it cannot leak into the caller's next operation.
 * Thread-safe: the scheduler's thread fires it while the attempt's thread finishes it. An
 * interrupt from elsewhere that arrives together with the timeout is cleared with it.
 */
final class AttemptTimer implements Runnable {

    private final Thread thread;
    private final Cancellable handle;
    private boolean finished;
    private boolean fired;

    private AttemptTimer(Thread thread, Scheduler scheduler, Duration timeout) {
        this.thread = thread;
        this.handle = scheduler.schedule(timeout, this);
    }

    /** Starts the timer for the current thread. */
    static AttemptTimer start(Scheduler scheduler, Duration timeout) {
        return new AttemptTimer(Thread.currentThread(), scheduler, timeout);
    }

    @Override
    public synchronized void run() {
        if (!finished) {
            fired = true;
            thread.interrupt();
        }
    }

    /**
     * Stops the timer; clears the interrupt it caused, if any.
     *
     * @return true when the timeout fired during the attempt
     */
    boolean finish() {
        handle.cancel();
        boolean timedOut;
        synchronized (this) {
            finished = true;
            timedOut = fired;
        }
        if (timedOut) {
            Thread.interrupted();
        }
        return timedOut;
    }
}
