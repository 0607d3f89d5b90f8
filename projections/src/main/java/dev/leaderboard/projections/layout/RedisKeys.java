package dev.leaderboard.projections.layout;

import dev.leaderboard.windows.TimeWindow;

/**
 * Where the standings live in Redis. Per (generation, leaderboard, window, period): a sorted set of rank members
 * scored by total, and a hash from user id to {@code <version>|<current member>}. The generation pointer names the
 * generation readers use; its absence means Redis lost its data (or a restore failed half-way). While a restore
 * copies PostgreSQL into Redis, {@link #restoringMarker()} exists and readers answer from PostgreSQL.
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

    /** The board's version counter ({@link BoardVersion#counter()}), raised by every script that changes the board. */
    public String version(int generation, String leaderboardId, TimeWindow window, String period) {
        return base(generation, leaderboardId, window, period) + ":version";
    }

    /**
     * The epoch ({@link BoardVersion#epoch()}): raised whenever the generation pointer is set (a replay's switch, a
     * restore, a heal), never below the wall clock's milliseconds, so it still rises after Redis lost everything.
     */
    public String epoch() {
        return prefix + ":epoch";
    }

    /**
     * The players suspended in a generation (a set of user ids): the standings scripts write none of their entries.
     * Redis deletes the set when its last member is reinstated, so the scripts' check costs nothing while nobody is
     * suspended.
     */
    public String suspended(int generation) {
        return prefix + ":g" + generation + ":suspended";
    }

    /** Present while a restore copies PostgreSQL into Redis (with a TTL, in case the restoring instance dies). */
    public String restoringMarker() {
        return prefix + ":restoring";
    }

    /** The pub/sub channel of {@link BoardChange} notifications. */
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
