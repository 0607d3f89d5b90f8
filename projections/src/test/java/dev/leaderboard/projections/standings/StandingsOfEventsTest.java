package dev.leaderboard.projections.standings;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StandingsOfEventsTest {

    @Test
    void aWindowAnAdjustmentLeftUnchangedSetsNoStanding() {
        ScoreAdjusted adjusted = new ScoreAdjusted("alice", "global", "t-1", -5,
                new WindowTotals(20, null, new PeriodTotal("2026-W47", 20), new PeriodTotal("2026-11", 20)),
                "typo", "ops", Instant.parse("2026-11-22T10:00:00Z"));

        assertThat(StandingsOfEvents.of(adjusted, 3)).extracting(Standing::window)
                .containsExactly(TimeWindow.ALL_TIME, TimeWindow.WEEKLY, TimeWindow.MONTHLY);
    }

    @Test
    void aPlayerWithASegmentGetsTheSameStandingsOnTheSegmentBoard() {
        ScoreIncreased increased = new ScoreIncreased("alice", "global", "a-1", "quiz-completed", 10,
                new WindowTotals(30, new PeriodTotal("2026-11-22", 10), new PeriodTotal("2026-W47", 20),
                        new PeriodTotal("2026-11", 30)),
                Instant.parse("2026-11-22T10:00:00.123456789Z"), Map.of(), "eu");

        List<Standing> standings = StandingsOfEvents.of(increased, 7);

        assertThat(standings).hasSize(8);
        List<Standing> board = standings.stream().filter(s -> s.leaderboardId().equals("global")).toList();
        List<Standing> segment = standings.stream().filter(s -> s.leaderboardId().equals("global@eu")).toList();
        assertThat(board).hasSize(4);
        assertThat(segment).usingRecursiveFieldByFieldElementComparatorIgnoringFields("leaderboardId")
                .containsExactlyElementsOf(board);
    }

    @Test
    void anAdjustmentOfAPlayerWithASegmentMovesTheSegmentBoardToo() {
        ScoreAdjusted adjusted = new ScoreAdjusted("alice", "global", "t-1", -5,
                new WindowTotals(20, null, null, null), "typo", "ops", Instant.parse("2026-11-22T10:00:00Z"), "eu");

        assertThat(StandingsOfEvents.of(adjusted, 3)).extracting(Standing::leaderboardId, Standing::score)
                .containsExactly(tuple("global", 20L), tuple("global@eu", 20L));
    }

    @Test
    void anEventWithoutSegmentSetsOnlyTheBoard() {
        ScoreIncreased increased = new ScoreIncreased("alice", "global", "a-1", "quiz-completed", 10,
                new WindowTotals(10, null, null, null), Instant.parse("2026-11-22T10:00:00Z"), Map.of());

        assertThat(StandingsOfEvents.of(increased, 0)).extracting(Standing::leaderboardId).containsOnly("global");
    }
}
