package dev.leaderboard.projections.layout;

import dev.leaderboard.windows.TimeWindow;

/**
 * Where the standings live in Redis. Per (generation, leaderboard, window, period): a sorted set of rank members
 * scored by total, and a hash from user id to {@code <version>|<current member>}. The generation pointer names the
 * generation readers use; its absence means Redis lost its data (it is never deleted otherwise).
 * One Redis (standalone or Sentinel-managed) is assumed: scripts touch the pointer and several boards at once, which
 * Redis Cluster would refuse across slots.
 */
public record RedisKeys(String prefix) {

    public String generationPointer() {
        return prefix + ":generation";
    }

    public String ranking(int generation, String leaderboardId, TimeWindow window, String period) {
        return base(generation, leaderboardId, window, period) + ":rank";
    }

    public String members(int generation, String leaderboardId, TimeWindow window, String period) {
        return base(generation, leaderboardId, window, period) + ":members";
    }

    /** The pub/sub channel of {@link TopChange} notifications. */
    public String changesChannel() {
        return prefix + ":changes";
    }

    /** Matches every key of one generation, for cleanup. */
    public String generationPattern(int generation) {
        return prefix + ":g" + generation + ":*";
    }

    private String base(int generation, String leaderboardId, TimeWindow window, String period) {
        return prefix + ":g" + generation + ":{" + leaderboardId + "|" + window.id() + "|" + period + "}";
    }
}
