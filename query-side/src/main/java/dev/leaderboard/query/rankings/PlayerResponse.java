package dev.leaderboard.query.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.boards.Tiers;

import java.util.List;

/**
 * {@code GET /api/v1/leaderboards/{id}/players/{userId}}. {@code rank} and the entries' ranks are in the requested
 * style; {@code topPercent} (= ordinal rank / totalPlayers x 100), {@code percentile} (= 100 - topPercent) and
 * {@code tier} (null in none) come from the ordinal rank, as tiers cut by it. {@code segment} only when one was read.
 */
public record PlayerResponse(String leaderboardId, @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
                             String window, Slice.PeriodView period, String userId, long rank, long score,
                             long totalPlayers, double topPercent, double percentile, String tier,
                             List<RankedEntry> entries) {

    public static PlayerResponse of(Slice slice, String userId, PlayerPosition position, List<Tier> tiers) {
        long shown = position.neighbours().stream().filter(e -> e.userId().equals(userId)).findFirst()
                .map(RankedEntry::rank).orElse(position.rank());
        return new PlayerResponse(slice.boardId(), slice.segment(), slice.window(), slice.view(), userId, shown,
                position.score(), position.totalPlayers(), 100.0 * position.rank() / position.totalPlayers(),
                Tiers.percentile(position.rank(), position.totalPlayers()),
                Tiers.tierOf(Tiers.ranges(tiers, position.totalPlayers()), position.rank()).orElse(null),
                position.neighbours());
    }
}
