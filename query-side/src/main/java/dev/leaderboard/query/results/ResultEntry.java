package dev.leaderboard.query.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One frozen row: rank in the requested style, the player, the final score, when it was reached, the tier. */
public record ResultEntry(long rank, String userId, long score, Instant reachedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String tier) {
}
