package dev.retrylab.model;

import java.util.Arrays;

/**
 * The attempts in flight, in parallel primitive arrays indexed by an attempt id, with a free list
 * so ids are reused and nothing is allocated per attempt once the arrays have grown to the peak
 * number in flight. Not thread-safe: one simulation owns it.
 *
 * <p>An attempt is held by two sides. The client waits for it until the response arrives or its
 * timeout fires; the server side (the network to the server, its queue, a worker, the network
 * back) holds it until the response is delivered or the server drops it. The id is freed when
 * both have let go, so an event still in flight never finds its id reused. A server still working
 * on an attempt its client abandoned is doing wasted work.
 */
final class AttemptTable {

    private static final int INITIAL_CAPACITY = 1024;
    private static final byte CLIENT_WAITING = 1;
    private static final byte SERVER_HOLDS = 2;

    private int[] logical = new int[INITIAL_CAPACITY];
    private int[] client = new int[INITIAL_CAPACITY];
    private int[] sibling = new int[INITIAL_CAPACITY];
    private short[] group = new short[INITIAL_CAPACITY];
    private long[] startNanos = new long[INITIAL_CAPACITY];
    private long[] timeoutHandle = new long[INITIAL_CAPACITY];
    private long[] serviceHandle = new long[INITIAL_CAPACITY];
    private long[] serviceStartNanos = new long[INITIAL_CAPACITY];
    private long[] readVersion = new long[INITIAL_CAPACITY];
    private int[] replica = new int[INITIAL_CAPACITY];
    private byte[] holders = new byte[INITIAL_CAPACITY];
    private int[] nextFree = new int[INITIAL_CAPACITY];
    private int freeHead = -1;
    private int used;
    private int waiting;

    /** A new attempt of logical request {@code logicalId} of client {@code clientId} in group {@code groupIndex}. */
    int open(int logicalId, int clientId, int groupIndex, long now) {
        int id;
        if (freeHead >= 0) {
            id = freeHead;
            freeHead = nextFree[id];
        } else {
            if (used == logical.length) {
                grow();
            }
            id = used++;
        }
        logical[id] = logicalId;
        client[id] = clientId;
        sibling[id] = -1;
        group[id] = (short) groupIndex;
        startNanos[id] = now;
        timeoutHandle[id] = -1L;
        serviceHandle[id] = -1L;
        replica[id] = -1;
        holders[id] = CLIENT_WAITING | SERVER_HOLDS;
        waiting++;
        return id;
    }

    int logical(int id) {
        return logical[id];
    }

    int client(int id) {
        return client[id];
    }

    /** The next attempt of the same hedged pass, or -1. */
    int sibling(int id) {
        return sibling[id];
    }

    void sibling(int id, int next) {
        sibling[id] = next;
    }

    /** The index of the client group the attempt belongs to. */
    int group(int id) {
        return group[id];
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

    long serviceHandle(int id) {
        return serviceHandle[id];
    }

    void serviceHandle(int id, long handle) {
        serviceHandle[id] = handle;
    }

    long serviceStartNanos(int id) {
        return serviceStartNanos[id];
    }

    void serviceStartNanos(int id, long nanos) {
        serviceStartNanos[id] = nanos;
    }

    /** The version of its row the attempt read when its work started (contended rows only). */
    long readVersion(int id) {
        return readVersion[id];
    }

    void readVersion(int id, long version) {
        readVersion[id] = version;
    }

    int replica(int id) {
        return replica[id];
    }

    void replica(int id, int index) {
        replica[id] = index;
    }

    /** True while the client still waits for this attempt. */
    boolean clientWaiting(int id) {
        return (holders[id] & CLIENT_WAITING) != 0;
    }

    /** The client stops waiting (response or timeout); frees the id if the server let go too. */
    void clientDone(int id) {
        if ((holders[id] & CLIENT_WAITING) != 0) {
            waiting--;
        }
        release(id, CLIENT_WAITING);
    }

    /** The server side lets go (response delivered, or dropped); frees the id if the client did too. */
    void serverDone(int id) {
        release(id, SERVER_HOLDS);
    }

    /** Attempts clients are still waiting for. */
    int waiting() {
        return waiting;
    }

    /** The most attempts ever open at once (the arrays' high-water mark). */
    int highWaterMark() {
        return used;
    }

    private void release(int id, byte holder) {
        if ((holders[id] & holder) == 0) {
            return;
        }
        holders[id] &= (byte) ~holder;
        if (holders[id] == 0) {
            nextFree[id] = freeHead;
            freeHead = id;
        }
    }

    private void grow() {
        int capacity = logical.length * 2;
        logical = Arrays.copyOf(logical, capacity);
        client = Arrays.copyOf(client, capacity);
        sibling = Arrays.copyOf(sibling, capacity);
        group = Arrays.copyOf(group, capacity);
        startNanos = Arrays.copyOf(startNanos, capacity);
        timeoutHandle = Arrays.copyOf(timeoutHandle, capacity);
        serviceHandle = Arrays.copyOf(serviceHandle, capacity);
        serviceStartNanos = Arrays.copyOf(serviceStartNanos, capacity);
        readVersion = Arrays.copyOf(readVersion, capacity);
        replica = Arrays.copyOf(replica, capacity);
        holders = Arrays.copyOf(holders, capacity);
        nextFree = Arrays.copyOf(nextFree, capacity);
    }
}
