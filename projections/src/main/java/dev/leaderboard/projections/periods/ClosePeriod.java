package dev.leaderboard.projections.periods;

import dev.leaderboard.boards.Tier;
import dev.leaderboard.windows.Period;
import dev.leaderboard.windows.TimeWindow;

import java.util.List;

/** Freeze a board's final standings of an ended period, covering the event store up to {@code fence}. */
public record ClosePeriod(String leaderboardId, TimeWindow window, Period period, long fence, List<Tier> tiers) {

    public ClosePeriod {
        tiers = List.copyOf(tiers);
    }

    /** The closed period's aggregate id; user and board ids cannot hold ':' or '|'. */
    public String aggregateId() {
        return ClosedPeriod.aggregateIdOf(leaderboardId, window, period.key());
    }
}
