package dev.retrylab.strategy.idempotency;

import dev.retrylab.time.Nanos;
import dev.retrylab.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The server side of idempotency keys: remembers the result of each key for a time-to-live on
 * the {@link Clock}, so that a retried request with the same key gets the first result instead of
 * executing twice. Follows the IETF draft "The Idempotency-Key HTTP Header Field" and Stripe's
 * practice: the first request executes, a duplicate during execution is refused (409), a later
 * duplicate is answered with the stored result.
 *
 * <p>Protocol: {@link #claim} the key; on {@code EXECUTE} run the operation, then
 * {@link #complete} with its result, or {@link #release} the key when it failed before any side
 * effect so that a retry may execute it again. {@link #execute} does all three for a synchronous
 * operation. Keys are compared exactly; scope them per client (one deduplicator per tenant, or the
 * tenant folded into the key) so two clients cannot collide.
 *
 * <p>Memory: a completed key is remembered for {@code ttl} after it completed; a claim that is
 * never completed nor released is forgotten {@code ttl} after it was claimed, so a lost request
 * cannot block its key forever. A key whose age equals {@code ttl} is still remembered.
 *
 * <p>Bound and eviction rule: when a new key would exceed {@code maxEntries}, expired keys are
 * dropped first, then the key stamped longest ago (oldest claim or completion), whether completed
 * or executing. An evicted key loses its protection, so size the table above the peak rate of
 * distinct keys times {@code ttl}; {@link DeduplicationStats#evictions()} shows when it is too
 * small.
 *
 * <p>Thread-safe: one lock guards the table; claim, complete and release are O(1) amortised.
 * Claiming a known key allocates nothing; a new key allocates its table entry.
 *
 * @param <R> the result type
 */
public final class Deduplicator<R> {

    private static final class Slot<R> {
        long stampNanos;
        Claim<R> completed;

        Slot(long stampNanos) {
            this.stampNanos = stampNanos;
        }
    }

    private final Clock clock;
    private final long ttlNanos;
    private final int maxEntries;
    private final LinkedHashMap<IdempotencyKey, Slot<R>> slots = new LinkedHashMap<>();
    private long executions;
    private long replays;
    private long inProgress;
    private long evictions;

    /**
     * A deduplicator that remembers up to {@code maxEntries} keys for {@code ttl} each.
     *
     * @param ttl        positive
     * @param maxEntries 1 or more
     * @param clock      the clock ages are measured on
     */
    public Deduplicator(Duration ttl, int maxEntries, Clock clock) {
        long ttlNanos = Nanos.positive("ttl", ttl);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be 1 or more, was " + maxEntries);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
    }

    /** Registers a request with {@code key} and says whether to execute it. */
    public Claim<R> claim(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        long now = clock.nanoTime();
        synchronized (slots) {
            Slot<R> slot = slots.get(key);
            if (slot != null && !expired(slot, now)) {
                if (slot.completed != null) {
                    replays++;
                    return slot.completed;
                }
                inProgress++;
                return Claim.inProgress();
            }
            if (slot != null) {
                slots.remove(key);
            }
            makeRoomLocked(now);
            slots.put(key, new Slot<>(now));
            executions++;
            return Claim.execute();
        }
    }

    /**
     * Stores the result of the execution claimed for {@code key}, to be remembered for the TTL
     * from now, and returns the result that stands: {@code result}, unless an unexpired result was
     * already stored for the key, which then stays and is returned.
     */
    public R complete(IdempotencyKey key, R result) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(result, "result");
        long now = clock.nanoTime();
        synchronized (slots) {
            Slot<R> slot = slots.get(key);
            if (slot != null && slot.completed != null && !expired(slot, now)) {
                return slot.completed.result();
            }
            if (slot != null) {
                slots.remove(key);
            } else {
                makeRoomLocked(now);
                slot = new Slot<>(now);
            }
            slot.stampNanos = now;
            slot.completed = Claim.completed(result);
            slots.put(key, slot);
            return result;
        }
    }

    /** Forgets an executing claim so a retry with {@code key} executes again; true when it did. */
    public boolean release(IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        synchronized (slots) {
            Slot<R> slot = slots.get(key);
            if (slot == null || slot.completed != null) {
                return false;
            }
            slots.remove(key);
            return true;
        }
    }

    /**
     * Runs {@code operation} once per key: the first request executes it and stores its result,
     * later ones get that result. An operation that throws releases the key, so a retry executes
     * again.
     *
     * @throws DuplicateInProgressException when an earlier request with the key is still running
     */
    public R execute(IdempotencyKey key, Supplier<? extends R> operation) {
        Objects.requireNonNull(operation, "operation");
        Claim<R> claim = claim(key);
        if (claim.status() == Claim.Status.COMPLETED) {
            return claim.result();
        }
        if (claim.status() == Claim.Status.IN_PROGRESS) {
            throw new DuplicateInProgressException(key);
        }
        R result;
        try {
            result = operation.get();
        } catch (RuntimeException | Error failure) {
            release(key);
            throw failure;
        }
        if (result == null) {
            release(key);
            throw new NullPointerException("the operation for key " + key + " returned null; "
                    + "return a value (for example an Optional) that can be replayed");
        }
        return complete(key, result);
    }

    /** Keys held, including expired ones not yet dropped. */
    public int size() {
        synchronized (slots) {
            return slots.size();
        }
    }

    /** The counters, read together under the lock. */
    public DeduplicationStats stats() {
        synchronized (slots) {
            return new DeduplicationStats(executions, replays, inProgress, evictions);
        }
    }

    public Duration ttl() {
        return Duration.ofNanos(ttlNanos);
    }

    public int maxEntries() {
        return maxEntries;
    }

    private boolean expired(Slot<R> slot, long now) {
        return now - slot.stampNanos > ttlNanos;
    }

    private void makeRoomLocked(long now) {
        Iterator<Map.Entry<IdempotencyKey, Slot<R>>> oldestFirst = slots.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Slot<R> oldest = oldestFirst.next().getValue();
            boolean isExpired = expired(oldest, now);
            if (!isExpired && slots.size() < maxEntries) {
                return;
            }
            if (!isExpired) {
                evictions++;
            }
            oldestFirst.remove();
        }
    }

    @Override
    public String toString() {
        return "Deduplicator[ttl=" + ttl() + ", maxEntries=" + maxEntries + "]";
    }
}
