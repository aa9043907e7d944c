package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.retry.RetryState;
import java.util.Arrays;

/**
 * The logical requests in flight: client, start time, attempts so far, and a reusable
 * {@link RetryState} for the strategy, created the first time a request in that slot fails and
 * reset for each later one. Ids are reused through a free list. Not thread-safe.
 */
final class LogicalRequests {

    private static final int INITIAL_CAPACITY = 1024;
    private static final FailureKind[] KINDS = FailureKind.values();

    private int[] client = new int[INITIAL_CAPACITY];
    private long[] startNanos = new long[INITIAL_CAPACITY];
    private int[] attempts = new int[INITIAL_CAPACITY];
    private int[] upstream = new int[INITIAL_CAPACITY];
    private boolean[] failedOnce = new boolean[INITIAL_CAPACITY];
    private byte[] lastKind = new byte[INITIAL_CAPACITY];
    private RetryState[] states = new RetryState[INITIAL_CAPACITY];
    private int[] nextFree = new int[INITIAL_CAPACITY];
    private int freeHead = -1;
    private int used;
    private int inFlight;

    int open(int clientId, long now) {
        int id;
        if (freeHead >= 0) {
            id = freeHead;
            freeHead = nextFree[id];
        } else {
            if (used == client.length) {
                grow();
            }
            id = used++;
        }
        client[id] = clientId;
        startNanos[id] = now;
        attempts[id] = 0;
        upstream[id] = -1;
        failedOnce[id] = false;
        inFlight++;
        return id;
    }

    void close(int id) {
        nextFree[id] = freeHead;
        freeHead = id;
        inFlight--;
    }

    int client(int id) {
        return client[id];
    }

    long startNanos(int id) {
        return startNanos[id];
    }

    /** The upstream attempt this request serves as a downstream call, or -1. */
    int upstream(int id) {
        return upstream[id];
    }

    void upstream(int id, int attemptId) {
        upstream[id] = attemptId;
    }

    int attempts(int id) {
        return attempts[id];
    }

    /** Counts a new attempt; returns how many the request has made with it. */
    int attemptStarted(int id) {
        return ++attempts[id];
    }

    /**
     * The strategy's state for a request that just failed: reset at its first failure to start at
     * the request's start with {@code deadlineNanos} (absolute; {@link RetryState#NO_DEADLINE}
     * for none), then carried across its retries.
     */
    RetryState stateAfterFailure(int id, long deadlineNanos) {
        RetryState state = states[id];
        if (!failedOnce[id]) {
            failedOnce[id] = true;
            if (state == null) {
                state = new RetryState(startNanos[id]);
                states[id] = state;
            } else {
                state.reset(startNanos[id]);
            }
            state.deadlineNanos(deadlineNanos);
        }
        return state;
    }

    /** Remembers the kind of the request's latest failure, for budgets that refund by kind. */
    void lastFailure(int id, FailureKind kind) {
        lastKind[id] = (byte) kind.ordinal();
    }

    /** The kind of the request's latest failure; only meaningful once it has failed. */
    FailureKind lastFailure(int id) {
        return KINDS[lastKind[id]];
    }

    int inFlight() {
        return inFlight;
    }

    private void grow() {
        int capacity = client.length * 2;
        client = Arrays.copyOf(client, capacity);
        startNanos = Arrays.copyOf(startNanos, capacity);
        attempts = Arrays.copyOf(attempts, capacity);
        upstream = Arrays.copyOf(upstream, capacity);
        failedOnce = Arrays.copyOf(failedOnce, capacity);
        lastKind = Arrays.copyOf(lastKind, capacity);
        states = Arrays.copyOf(states, capacity);
        nextFree = Arrays.copyOf(nextFree, capacity);
    }
}
