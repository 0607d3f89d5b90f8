package dev.leaderboard.projections.layout;

import java.util.List;

/**
 * Published on {@link RedisKeys#changesChannel()} when the top of a board changed: the new top (at most
 * {@code leaderboard.projections.published-top} rows, rank order) and the board's size. Subscribers treat it as a
 * signal: each stream group re-reads its own top once, so a late or reordered message cannot regress a client.
 */
public record TopChange(String leaderboardId, String window, String period, long totalPlayers, List<Row> top) {

    public record Row(String userId, long score) {
    }
}
