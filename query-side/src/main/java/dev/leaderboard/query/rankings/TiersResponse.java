package dev.leaderboard.query.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** {@code GET /api/v1/leaderboards/{id}/tiers}: each tier's ordinal rank range and the score at its last rank. */
public record TiersResponse(String leaderboardId, @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
                            String window, Slice.PeriodView period, long totalPlayers, List<TierView> tiers) {

    /** {@code cutoffScore} is the score at {@code toRank}: null when the tier is empty. */
    public record TierView(String name, long fromRank, long toRank, Long cutoffScore, long players) {
    }
}
