package dev.leaderboard.projections.standings;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;

/**
 * The standings snapshot table. One statement per batch and generation (arrays through {@code unnest}); a row only
 * moves forward in version, so redelivered or replayed events never undo newer state.
 */
public class PostgresStandings {

    private static final String UPSERT = """
            INSERT INTO standing (generation, leaderboard_id, time_window, period, user_id, score, reached_at, version)
            SELECT ?, * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[],
                                    ?::timestamptz[], ?::bigint[])
            ON CONFLICT (generation, leaderboard_id, time_window, period, user_id) DO UPDATE
            SET score = EXCLUDED.score, reached_at = EXCLUDED.reached_at, version = EXCLUDED.version
            WHERE standing.version < EXCLUDED.version""";

    private final JdbcTemplate jdbc;

    public PostgresStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A batch waits for a restore's SHARE lock on {@code standing} (it may hold it for minutes on a large table)
     * instead of failing at the pool's {@code lock_timeout}: waiting is what keeps a restore exact (see
     * {@link StandingsWriter}). Scoped to the caller's transaction.
     */
    public void waitForLocksWithoutTimeout() {
        jdbc.execute("SET LOCAL lock_timeout = 0");
    }

    /** Must run inside the caller's transaction (the processor's batch, or a replay batch). */
    public void upsert(int generation, List<Standing> standings) {
        if (standings.isEmpty()) {
            return;
        }
        int n = standings.size();
        String[] boards = new String[n];
        String[] windows = new String[n];
        String[] periods = new String[n];
        String[] users = new String[n];
        Long[] scores = new Long[n];
        Timestamp[] reached = new Timestamp[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            Standing s = standings.get(i);
            boards[i] = s.leaderboardId();
            windows[i] = s.window().id();
            periods[i] = s.period();
            users[i] = s.userId();
            scores[i] = s.score();
            reached[i] = Timestamp.from(s.reachedAt());
            versions[i] = s.version();
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                statement.setInt(1, generation);
                statement.setArray(2, array(connection, "varchar", boards));
                statement.setArray(3, array(connection, "varchar", windows));
                statement.setArray(4, array(connection, "varchar", periods));
                statement.setArray(5, array(connection, "varchar", users));
                statement.setArray(6, array(connection, "bigint", scores));
                statement.setArray(7, array(connection, "timestamptz", reached));
                statement.setArray(8, array(connection, "bigint", versions));
                return statement.executeUpdate();
            }
        });
    }

    private static Array array(Connection connection, String type, Object[] values) throws java.sql.SQLException {
        return connection.createArrayOf(type, values);
    }
}
