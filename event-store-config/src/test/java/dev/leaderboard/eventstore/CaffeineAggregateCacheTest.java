package dev.leaderboard.eventstore;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineAggregateCacheTest {

    private final CaffeineAggregateCache cache = new CaffeineAggregateCache(100);

    @Test
    void getReturnsWhatWasPut() {
        cache.put("alice", "aggregate of alice");

        assertThat(cache.<String, String>get("alice")).isEqualTo("aggregate of alice");
        assertThat(cache.containsKey("alice")).isTrue();
    }

    @Test
    void getOfAnAbsentKeyIsNull() {
        assertThat(cache.<String, Object>get("nobody")).isNull();
        assertThat(cache.containsKey("nobody")).isFalse();
    }

    @Test
    void putReplacesThePreviousValue() {
        cache.put("alice", "v1");
        cache.put("alice", "v2");

        assertThat(cache.<String, String>get("alice")).isEqualTo("v2");
    }

    @Test
    void putIfAbsentKeepsAnExistingValue() {
        assertThat(cache.putIfAbsent("alice", "v1")).isTrue();
        assertThat(cache.putIfAbsent("alice", "v2")).isFalse();

        assertThat(cache.<String, String>get("alice")).isEqualTo("v1");
    }

    @Test
    void removeDropsTheEntryAndReportsWhetherThereWasOne() {
        cache.put("alice", "v1");

        assertThat(cache.remove("alice")).isTrue();
        assertThat(cache.remove("alice")).isFalse();
        assertThat(cache.containsKey("alice")).isFalse();
    }

    @Test
    void removeAllEmptiesTheCache() {
        cache.put("alice", "a");
        cache.put("bob", "b");

        cache.removeAll();

        assertThat(cache.containsKey("alice")).isFalse();
        assertThat(cache.containsKey("bob")).isFalse();
    }

    @Test
    void computeIfAbsentCallsTheSupplierOnlyForAMissingKey() {
        AtomicInteger calls = new AtomicInteger();

        String first = cache.computeIfAbsent("alice", () -> "computed " + calls.incrementAndGet());
        String second = cache.computeIfAbsent("alice", () -> "computed " + calls.incrementAndGet());

        assertThat(first).isEqualTo("computed 1");
        assertThat(second).isEqualTo("computed 1");
        assertThat(calls).hasValue(1);
        assertThat(cache.<String, String>get("alice")).isEqualTo("computed 1");
    }

    @Test
    void computeIfPresentUpdatesOnlyAnExistingEntry() {
        cache.put("alice", 1);

        cache.<Integer>computeIfPresent("alice", v -> v + 1);
        cache.<Integer>computeIfPresent("bob", v -> v + 1);

        assertThat(cache.<String, Integer>get("alice")).isEqualTo(2);
        assertThat(cache.containsKey("bob")).isFalse();
    }

    @Test
    void sizeStaysBoundedByTheMaximum() {
        IntStream.range(0, 10_000).forEach(i -> cache.put("player-" + i, i));
        // Caffeine evicts in maintenance tasks on the common pool; wait for them instead of for time.
        assertThat(ForkJoinPool.commonPool().awaitQuiescence(1, TimeUnit.MINUTES)).isTrue();

        long present = IntStream.range(0, 10_000).filter(i -> cache.containsKey("player-" + i)).count();
        assertThat(present).isBetween(1L, 100L);
    }

    @Test
    void entryListenersAreRefused() {
        assertThatThrownBy(() -> cache.registerCacheEntryListener(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
