package dev.retrylab.strategy.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.ConcurrentRun;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LastKnownGoodCacheTest {

    private final ManualScheduler clock = new ManualScheduler();

    @Test
    void getFresh_withinMaxAge_returnsTheValue() {
        LastKnownGoodCache<String, String> cache = new LastKnownGoodCache<>(Duration.ofSeconds(10), 100, clock);
        cache.put("user-1", "Ada");
        clock.advance(Duration.ofSeconds(9));

        assertThat(cache.getFresh("user-1")).contains("Ada");
        assertThat(cache.getFresh("user-2")).isEmpty();
    }

    @Test
    void getFresh_exactlyMaxAgeThenOneNanoMore_servedThenNot() {
        LastKnownGoodCache<String, String> cache = new LastKnownGoodCache<>(Duration.ofSeconds(10), 100, clock);
        cache.put("k", "v");

        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.getFresh("k")).as("age == maxAge").contains("v");
        assertThat(cache.ageNanos(cache.freshEntry("k"))).isEqualTo(10_000_000_000L);

        clock.advance(Duration.ofNanos(1));
        assertThat(cache.getFresh("k")).as("age > maxAge").isEmpty();
        assertThat(cache.freshEntry("k")).isNull();
    }

    @Test
    void put_again_restartsTheAge() {
        LastKnownGoodCache<String, Integer> cache = new LastKnownGoodCache<>(Duration.ofSeconds(10), 100, clock);
        cache.put("k", 1);
        clock.advance(Duration.ofSeconds(8));
        cache.put("k", 2);
        clock.advance(Duration.ofSeconds(8));

        assertThat(cache.getFresh("k")).contains(2);
        assertThat(cache.freshEntry("k").storedAtNanos()).isEqualTo(8_000_000_000L);
    }

    @Test
    void put_newKeyWhenFull_evictsTheOldestStored() {
        LastKnownGoodCache<String, Integer> cache = new LastKnownGoodCache<>(Duration.ofMinutes(1), 2, clock);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("a", 3);

        cache.put("c", 4);

        assertThat(cache.getFresh("b")).as("b was stored longest ago").isEmpty();
        assertThat(cache.getFresh("a")).contains(3);
        assertThat(cache.getFresh("c")).contains(4);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.evictions()).isEqualTo(1);
    }

    @Test
    void put_newKeyWhenFull_dropsExpiredEntriesWithoutCountingEvictions() {
        LastKnownGoodCache<String, Integer> cache = new LastKnownGoodCache<>(Duration.ofSeconds(1), 2, clock);
        cache.put("a", 1);
        cache.put("b", 2);
        clock.advance(Duration.ofSeconds(2));

        cache.put("c", 3);

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.evictions()).isZero();
        assertThat(cache.getFresh("c")).contains(3);
    }

    @Test
    void invalidate_storedKey_isNotServed() {
        LastKnownGoodCache<String, Integer> cache = new LastKnownGoodCache<>(Duration.ofSeconds(1), 2, clock);
        cache.put("a", 1);

        assertThat(cache.invalidate("a")).isTrue();
        assertThat(cache.invalidate("a")).isFalse();
        assertThat(cache.getFresh("a")).isEmpty();
    }

    @Test
    void constructor_invalidSettings_throwNamingTheSetting() {
        assertThatThrownBy(() -> new LastKnownGoodCache<String, String>(Duration.ZERO, 1, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAge must be positive, was PT0S");
        assertThatThrownBy(() -> new LastKnownGoodCache<String, String>(Duration.ofSeconds(1), 0, clock))
                .hasMessage("maxEntries must be 1 or more, was 0");
        LastKnownGoodCache<String, String> cache = new LastKnownGoodCache<>(Duration.ofSeconds(1), 1, clock);
        assertThatThrownBy(() -> cache.put("k", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void putAndGet_eightThreadsDistinctKeys_everyValueIsServed() throws InterruptedException {
        LastKnownGoodCache<String, Integer> cache = new LastKnownGoodCache<>(Duration.ofMinutes(1), 100_000, clock);

        ConcurrentRun.inThreads(8, thread -> {
            for (int i = 0; i < 2_000; i++) {
                cache.put(thread + "-" + i, i);
                if (cache.getFresh(thread + "-" + i).orElseThrow() != i) {
                    throw new AssertionError("lost " + thread + "-" + i);
                }
            }
        });

        assertThat(cache.size()).isEqualTo(16_000);
        assertThat(cache.evictions()).isZero();
    }

    @Test
    void put_eightThreadsOverTheBound_sizePlusEvictionsAddUp() throws InterruptedException {
        LastKnownGoodCache<String, Integer> cache = new LastKnownGoodCache<>(Duration.ofMinutes(1), 500, clock);

        ConcurrentRun.inThreads(8, thread -> {
            for (int i = 0; i < 2_000; i++) {
                cache.put(thread + "-" + i, i);
                cache.getFresh(thread + "-" + (i / 2));
            }
        });

        assertThat(cache.size()).isEqualTo(500);
        assertThat(cache.size() + cache.evictions()).isEqualTo(16_000);
    }
}
