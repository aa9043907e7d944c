package dev.retrylab.time;

import java.time.Duration;

/**
 * Blocks the calling thread for a while, as a synchronous executor waits between attempts. On
 * {@link SystemClock} this parks the thread; on a {@link ManualScheduler} it advances virtual
 * time at once, so synchronous retry code is tested without waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration} (zero or positive) on the sleeper's clock. */
    void sleep(Duration duration) throws InterruptedException;
}
