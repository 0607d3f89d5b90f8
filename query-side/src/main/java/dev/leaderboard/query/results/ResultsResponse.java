package dev.leaderboard.query.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leaderboard.events.ClosedTier;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/leaderboards/{id}/results}: a page of a closed period's frozen standings. */
public record ResultsResponse(String leaderboardId, @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
                              String window, String period, Instant closedAt, String digest,
                              long totalPlayers, List<ClosedTier> tiers, String rankStyle, long offset, int limit,
                              List<ResultEntry> entries) {
}
