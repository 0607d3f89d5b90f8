package dev.leaderboard.projections.layout;

import java.util.List;

/**
 * Published on {@link RedisKeys#changesChannel()} when the top of a board changed: the new top (at most
 * {@code leaderboard.live.published-top} rows, rank order) and the board's size. Subscribers on every query instance
 * derive any top N up to that size from it, without reading Redis per client.
 */
public record TopChange(String leaderboardId, String window, String period, long totalPlayers, List<Row> top) {

    public record Row(String userId, long score) {
    }
}
