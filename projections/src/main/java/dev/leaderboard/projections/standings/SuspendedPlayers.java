package dev.leaderboard.projections.standings;

import dev.leaderboard.windows.TimeWindow;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The {@code suspended_player} table, and a player's standing rows for suspending or reinstating them. Statements
 * run inside the caller's transaction, only for batches with suspension events.
 */
public class SuspendedPlayers {

    private static final String SUSPEND = """
            INSERT INTO suspended_player (generation, user_id, suspended_at)
            SELECT ?, * FROM unnest(?::varchar[], ?::timestamptz[])
            ON CONFLICT (generation, user_id) DO NOTHING""";

    /**
     * A player's standing rows in the boards Redis may still hold. The standing table has no index by player, so
     * this walks the distinct boards along its primary key (an emulated skip scan: one index descent per
     * (leaderboard, window) pair and per kept period, each period window starting at the oldest period the retention
     * keeps) and looks the players up in each: a few hundred index probes per leaderboard, whatever the table size.
     * {@code OFFSET 0} keeps the look-up a per-board index probe: joined plainly, the planner misjudges the number of
     * boards and scans the whole table (seen at a million rows).
     */
    private static final String ROWS_OF_PLAYERS = """
            WITH RECURSIVE
            pairs (leaderboard_id, time_window) AS (
                (SELECT leaderboard_id, time_window FROM standing WHERE generation = ?
                 ORDER BY leaderboard_id, time_window LIMIT 1)
                UNION ALL
                SELECT next.leaderboard_id, next.time_window FROM pairs p CROSS JOIN LATERAL (
                    SELECT s.leaderboard_id, s.time_window FROM standing s
                    WHERE s.generation = ? AND (s.leaderboard_id, s.time_window) > (p.leaderboard_id, p.time_window)
                    ORDER BY s.leaderboard_id, s.time_window LIMIT 1) next
            ),
            boards (leaderboard_id, time_window, period) AS (
                SELECT p.leaderboard_id, p.time_window, first.period FROM pairs p CROSS JOIN LATERAL (
                    SELECT s.period FROM standing s
                    WHERE s.generation = ? AND s.leaderboard_id = p.leaderboard_id
                      AND s.time_window = p.time_window
                      AND s.period >= CASE p.time_window WHEN 'daily' THEN ?::varchar WHEN 'weekly' THEN ?::varchar
                                                         WHEN 'monthly' THEN ?::varchar ELSE ''::varchar END
                    ORDER BY s.period LIMIT 1) first
                UNION ALL
                SELECT b.leaderboard_id, b.time_window, next.period FROM boards b CROSS JOIN LATERAL (
                    SELECT s.period FROM standing s
                    WHERE s.generation = ? AND s.leaderboard_id = b.leaderboard_id
                      AND s.time_window = b.time_window AND s.period > b.period
                    ORDER BY s.period LIMIT 1) next
            )
            SELECT s.leaderboard_id, s.time_window, s.period, s.user_id, s.score, s.reached_at, s.version
            FROM boards b CROSS JOIN LATERAL (
                SELECT * FROM standing s
                WHERE s.generation = ? AND s.leaderboard_id = b.leaderboard_id AND s.time_window = b.time_window
                  AND s.period = b.period AND s.user_id = ANY(?::varchar[])
                OFFSET 0) s""";

    private final JdbcTemplate jdbc;
    private final RetentionPolicy retention;

    public SuspendedPlayers(JdbcTemplate jdbc, RetentionPolicy retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** Records the players as suspended in the generation; already suspended ones keep their first time. */
    public void suspend(int generation, Map<String, Instant> suspendedAt) {
        if (suspendedAt.isEmpty()) {
            return;
        }
        String[] users = suspendedAt.keySet().toArray(String[]::new);
        Timestamp[] times = suspendedAt.values().stream().map(Timestamp::from).toArray(Timestamp[]::new);
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(SUSPEND)) {
                statement.setInt(1, generation);
                statement.setArray(2, connection.createArrayOf("varchar", users));
                statement.setArray(3, connection.createArrayOf("timestamptz", times));
                return statement.executeUpdate();
            }
        });
    }

    public void reinstate(int generation, Collection<String> users) {
        if (users.isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM suspended_player WHERE generation = ? AND user_id = ANY(?::varchar[])",
                generation, users.toArray(String[]::new));
    }

    /**
     * The players' standing rows of a generation in every board Redis may hold at {@code now} (older periods have
     * expired there). Reads this transaction's own writes, so a batch's new standings are included.
     */
    public List<Standing> standingsOf(int generation, Collection<String> users, Instant now) {
        if (users.isEmpty()) {
            return List.of();
        }
        String[] userIds = users.toArray(String[]::new);
        List<Standing> rows = new ArrayList<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(ROWS_OF_PLAYERS);
            int p = 1;
            statement.setInt(p++, generation);
            statement.setInt(p++, generation);
            statement.setInt(p++, generation);
            statement.setString(p++, retention.oldestPeriodKeptAt(TimeWindow.DAILY, now));
            statement.setString(p++, retention.oldestPeriodKeptAt(TimeWindow.WEEKLY, now));
            statement.setString(p++, retention.oldestPeriodKeptAt(TimeWindow.MONTHLY, now));
            statement.setInt(p++, generation);
            statement.setInt(p++, generation);
            statement.setArray(p, connection.createArrayOf("varchar", userIds));
            return statement;
        }, (ResultSet rs) -> {
            rows.add(new Standing(rs.getString(1), TimeWindow.fromId(rs.getString(2)).orElseThrow(),
                    rs.getString(3), rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getLong(7)));
        });
        return rows;
    }
}
