package dev.leaderboard.query.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code GET /api/v1/leaderboards/{id}/rankings}, and the data of every live stream event. {@code segment} only when
 * one was read.
 */
public record RankingsResponse(String leaderboardId, @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
                               String window, Slice.PeriodView period, long totalPlayers, long offset, int limit,
                               List<RankedEntry> entries) {

    public static RankingsResponse of(Slice slice, long offset, int limit, RankingPage page) {
        return new RankingsResponse(slice.boardId(), slice.segment(), slice.window(), slice.view(),
                page.totalPlayers(), offset, limit, page.entries());
    }
}
