package dev.retrylab.model;

import java.util.Arrays;

/**
 * The logical requests of a group waiting for a bulkhead permit or a pool slot, one wait at a
 * time each, every wait under a serial number of its own. A wait ends once: when it is handed
 * what it waits for, when its maximum wait passes, or when its request's deadline does; whichever
 * comes later finds the wait over (or the request's id reused by another request, under another
 * serial) and does nothing. Not thread-safe; allocation-free once grown to the peak request id.
 */
final class Waits {

    private long[] serials = new long[1024];
    private long lastSerial;

    /** Starts a wait of {@code logical}; returns its serial, never 0. */
    long start(int logical) {
        if (logical >= serials.length) {
            serials = Arrays.copyOf(serials, Math.max(2 * serials.length, logical + 1));
        }
        serials[logical] = ++lastSerial;
        return lastSerial;
    }

    /** Ends wait {@code serial} of {@code logical}: true when it was still going on. */
    boolean end(int logical, long serial) {
        if (logical < serials.length && serials[logical] == serial) {
            serials[logical] = 0L;
            return true;
        }
        return false;
    }
}
