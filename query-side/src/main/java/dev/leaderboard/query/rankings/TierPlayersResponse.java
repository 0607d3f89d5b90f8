package dev.leaderboard.query.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code GET /api/v1/leaderboards/{id}/tiers/{tier}/players}: a page of one tier's players; {@code offset} counts
 * from the tier's first player, the entries are shaped like the rankings'.
 */
public record TierPlayersResponse(String leaderboardId, @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
                                  String window, Slice.PeriodView period, String tier,
                                  long fromRank, long toRank, long players, long totalPlayers, long offset,
                                  int limit, List<RankedEntry> entries) {
}
