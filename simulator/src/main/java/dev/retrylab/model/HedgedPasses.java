package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;
import java.util.Arrays;

/**
 * For a group that hedges: per logical request, the attempts of its current pass (the first
 * attempt and its hedges, linked through {@link AttemptTable#sibling}), how many the client still
 * waits for, how many hedges started, and the failure to report if they all fail (one carrying a
 * Retry-After hint wins). Each pass has a serial number so a hedge timer of an earlier pass, or of
 * a request whose slot was reused, does nothing. Not thread-safe; allocation-free once grown.
 */
final class HedgedPasses {

    private static final FailureKind[] KINDS = FailureKind.values();

    private long[] serial = new long[1024];
    private int[] head = new int[1024];
    private int[] first = new int[1024];
    private int[] outstanding = new int[1024];
    private int[] hedges = new int[1024];
    private boolean[] failed = new boolean[1024];
    private byte[] failureKind = new byte[1024];
    private long[] retryAfter = new long[1024];
    private long nextSerial;

    /** Starts a new pass of {@code logical}; returns its serial. */
    long startPass(int logical) {
        ensure(logical);
        serial[logical] = ++nextSerial;
        head[logical] = -1;
        first[logical] = -1;
        outstanding[logical] = 0;
        hedges[logical] = 0;
        failed[logical] = false;
        retryAfter[logical] = 0L;
        return serial[logical];
    }

    /** The request's slot was closed: no timer of its passes may act. */
    void closed(int logical) {
        ensure(logical);
        serial[logical] = 0L;
    }

    /** True while {@code passSerial} is the current pass of {@code logical} and hedging may go on. */
    boolean mayHedge(int logical, long passSerial) {
        return logical < serial.length && serial[logical] == passSerial && outstanding[logical] > 0
                && !failed[logical];
    }

    void added(int logical, int attempt, AttemptTable attempts, boolean hedge) {
        attempts.sibling(attempt, head[logical]);
        head[logical] = attempt;
        if (first[logical] < 0) {
            first[logical] = attempt;
        }
        outstanding[logical]++;
        if (hedge) {
            hedges[logical]++;
        }
    }

    /** True when {@code attempt} is a hedge, not the pass's first attempt. */
    boolean isHedge(int logical, int attempt) {
        return first[logical] != attempt;
    }

    int hedges(int logical) {
        return hedges[logical];
    }

    /** Attempt {@code attempt} ended for the client; returns how many of the pass it still waits for. */
    int ended(int logical, int attempt, AttemptTable attempts) {
        int previous = -1;
        for (int id = head[logical]; id >= 0; id = attempts.sibling(id)) {
            if (id == attempt) {
                if (previous < 0) {
                    head[logical] = attempts.sibling(id);
                } else {
                    attempts.sibling(previous, attempts.sibling(id));
                }
                break;
            }
            previous = id;
        }
        return --outstanding[logical];
    }

    /** Remembers a failure of the pass; hedging stops, and a Retry-After hint is kept over others. */
    void failure(int logical, FailureKind kind, long retryAfterNanos) {
        if (!failed[logical] || retryAfter[logical] == 0L) {
            failureKind[logical] = (byte) kind.ordinal();
            retryAfter[logical] = retryAfterNanos;
        }
        failed[logical] = true;
    }

    FailureKind failureKind(int logical) {
        return KINDS[failureKind[logical]];
    }

    long retryAfterNanos(int logical) {
        return retryAfter[logical];
    }

    /** The attempts the client still waits for in the pass, as a linked list through siblings. */
    int firstOutstanding(int logical) {
        return head[logical];
    }

    private void ensure(int logical) {
        if (logical >= serial.length) {
            int capacity = Math.max(serial.length * 2, logical + 1);
            serial = Arrays.copyOf(serial, capacity);
            head = Arrays.copyOf(head, capacity);
            first = Arrays.copyOf(first, capacity);
            outstanding = Arrays.copyOf(outstanding, capacity);
            hedges = Arrays.copyOf(hedges, capacity);
            failed = Arrays.copyOf(failed, capacity);
            failureKind = Arrays.copyOf(failureKind, capacity);
            retryAfter = Arrays.copyOf(retryAfter, capacity);
        }
    }
}
