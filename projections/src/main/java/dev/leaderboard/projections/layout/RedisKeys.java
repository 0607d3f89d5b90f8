package dev.leaderboard.projections.layout;

import dev.leaderboard.windows.TimeWindow;

import java.util.List;

/**
 * Where the standings live in Redis. Per (generation, leaderboard, window, period): a sorted set of rank members
 * scored by total, and a hash from user id to {@code <version>|<current member>}. The generation pointer names the
 * generation readers use; its absence means Redis lost its data (or a restore failed half-way). While a restore
 * copies PostgreSQL into Redis, {@link #restoringMarker()} exists and readers answer from PostgreSQL.
 * One Redis (standalone or Sentinel-managed) is assumed: scripts touch the pointer and several boards at once, which
 * Redis Cluster would refuse across slots.
 */
public record RedisKeys(String prefix) {

    /**
     * Stands for the generation number in a {@link #boardTemplates} key template. Scripts that read the generation
     * pointer and a board in one atomic call substitute it themselves, with plain (not pattern) string operations.
     */
    public static final String GENERATION_PLACEHOLDER = "{generation}";

    /** The keys of one board: its ranking set, its members hash and its version counter. */
    public record BoardKeys(String ranking, String members, String version) {

        /** The order in which every script that takes a board's keys takes them. */
        public List<String> inScriptOrder() {
            return List.of(ranking, members, version);
        }
    }

    public String generationPointer() {
        return prefix + ":generation";
    }

    public String ranking(int generation, String leaderboardId, TimeWindow window, String period) {
        return ranking(Integer.toString(generation), leaderboardId, window.id(), period);
    }

    public String members(int generation, String leaderboardId, TimeWindow window, String period) {
        return members(Integer.toString(generation), leaderboardId, window.id(), period);
    }

    /** The board's version counter ({@link BoardVersion#counter()}), raised by every script that changes the board. */
    public String version(int generation, String leaderboardId, TimeWindow window, String period) {
        return version(Integer.toString(generation), leaderboardId, window.id(), period);
    }

    public BoardKeys board(int generation, String leaderboardId, TimeWindow window, String period) {
        return board(Integer.toString(generation), leaderboardId, window.id(), period);
    }

    /**
     * The keys of a board in whichever generation the script finds the pointer at: {@link #GENERATION_PLACEHOLDER}
     * in place of the generation's number, for the script to replace.
     */
    public BoardKeys boardTemplates(String leaderboardId, String windowId, String period) {
        return board(GENERATION_PLACEHOLDER, leaderboardId, windowId, period);
    }

    private BoardKeys board(String generation, String leaderboardId, String windowId, String period) {
        return new BoardKeys(ranking(generation, leaderboardId, windowId, period),
                members(generation, leaderboardId, windowId, period),
                version(generation, leaderboardId, windowId, period));
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
        return generationKeysStart(generation) + "suspended";
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
        return generationKeysStart(generation) + "*";
    }

    /** Matches the ranking sets of every board of one generation (SCAN). */
    public String rankingPattern(int generation) {
        return ranking(Integer.toString(generation), "*", "*", "*");
    }

    /** What every key of one generation starts with. */
    public String generationKeysStart(int generation) {
        return prefix + ":g" + generation + ":";
    }

    /** Matches the keys of every generation; {@link #isGenerationKey} tells them from other keys it matches. */
    public String anyGenerationPattern() {
        return prefix + ":g*";
    }

    /** Whether a key is one of some generation's keys ({@code <prefix>:g<number>:...}). */
    public boolean isGenerationKey(String key) {
        String start = prefix + ":g";
        int digits = start.length();
        while (digits < key.length() && Character.isDigit(key.charAt(digits))) {
            digits++;
        }
        return key.startsWith(start) && digits > start.length() && digits < key.length() && key.charAt(digits) == ':';
    }

    private String ranking(String generation, String leaderboardId, String windowId, String period) {
        return base(generation, leaderboardId, windowId, period) + ":rank";
    }

    private String members(String generation, String leaderboardId, String windowId, String period) {
        return base(generation, leaderboardId, windowId, period) + ":members";
    }

    private String version(String generation, String leaderboardId, String windowId, String period) {
        return base(generation, leaderboardId, windowId, period) + ":version";
    }

    /** The board's name in braces is a Redis Cluster hash tag: all keys of one board hash to one slot. */
    private String base(String generation, String leaderboardId, String windowId, String period) {
        return prefix + ":g" + generation + ":{" + leaderboardId + "|" + windowId + "|" + period + "}";
    }
}
