package dev.leaderboard.windows;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    private final Period day = new Period("2026-11-22",
            Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

    @Test
    void startIsInsideThePeriod() {
        assertThat(day.contains(Instant.parse("2026-11-22T00:00:00Z"))).isTrue();
    }

    @Test
    void lastInstantBeforeEndIsInside() {
        assertThat(day.contains(Instant.parse("2026-11-22T23:59:59.999999999Z"))).isTrue();
    }

    @Test
    void endIsOutsideThePeriod() {
        assertThat(day.contains(Instant.parse("2026-11-23T00:00:00Z"))).isFalse();
    }

    @Test
    void instantBeforeStartIsOutside() {
        assertThat(day.contains(Instant.parse("2026-11-21T23:59:59.999999999Z"))).isFalse();
    }
}
