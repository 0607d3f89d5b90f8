package dev.leaderboard.projections.layout;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Published on {@link RedisKeys#changesChannel()} after a batch changed a board: one message per changed board per
 * batch, saying only that the board changed and its version after the change ({@link BoardVersion}). A message
 * with no board ({@link #isReset()}) says every board may have changed (a replay's switch, a restore, a heal):
 * subscribers drop everything they derived. Subscribers treat messages as signals and re-read what they serve (live
 * streams read their top and send it only if it differs from what they sent), so a late or reordered message cannot
 * regress a client.
 */
public record BoardChange(String leaderboardId, String window, String period, BoardVersion version) {

    public static BoardChange reset() {
        return new BoardChange(null, null, null, null);
    }

    public boolean isReset() {
        return leaderboardId == null;
    }

    /**
     * Written for query instances of the previous version during a rolling upgrade: they update live streams only
     * on {@code topChanged: true}, and this version no longer knows whether the top changed (its streams decide).
     * Read by nobody in this version; drop it once no instance older than this one runs.
     */
    @JsonProperty("topChanged")
    boolean topChangedForOlderReaders() {
        return true;
    }
}
