package dev.leaderboard.projections.standings;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.windows.TimeWindow;

import java.time.Instant;
import java.util.List;

/** What each event means for the standings. Adding an event type is one method here and one handler. */
public final class StandingsOfEvents {

    private StandingsOfEvents() {
    }

    /** The standings an event sets; none for events that do not touch standings. */
    public static List<Standing> of(Object event, long version) {
        return switch (event) {
            case ScoreIncreased e -> of(e, version);
            default -> List.of();
        };
    }

    static List<Standing> of(ScoreIncreased event, long version) {
        Instant reachedAt = RankMember.truncate(event.occurredAt());
        String board = event.leaderboardId();
        String user = event.userId();
        return List.of(
                new Standing(board, TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY, user, event.totals().allTime(),
                        reachedAt, version),
                periodStanding(board, TimeWindow.DAILY, event.totals().daily(), user, reachedAt, version),
                periodStanding(board, TimeWindow.WEEKLY, event.totals().weekly(), user, reachedAt, version),
                periodStanding(board, TimeWindow.MONTHLY, event.totals().monthly(), user, reachedAt, version));
    }

    private static Standing periodStanding(String board, TimeWindow window, PeriodTotal total, String user,
                                           Instant reachedAt, long version) {
        return new Standing(board, window, total.period(), user, total.total(), reachedAt, version);
    }
}
