package dev.retrylab.strategy.breaker;

/**
 * The outcomes of the last N calls, kept in a ring of flags with running counts, so recording
 * is constant time and allocates nothing. Not thread-safe.
 */
final class CountWindow extends OutcomeWindow {

    private final boolean[] failed;
    private int next;
    private int calls;
    private int failures;

    CountWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be 1 or more, was " + size);
        }
        this.failed = new boolean[size];
    }

    @Override
    void record(boolean callFailed, long nowNanos) {
        if (calls == failed.length) {
            if (failed[next]) {
                failures--;
            }
        } else {
            calls++;
        }
        failed[next] = callFailed;
        if (callFailed) {
            failures++;
        }
        next = next + 1 == failed.length ? 0 : next + 1;
    }

    @Override
    int calls(long nowNanos) {
        return calls;
    }

    @Override
    int failures(long nowNanos) {
        return failures;
    }

    @Override
    boolean usesTime() {
        return false;
    }

    @Override
    void clear() {
        next = 0;
        calls = 0;
        failures = 0;
    }
}
