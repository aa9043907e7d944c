package dev.retrylab.strategy.fallback;

import dev.retrylab.time.Nanos;
import dev.retrylab.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest good value per key, served when its dependency and the fallback both fail, for as
 * long as it is fresh: a value stored {@code maxAge} or less ago on the {@link Clock} is served,
 * an older one never. This is the "serve stale" degradation of HTTP caching (RFC 5861,
 * {@code stale-if-error}) and of Nygard's "Release It!" (2nd ed., 2018), bounded by an age.
 *
 * <p>Bounded: when a new key would exceed {@code maxEntries}, expired entries are dropped first,
 * then the entry stored longest ago. Entries are kept in the order they were stored (a put of an
 * existing key moves it to the back), so both steps take O(1) per dropped entry.
 *
 * <p>Thread-safe: one lock guards the table; every operation is O(1) amortised and holds the lock
 * briefly. Reads allocate nothing except {@link #getFresh}'s Optional; {@link #freshEntry} is the
 * allocation-free form.
 *
 * @param <K> the key type, with proper equals and hashCode
 * @param <V> the value type
 */
public final class LastKnownGoodCache<K, V> {

    /**
     * A stored value and when it was stored.
     *
     * @param value         the value
     * @param storedAtNanos the time of the put on the cache's clock
     * @param <V>           the value type
     */
    public record Entry<V>(V value, long storedAtNanos) {
    }

    private final Clock clock;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();
    private long evictions;

    /**
     * A cache whose values are served up to {@code maxAge} after they were stored.
     *
     * @param maxAge     positive
     * @param maxEntries 1 or more
     * @param clock      the clock ages are measured on
     */
    public LastKnownGoodCache(Duration maxAge, int maxEntries, Clock clock) {
        long maxAgeNanos = Nanos.positive("maxAge", maxAge);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be 1 or more, was " + maxEntries);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAgeNanos = maxAgeNanos;
        this.maxEntries = maxEntries;
    }

    /** Stores {@code value} as the latest good value for {@code key}, stamped now. */
    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long now = clock.nanoTime();
        Entry<V> entry = new Entry<>(value, now);
        synchronized (entries) {
            if (entries.remove(key) == null) {
                makeRoomLocked(now);
            }
            entries.put(key, entry);
        }
    }

    /** The value for {@code key} if one was stored at most {@code maxAge} ago. */
    public Optional<V> getFresh(K key) {
        Entry<V> entry = freshEntry(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** The entry for {@code key} if stored at most {@code maxAge} ago, else null; no allocation. */
    public Entry<V> freshEntry(K key) {
        Objects.requireNonNull(key, "key");
        long now = clock.nanoTime();
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            return entry != null && isFresh(entry, now) ? entry : null;
        }
    }

    /** How long ago {@code entry} was stored, on this cache's clock. */
    public long ageNanos(Entry<V> entry) {
        return Math.max(0L, clock.nanoTime() - entry.storedAtNanos());
    }

    /** Forgets the value for {@code key}; true when there was one. */
    public boolean invalidate(K key) {
        synchronized (entries) {
            return entries.remove(Objects.requireNonNull(key, "key")) != null;
        }
    }

    /** Entries held, fresh or not yet dropped. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Entries dropped to stay within {@code maxEntries} while still fresh. */
    public long evictions() {
        synchronized (entries) {
            return evictions;
        }
    }

    public Duration maxAge() {
        return Duration.ofNanos(maxAgeNanos);
    }

    public int maxEntries() {
        return maxEntries;
    }

    private boolean isFresh(Entry<V> entry, long now) {
        return now - entry.storedAtNanos() <= maxAgeNanos;
    }

    private void makeRoomLocked(long now) {
        Iterator<Map.Entry<K, Entry<V>>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            boolean fresh = isFresh(oldestFirst.next().getValue(), now);
            if (fresh && entries.size() < maxEntries) {
                return;
            }
            if (fresh) {
                evictions++;
            }
            oldestFirst.remove();
        }
    }

    @Override
    public String toString() {
        return "LastKnownGoodCache[maxAge=" + maxAge() + ", maxEntries=" + maxEntries + "]";
    }
}
