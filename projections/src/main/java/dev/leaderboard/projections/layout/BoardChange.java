package dev.leaderboard.projections.layout;

import java.util.List;

/**
 * Published on {@link RedisKeys#changesChannel()} after a batch changed a board: one message per changed board per
 * batch. {@code version} is the board's version after the change ({@link BoardVersion}); {@code top} (at most
 * {@code leaderboard.projections.published-top} rows, rank order) is present only when {@code topChanged}. A message
 * with no board ({@link #isReset()}) says every board may have changed (a replay's switch, a restore, a heal):
 * subscribers drop everything they derived. Subscribers treat messages as signals and re-read what they serve, so a
 * late or reordered message cannot regress a client.
 */
public record BoardChange(String leaderboardId, String window, String period, BoardVersion version,
                          long totalPlayers, boolean topChanged, List<Row> top) {

    public record Row(String userId, long score) {
    }

    public static BoardChange reset() {
        return new BoardChange(null, null, null, null, 0, true, List.of());
    }

    public boolean isReset() {
        return leaderboardId == null;
    }
}
