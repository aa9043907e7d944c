package dev.retrylab.model;

/**
 * A client group's connection pool: at most {@code size} attempts of the group outstanding at
 * once. A pass beyond them waits first in first out; a slot that frees passes straight to the
 * oldest pass still waiting, so one arriving later cannot overtake it. A wait that ended otherwise
 * (its request's deadline passed) stays in the queue and is skipped when it comes up. Not
 * thread-safe; allocation-free once its queue has grown.
 */
final class ClientPool {

    private final int size;
    private int inUse;
    private int[] logicals = new int[16];
    private long[] serials = new long[16];
    private int head;
    private int queued;

    ClientPool(int size) {
        this.size = size;
    }

    /** Takes a slot if one is free. */
    boolean tryTake() {
        if (inUse < size) {
            inUse++;
            return true;
        }
        return false;
    }

    /** Logical request {@code logical} waits for a slot, under wait {@code serial} of {@code waits}. */
    void await(int logical, long serial) {
        if (queued == logicals.length) {
            logicals = unrolled(logicals);
            serials = unrolled(serials);
            head = 0;
        }
        int at = (head + queued) % logicals.length;
        logicals[at] = logical;
        serials[at] = serial;
        queued++;
    }

    /**
     * An attempt let its slot go: the slot passes to the oldest pass whose wait is still going
     * on, ending that wait, and its request is returned; with nobody waiting the slot is free and
     * -1 is returned.
     */
    int release(Waits waits) {
        while (queued > 0) {
            int logical = logicals[head];
            long serial = serials[head];
            head = head + 1 == logicals.length ? 0 : head + 1;
            queued--;
            if (waits.end(logical, serial)) {
                return logical;
            }
        }
        inUse--;
        return -1;
    }

    private int[] unrolled(int[] ring) {
        int[] bigger = new int[ring.length * 2];
        for (int i = 0; i < queued; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        return bigger;
    }

    private long[] unrolled(long[] ring) {
        long[] bigger = new long[ring.length * 2];
        for (int i = 0; i < queued; i++) {
            bigger[i] = ring[(head + i) % ring.length];
        }
        return bigger;
    }
}
