package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;

import java.sql.*;
import java.time.Instant;

/**
 * The synthetic board of {@code global}, written straight into the live generation of {@code standing}: player
 * {@code u<i>} (i = 1..players) has {@code 99 * (players - i) / (players - 1)} points, reached at
 * {@code 2026-01-01 + i ms}, so the order is u1, u2, … and one action of 100 points makes a new leader.
 */
public record Board(Database database, int players) {

    public static final String ID = "global";
    /** The size of the board unless {@code --players} is given. */
    public static final int PLAYERS = 1_000_000;
    public static final long TOP_SCORE = 99;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    public long score(long index) {
        return 99 * (players - index) / Math.max(players - 1, 1);
    }

    public String member(long index) {
        return Baselines.member(START.plusMillis(index), "u" + index);
    }

    /** The board of all-time, inserted into PostgreSQL and restored into Redis by the server. */
    public static Board allTime(Target target, int players) throws SQLException {
        Board board = new Board(target.database(), players);
        long start = System.nanoTime();
        long rows = board.insert("all-time", "all-time");
        long inserted = System.nanoTime();
        long restored = target.api().post("/api/v1/admin/projections/standings/restore").path("rows").asLong();
        System.out.printf("  board: %,d rows inserted with generate_series in %.1f s; restore into Redis: %,d rows "
                + "in %.1f s%n", rows, (inserted - start) / 1e9, restored, (System.nanoTime() - inserted) / 1e9);
        return board;
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
}
