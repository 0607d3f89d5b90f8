package dev.leaderboard.query.rankings;

/** One row of a ranking: 1-based rank, unique within the slice. */
public record RankedEntry(long rank, String userId, long score) {
}
