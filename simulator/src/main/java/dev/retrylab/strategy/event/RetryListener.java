package dev.retrylab.strategy.event;

import java.util.List;
import java.util.Objects;

/**
 * Receives {@link RetryEvent}s. Called on the thread that produced the event; implementations
 * that keep state must be thread-safe. An executor with no listener creates no events at all.
 */
@FunctionalInterface
public interface RetryListener {

    void onEvent(RetryEvent event);

    /** One listener that forwards to each of {@code listeners} in order. */
    static RetryListener all(List<? extends RetryListener> listeners) {
        List<RetryListener> copy = List.copyOf(listeners);
        for (RetryListener listener : copy) {
            Objects.requireNonNull(listener, "listener");
        }
        return event -> {
            for (int i = 0; i < copy.size(); i++) {
                copy.get(i).onEvent(event);
            }
        };
    }
}
