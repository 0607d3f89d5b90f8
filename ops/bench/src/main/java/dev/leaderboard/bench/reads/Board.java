package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.Database;
import redis.clients.jedis.Jedis;

import java.sql.*;

/**
 * The synthetic board of {@code global}: player {@code u<i>} (i = 1..players) has score
 * {@code 99 * (players - i) / (players - 1)} and reached it at {@code 2026-01-01 + i ms}, so the order is u1, u2, …
 * Scores stay below 100, so one action of the richest type (100 points locally) puts a new player at rank 1.
 * Rows go straight into the live generation of {@code standing} with one {@code generate_series} statement.
 */
public record Board(Database database, int players) {

    public static final String ID = "global";
    public static final long TOP_SCORE = 99;

    public static String playerId(long index) {
        return "u" + index;
    }

    /** Inserts the rows into a window's period ({@code all-time/all-time}, or a past day for the close). */
    public long insert(String window, String period) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO standing (generation, leaderboard_id, time_window, period, user_id, score, reached_at,
                                      version)
                SELECT (SELECT live_generation FROM projection_generation WHERE projection = 'standings'), ?, ?, ?,
                       'u' || i, (99 * (?::bigint - i)) / greatest(?::bigint - 1, 1),
                       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 millisecond', 0
                FROM generate_series(1, ?::bigint) AS i ON CONFLICT DO NOTHING""")) {
            insert.setString(1, ID);
            insert.setString(2, window);
            insert.setString(3, period);
            insert.setLong(4, players);
            insert.setLong(5, players);
            insert.setLong(6, players);
            long rows = insert.executeUpdate();
            connection.createStatement().execute("ANALYZE standing");
            return rows;
        }
    }

    /** A board's sorted set ({@code rank}) or members hash ({@code members}) in Redis, live generation. */
    public static String redisKey(Jedis redis, String board, String suffix) {
        String generation = redis.get("lb:generation");
        if (generation == null) {
            throw new IllegalStateException("Redis has no generation pointer: the board is not in Redis");
        }
        return "lb:g" + generation + ":{" + board + "|all-time|all-time}:" + suffix;
    }
}
