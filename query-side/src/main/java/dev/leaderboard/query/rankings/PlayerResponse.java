package dev.leaderboard.query.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** {@code GET /api/v1/leaderboards/{id}/players/{userId}}. {@code topPercent} = rank / totalPlayers x 100. */
public record PlayerResponse(String leaderboardId, @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
                             String window, Slice.PeriodView period, String userId, long rank, long score,
                             long totalPlayers, double topPercent, List<RankedEntry> entries) {

    public static PlayerResponse of(Slice slice, String userId, PlayerPosition position) {
        return new PlayerResponse(slice.boardId(), slice.segment(), slice.window(), slice.view(), userId,
                position.rank(), position.score(), position.totalPlayers(),
                100.0 * position.rank() / position.totalPlayers(), position.neighbours());
    }
}
