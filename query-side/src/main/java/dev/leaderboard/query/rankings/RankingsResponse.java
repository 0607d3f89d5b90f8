package dev.leaderboard.query.rankings;

import java.util.List;

/** {@code GET /api/v1/leaderboards/{id}/rankings}, and the data of every live stream event. */
public record RankingsResponse(String leaderboardId, String window, Slice.PeriodView period, long totalPlayers,
                               long offset, int limit, List<RankedEntry> entries) {

    public static RankingsResponse of(Slice slice, long offset, int limit, RankingPage page) {
        return new RankingsResponse(slice.leaderboardId(), slice.window(), slice.view(), page.totalPlayers(), offset,
                limit, page.entries());
    }
}
