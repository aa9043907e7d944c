package dev.retrylab.model;

import java.util.Arrays;

/**
 * The attempts in flight, in parallel primitive arrays indexed by an attempt id, with a free list
 * so ids are reused and nothing is allocated per attempt once the arrays have grown to the peak
 * number in flight. Not thread-safe: one simulation owns it.
 *
 * <p>An attempt belongs to a client and a logical request; it is {@linkplain #isLive live} until
 * its outcome has been delivered or the client abandoned it (timeout). A server may still be
 * working on an abandoned attempt: that is wasted work, and the server checks
 * {@link #isAbandoned} when it finishes.
 */
final class AttemptTable {

    private static final int INITIAL_CAPACITY = 1024;
    private static final long NO_HANDLE = -1L;

    private int[] client = new int[INITIAL_CAPACITY];
    private long[] startNanos = new long[INITIAL_CAPACITY];
    private long[] timeoutHandle = new long[INITIAL_CAPACITY];
    private byte[] state = new byte[INITIAL_CAPACITY];
    private int[] nextFree = new int[INITIAL_CAPACITY];
    private int freeHead = -1;
    private int used;
    private int live;

    private static final byte FREE = 0;
    private static final byte LIVE = 1;
    private static final byte ABANDONED = 2;

    /** A new live attempt of {@code clientId} started at {@code now}; returns its id. */
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
        timeoutHandle[id] = NO_HANDLE;
        state[id] = LIVE;
        live++;
        return id;
    }

    int client(int id) {
        return client[id];
    }

    long startNanos(int id) {
        return startNanos[id];
    }

    long timeoutHandle(int id) {
        return timeoutHandle[id];
    }

    void timeoutHandle(int id, long handle) {
        timeoutHandle[id] = handle;
    }

    boolean isLive(int id) {
        return state[id] == LIVE;
    }

    boolean isAbandoned(int id) {
        return state[id] == ABANDONED;
    }

    /** The client stopped waiting; the server may still hold the attempt. */
    void abandon(int id) {
        state[id] = ABANDONED;
        live--;
    }

    /** The attempt is over for everyone: its id may be reused. */
    void close(int id) {
        if (state[id] == LIVE) {
            live--;
        }
        state[id] = FREE;
        nextFree[id] = freeHead;
        freeHead = id;
    }

    /** Attempts clients are still waiting for. */
    int live() {
        return live;
    }

    /** The most attempts ever open at once (the arrays' high-water mark). */
    int highWaterMark() {
        return used;
    }

    private void grow() {
        int capacity = client.length * 2;
        client = Arrays.copyOf(client, capacity);
        startNanos = Arrays.copyOf(startNanos, capacity);
        timeoutHandle = Arrays.copyOf(timeoutHandle, capacity);
        state = Arrays.copyOf(state, capacity);
        nextFree = Arrays.copyOf(nextFree, capacity);
    }
}
