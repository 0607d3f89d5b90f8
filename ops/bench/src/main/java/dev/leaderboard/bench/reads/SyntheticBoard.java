package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.baseline.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The synthetic all-time board of {@code global}: {@code players} rows written straight into the live generation of
 * the {@code standing} table with {@code generate_series}, in one statement.
 * <p>
 * Player {@code u<i>} (i = 1..players) has score {@code 99 * (players - i) / (players - 1)} (99 down to 0) and
 * reached it at {@code 2026-01-01 + i ms}, version 0. So the board's exact order is u1, u2, …, u<players> (ties
 * on score are broken by the earlier reach), which the export check verifies row by row. Scores stay below 100 so
 * that a single action of the richest type (100 points in the local configuration) puts a new player at rank 1: the
 * live-stream scenario needs that, and 1,000,000 distinct integer scores would put the top out of reach.
 */
final class SyntheticBoard {

    static final String BOARD = "global";
    static final String WINDOW = "all-time";
    static final String PERIOD = "all-time";
    static final long TOP_SCORE = 99;

    private final Database database;
    private final int players;

    SyntheticBoard(Database database, int players) {
        this.database = database;
        this.players = players;
    }

    static String playerId(long index) {
        return "u" + index;
    }

    /** @return the index i of a synthetic player id {@code u<i>}, or -1 for any other player */
    static long indexOf(String userId) {
        if (userId.length() < 2 || userId.charAt(0) != 'u') {
            return -1;
        }
        long value = 0;
        for (int i = 1; i < userId.length(); i++) {
            char c = userId.charAt(i);
            if (c < '0' || c > '9' || i > 18) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    record Inserted(int generation, long rows, Duration elapsed) {
    }

    Inserted insert() throws SQLException {
        return insert(WINDOW, PERIOD);
    }

    /** The same rows in another window's period (the close scenario uses a past day). */
    Inserted insert(String window, String period) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = database.connect()) {
            int generation;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT live_generation FROM projection_generation WHERE projection = 'standings'")) {
                if (!rs.next()) {
                    throw new IllegalStateException("no standings generation: is the schema migrated?");
                }
                generation = rs.getInt(1);
            }
            long rows;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO standing (generation, leaderboard_id, time_window, period, user_id, score,
                                          reached_at, version)
                    SELECT ?, ?, ?, ?, 'u' || i, (99 * (?::bigint - i)) / greatest(?::bigint - 1, 1),
                           timestamptz '2026-01-01 00:00:00+00' + i * interval '1 millisecond', 0
                    FROM generate_series(1, ?::bigint) AS i
                    ON CONFLICT DO NOTHING""")) {
                insert.setInt(1, generation);
                insert.setString(2, BOARD);
                insert.setString(3, window);
                insert.setString(4, period);
                insert.setLong(5, players);
                insert.setLong(6, players);
                insert.setLong(7, players);
                rows = insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE standing");
            }
            return new Inserted(generation, rows, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Rows of the board in the live generation now (what an export must return). */
    long rowsNow() throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement("""
                     SELECT count(*) FROM standing WHERE generation =
                       (SELECT live_generation FROM projection_generation WHERE projection = 'standings')
                     AND leaderboard_id = ? AND time_window = ? AND period = ?""")) {
            count.setString(1, BOARD);
            count.setString(2, WINDOW);
            count.setString(3, PERIOD);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
