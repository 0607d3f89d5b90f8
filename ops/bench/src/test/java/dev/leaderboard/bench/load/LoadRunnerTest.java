package dev.leaderboard.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LoadRunnerTest {

    @Test
    void eachClientStopsAtItsCallCapAndTheOutcomesAddUp() {
        LoadRunner runner = new LoadRunner("test-client");
        LoadResult result = runner.run(new LoadRunner.Settings(3, Duration.ZERO, Duration.ofSeconds(30), 5),
                (phase, index) -> n -> n % 5 == 4
                        ? new Outcome("200 not all accepted", 10, 7, Map.of("accepted", 7, "duplicate", 3))
                        : new Outcome("200 all accepted", 10, 10, Map.of("accepted", 10)),
                Optional.empty());

        assertThat(result.calls()).isEqualTo(15);
        assertThat(result.actions()).isEqualTo(150);
        assertThat(result.accepted()).isEqualTo(12 * 10 + 3 * 7);
        assertThat(result.callOutcomes()).containsEntry("200 all accepted", 12L)
                .containsEntry("200 not all accepted", 3L);
        assertThat(result.actionOutcomes()).containsEntry("accepted", 141L).containsEntry("duplicate", 9L);
        assertThat(result.latency().count()).isEqualTo(15);
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(30));
        assertThat(result.cpu()).isEmpty();
    }

    @Test
    void aPhaseEndsAtItsDeadlineAndTheWarmUpIsNotCounted() {
        Set<String> phases = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        LoadResult result = new LoadRunner("test-client").run(
                new LoadRunner.Settings(2, Duration.ofMillis(100), Duration.ofMillis(200)),
                (phase, index) -> {
                    phases.add(phase);
                    return n -> {
                        calls.incrementAndGet();
                        Thread.sleep(5);
                        return Outcome.ACCEPTED;
                    };
                }, Optional.empty());

        assertThat(phases).hasSize(2).contains("m");
        assertThat(result.elapsed()).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
        assertThat(result.calls()).isPositive().isLessThan(calls.get());
        assertThat(result.accepted()).isEqualTo(result.calls());
    }

    @Test
    void aFailingCallIsCountedByItsExceptionAndTheLoadGoesOn() {
        LoadResult result = new LoadRunner("test-client").run(
                new LoadRunner.Settings(1, Duration.ZERO, Duration.ofSeconds(30), 4),
                (phase, index) -> n -> {
                    if (n == 1) {
                        throw new IllegalStateException("boom");
                    }
                    return Outcome.ACCEPTED;
                }, Optional.empty());

        assertThat(result.calls()).isEqualTo(4);
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.callOutcomes()).containsEntry("IllegalStateException", 1L);
        assertThat(result.firstError()).contains("boom");
    }
}
