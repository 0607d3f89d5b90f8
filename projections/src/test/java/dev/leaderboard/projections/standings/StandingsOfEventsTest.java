package dev.leaderboard.projections.standings;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.WindowTotals;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StandingsOfEventsTest {

    @Test
    void aWindowAnAdjustmentLeftUnchangedSetsNoStanding() {
        ScoreAdjusted adjusted = new ScoreAdjusted("alice", "global", "t-1", -5,
                new WindowTotals(20, null, new PeriodTotal("2026-W47", 20), new PeriodTotal("2026-11", 20)),
                "typo", "ops", Instant.parse("2026-11-22T10:00:00Z"));

        assertThat(StandingsOfEvents.of(adjusted, 3)).extracting(Standing::window)
                .containsExactly(TimeWindow.ALL_TIME, TimeWindow.WEEKLY, TimeWindow.MONTHLY);
    }
}
