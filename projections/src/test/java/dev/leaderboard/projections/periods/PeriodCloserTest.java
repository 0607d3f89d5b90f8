package dev.leaderboard.projections.periods;

import dev.leaderboard.windows.Period;
import dev.leaderboard.windows.TimeWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodCloserTest {

    private final PeriodCloser closer = new PeriodCloser(
            new PeriodCloseProperties(true, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofDays(3)),
            null, null, null, null, null, Clock.systemUTC(), new SimpleMeterRegistry());

    @Test
    void aPeriodIsDueOnlyOnceItsGraceHasPassedAndUntilTheLookback() {
        assertThat(closer.duePeriods(TimeWindow.DAILY, Instant.parse("2026-11-25T00:04:59Z")))
                .extracting(Period::key).containsExactly("2026-11-23", "2026-11-22");
        assertThat(closer.duePeriods(TimeWindow.DAILY, Instant.parse("2026-11-25T00:05:00Z")))
                .extracting(Period::key).containsExactly("2026-11-24", "2026-11-23", "2026-11-22");
        assertThat(closer.duePeriods(TimeWindow.WEEKLY, Instant.parse("2026-11-25T00:05:00Z")))
                .extracting(Period::key).containsExactly("2026-W47");
        assertThat(closer.duePeriods(TimeWindow.MONTHLY, Instant.parse("2026-11-25T00:05:00Z"))).isEmpty();
    }

    @Test
    void anEventAboveTheFenceOfItsPeriodIsLateAndOnlyForThatPeriod() {
        Fences fences = new Fences(Map.of("daily|2026-11-24", 100L));
        assertThat(fences.excludes(TimeWindow.DAILY, "2026-11-24", 100)).isFalse();
        assertThat(fences.excludes(TimeWindow.DAILY, "2026-11-24", 101)).isTrue();
        assertThat(fences.excludes(TimeWindow.WEEKLY, "2026-11-24", 101)).isFalse();
        assertThat(fences.excludes(TimeWindow.DAILY, "2026-11-25", 101)).isFalse();
    }
}
