package dev.retrylab.model;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.retry.RetryState;
import java.util.Arrays;

/**
 * The logical requests in flight: client, start time, the service called (for a group with
 * several targets), attempts so far, the kind of the latest failure, and the strategy's
 * {@link RetryState} between retries. Ids are reused through a free list. Not thread-safe.
 *
 * <p>Each request is one record of {@value #STRIDE} longs in a single array, so that handling a
 * failure touches one or two cache lines rather than one per field: with a million requests in
 * flight, each of them met at random moments, separate arrays would cost a cache miss per field.
 * For the same reason the retry state is not an object per request: the fields of a request's
 * state are kept in its record and loaded into one reusable {@code RetryState} when the strategy
 * decides ({@link #stateAfterFailure}), then stored back ({@link #saveState}).
 */
final class LogicalRequests {

    private static final int INITIAL_CAPACITY = 1024;
    private static final FailureKind[] KINDS = FailureKind.values();

    static final int STRIDE = 8;
    /** Client in the low 32 bits, attempts made in the high 32; the next free id while free. */
    private static final int CLIENT_AND_ATTEMPTS = 0;
    private static final int START = 1;
    /**
     * Upstream attempt in the low 32 bits, the latest failure's kind in the next 8,
     * {@link #STATE_SAVED} once the request has a retry state, and the index of the service it
     * calls among its group's targets in the top 16.
     */
    private static final int UPSTREAM_AND_FAILURE = 2;
    private static final long KIND_BITS = 0xFFL << 32;
    private static final long STATE_SAVED = 1L << 40;
    private static final int TARGET_SHIFT = 48;
    /** The most targets a request can name. */
    static final int MAX_TARGETS = 1 << (64 - TARGET_SHIFT);
    private static final int RETRY_ATTEMPTS = 3;
    private static final int PREVIOUS_DELAY = 4;
    private static final int PREVIOUS_BACKOFF = 5;
    private static final int NOT_BEFORE = 6;
    private static final int DEADLINE = 7;

    private final RetryState scratch = new RetryState(0L);
    private long[] records = new long[INITIAL_CAPACITY * STRIDE];
    private int freeHead = -1;
    private int used;
    private int inFlight;

    int open(int clientId, long now) {
        int id;
        if (freeHead >= 0) {
            id = freeHead;
            freeHead = (int) records[freeHead * STRIDE + CLIENT_AND_ATTEMPTS];
        } else {
            if ((used + 1) * STRIDE > records.length) {
                records = Arrays.copyOf(records, 2 * records.length);
            }
            id = used++;
        }
        int at = id * STRIDE;
        records[at + CLIENT_AND_ATTEMPTS] = clientId & 0xFFFF_FFFFL;
        records[at + START] = now;
        records[at + UPSTREAM_AND_FAILURE] = 0xFFFF_FFFFL;
        inFlight++;
        return id;
    }

    void close(int id) {
        records[id * STRIDE + CLIENT_AND_ATTEMPTS] = freeHead;
        freeHead = id;
        inFlight--;
    }

    int client(int id) {
        return (int) records[id * STRIDE + CLIENT_AND_ATTEMPTS];
    }

    long startNanos(int id) {
        return records[id * STRIDE + START];
    }

    /** The upstream attempt this request serves as a downstream call, or -1. */
    int upstream(int id) {
        return (int) records[id * STRIDE + UPSTREAM_AND_FAILURE];
    }

    void upstream(int id, int attemptId) {
        int at = id * STRIDE + UPSTREAM_AND_FAILURE;
        records[at] = (records[at] & ~0xFFFF_FFFFL) | (attemptId & 0xFFFF_FFFFL);
    }

    /** The index, among its group's targets, of the service the request calls; 0 until set. */
    int target(int id) {
        return (int) (records[id * STRIDE + UPSTREAM_AND_FAILURE] >>> TARGET_SHIFT);
    }

    void target(int id, int target) {
        int at = id * STRIDE + UPSTREAM_AND_FAILURE;
        records[at] = (records[at] & ((1L << TARGET_SHIFT) - 1)) | ((long) target << TARGET_SHIFT);
    }

    int attempts(int id) {
        return (int) (records[id * STRIDE + CLIENT_AND_ATTEMPTS] >>> 32);
    }

    /** Counts a new attempt; returns how many the request has made with it. */
    int attemptStarted(int id) {
        int at = id * STRIDE + CLIENT_AND_ATTEMPTS;
        records[at] += 1L << 32;
        return (int) (records[at] >>> 32);
    }

    /**
     * The strategy's state for a request that just failed, in a {@code RetryState} shared by all
     * requests and valid until the next call: at the request's first failure a fresh state started
     * at the request's start with {@code deadlineNanos} (absolute; {@link RetryState#NO_DEADLINE}
     * for none), later the state {@link #saveState} kept.
     */
    RetryState stateAfterFailure(int id, long deadlineNanos) {
        int at = id * STRIDE;
        scratch.reset(records[at + START]);
        if ((records[at + UPSTREAM_AND_FAILURE] & STATE_SAVED) != 0) {
            scratch.restore((int) records[at + RETRY_ATTEMPTS], records[at + PREVIOUS_DELAY],
                    records[at + PREVIOUS_BACKOFF], records[at + NOT_BEFORE]);
            scratch.deadlineNanos(records[at + DEADLINE]);
        } else {
            scratch.deadlineNanos(deadlineNanos);
        }
        return scratch;
    }

    /** Keeps the state {@link #stateAfterFailure} returned, after the strategy has updated it. */
    void saveState(int id, RetryState state) {
        int at = id * STRIDE;
        records[at + RETRY_ATTEMPTS] = state.attempts();
        records[at + PREVIOUS_DELAY] = state.previousDelayNanos();
        records[at + PREVIOUS_BACKOFF] = state.previousBackoffNanos();
        records[at + NOT_BEFORE] = state.notBeforeNanos();
        records[at + DEADLINE] = state.deadlineNanos();
        records[at + UPSTREAM_AND_FAILURE] |= STATE_SAVED;
    }

    /** Remembers the kind of the request's latest failure, for budgets that refund by kind. */
    void lastFailure(int id, FailureKind kind) {
        int at = id * STRIDE + UPSTREAM_AND_FAILURE;
        records[at] = (records[at] & ~KIND_BITS) | ((long) kind.ordinal() << 32);
    }

    /** The kind of the request's latest failure; only meaningful once it has failed. */
    FailureKind lastFailure(int id) {
        return KINDS[(int) ((records[id * STRIDE + UPSTREAM_AND_FAILURE] & KIND_BITS) >>> 32)];
    }

    int inFlight() {
        return inFlight;
    }
}
