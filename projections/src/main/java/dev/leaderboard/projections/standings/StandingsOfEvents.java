package dev.leaderboard.projections.standings;

import dev.leaderboard.boards.Segments;
import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.periods.Fences;
import dev.leaderboard.windows.TimeWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** What each event means for the standings. Adding an event type is one method here and one handler. */
public final class StandingsOfEvents {

    private StandingsOfEvents() {
    }

    /** Records what an event means in a batch: standings it sets, or a player's suspension state. */
    public static void addTo(StandingChanges changes, Object event, long version) {
        switch (event) {
            case PlayerSuspended e -> changes.suspend(e.userId(), RankMember.truncate(e.occurredAt()));
            case PlayerReinstated e -> changes.reinstate(e.userId());
            default -> changes.add(of(event, version));
        }
    }

    /**
     * As {@link #addTo(StandingChanges, Object, long)}, leaving out the standings of closed periods the event, stored
     * at {@code position}, came too late for; each window it came too late for is reported to {@code late} once. The
     * event still counts in all-time and in every period still open.
     */
    public static void addTo(StandingChanges changes, Object event, long version, long position, Fences fences,
                             Consumer<TimeWindow> late) {
        if (event instanceof ScoreIncreased || event instanceof ScoreAdjusted) {
            List<Standing> counted = new ArrayList<>(8);
            Set<TimeWindow> lateFor = EnumSet.noneOf(TimeWindow.class);
            for (Standing standing : of(event, version)) {
                if (fences.excludes(standing.window(), standing.period(), position)) {
                    lateFor.add(standing.window());
                } else {
                    counted.add(standing);
                }
            }
            lateFor.forEach(late);
            changes.add(counted);
        } else {
            addTo(changes, event, version);
        }
    }

    /**
     * The standings an event sets; none for events that do not touch standings. A player with a segment gets the
     * same standings on the segment's board ({@link Segments#boardKey}): their totals on the board, so the segment
     * board is exactly the board restricted to the segment, with the same scores, reach times and versions.
     */
    public static List<Standing> of(Object event, long version) {
        return switch (event) {
            case ScoreIncreased e -> of(e.leaderboardId(), e.segment(), e.userId(), e.totals(), e.occurredAt(),
                    version);
            case ScoreAdjusted e -> of(e.leaderboardId(), e.segment(), e.userId(), e.totals(), e.occurredAt(),
                    version);
            default -> List.of();
        };
    }

    private static List<Standing> of(String board, String segment, String user, WindowTotals totals,
                                     Instant occurredAt, long version) {
        List<Standing> standings = of(board, user, totals, occurredAt, version);
        if (segment != null) {
            standings.addAll(of(Segments.boardKey(board, segment), user, totals, occurredAt, version));
        }
        return standings;
    }

    /**
     * Absolute totals after the event, as ScoreIncreased and ScoreAdjusted both carry them. A null period total (a
     * window a ScoreAdjusted left unchanged) sets no standing, so that period keeps its total and reach time.
     */
    private static List<Standing> of(String board, String user, WindowTotals totals, Instant occurredAt,
                                     long version) {
        Instant reachedAt = RankMember.truncate(occurredAt);
        List<Standing> standings = new ArrayList<>(4);
        standings.add(new Standing(board, TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY, user, totals.allTime(),
                reachedAt, version));
        addPeriod(standings, board, TimeWindow.DAILY, totals.daily(), user, reachedAt, version);
        addPeriod(standings, board, TimeWindow.WEEKLY, totals.weekly(), user, reachedAt, version);
        addPeriod(standings, board, TimeWindow.MONTHLY, totals.monthly(), user, reachedAt, version);
        return standings;
    }

    private static void addPeriod(List<Standing> standings, String board, TimeWindow window, PeriodTotal total,
                                  String user, Instant reachedAt, long version) {
        if (total != null) {
            standings.add(new Standing(board, window, total.period(), user, total.total(), reachedAt, version));
        }
    }
}
