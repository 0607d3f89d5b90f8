package dev.leaderboard.command.scoring;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.WindowTotals;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreTotalsTest {

    private static final Instant SUNDAY_NIGHT = Instant.parse("2026-11-22T23:30:00Z");

    @Test
    void firstPointsOpenEveryPeriodOfTheInstant() {
        assertThat(ScoreTotals.after(ScoreTotals.NONE, 10, SUNDAY_NIGHT)).isEqualTo(new WindowTotals(10,
                new PeriodTotal("2026-11-22", 10), new PeriodTotal("2026-W47", 10), new PeriodTotal("2026-11", 10)));
    }

    @Test
    void pointsInTheSamePeriodsAddUp() {
        WindowTotals before = ScoreTotals.after(ScoreTotals.NONE, 10, SUNDAY_NIGHT);

        assertThat(ScoreTotals.after(before, 5, SUNDAY_NIGHT.plusSeconds(60))).isEqualTo(new WindowTotals(15,
                new PeriodTotal("2026-11-22", 15), new PeriodTotal("2026-W47", 15), new PeriodTotal("2026-11", 15)));
    }

    @Test
    void onlyThePeriodsThatChangedStartOver() {
        WindowTotals before = ScoreTotals.after(ScoreTotals.NONE, 10, SUNDAY_NIGHT);

        assertThat(ScoreTotals.after(before, 5, Instant.parse("2026-11-23T00:30:00Z"))).isEqualTo(new WindowTotals(15,
                new PeriodTotal("2026-11-23", 5), new PeriodTotal("2026-W48", 5), new PeriodTotal("2026-11", 15)));
    }

    @Test
    void aPeriodTotalFromAnyOtherPeriodIsNotCarried() {
        WindowTotals stale = new WindowTotals(100, new PeriodTotal("2026-11-01", 40), new PeriodTotal("2026-W44", 60),
                new PeriodTotal("2026-10", 100));

        assertThat(ScoreTotals.after(stale, 1, SUNDAY_NIGHT)).isEqualTo(new WindowTotals(101,
                new PeriodTotal("2026-11-22", 1), new PeriodTotal("2026-W47", 1), new PeriodTotal("2026-11", 1)));
    }

    @Test
    void limitIsInclusiveAtTwoToThe53() {
        assertThat(ScoreTotals.withinLimit(new WindowTotals(1L << 53, null, null, null))).isTrue();
        assertThat(ScoreTotals.withinLimit(new WindowTotals((1L << 53) + 1, null, null, null))).isFalse();
    }
}
