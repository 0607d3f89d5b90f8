package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.baseline.Database;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The close scenario: a past day of the synthetic board ({@code players} rows, inserted in one statement) is closed by
 * the server's own closer (its next poll); the server's time for the close ({@code leaderboard.periods.close}) and its
 * heap are read through the actuator. The same-run baseline: the same ranked rows through plain PostgreSQL
 * {@code COPY ... TO STDOUT} into the benchmark and {@code COPY ... FROM STDIN} into a table shaped like
 * {@code period_result_entry} (with its primary key), in one transaction.
 */
final class PeriodCloseCheck {

    static final String WINDOW = "daily";

    record Result(long rows, double serverSeconds, Duration untilVisible, HeapSampler.Peak heap, Duration copyOut,
                  Duration copyIn, long copyBytes) {
    }

    private PeriodCloseCheck() {
    }

    /** Two days back: ended, past any grace, inside the default lookback. */
    static String day() {
        return LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).toString();
    }

    static Result run(Database database, ServerApi api, SyntheticBoard board, String day, Duration timeout)
            throws Exception {
        HeapSampler.Peak heap;
        long start;
        try (HeapSampler sampler = HeapSampler.start(api)) {
            board.insert(WINDOW, day);
            start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            while (closedRows(database, day) < 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the server did not close " + day + " within " + timeout);
                }
                Thread.sleep(100);
            }
            heap = sampler.peak();
        }
        Duration untilVisible = Duration.ofNanos(System.nanoTime() - start);
        double serverSeconds = api.periodCloseSeconds().orElse(-1.0);
        long rows = closedRows(database, day);

        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL statement_timeout = 0");
                statement.execute("DROP TABLE IF EXISTS bench_close_copy");
                statement.execute("CREATE TABLE bench_close_copy (LIKE period_result_entry INCLUDING ALL)");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            copy.copyOut("""
                    COPY (SELECT leaderboard_id, time_window, period,
                                 row_number() OVER (ORDER BY score DESC, reached_at, user_id DESC),
                                 rank() OVER (ORDER BY score DESC), dense_rank() OVER (ORDER BY score DESC),
                                 user_id, score, reached_at, NULL
                          FROM standing WHERE generation =
                            (SELECT live_generation FROM projection_generation WHERE projection = 'standings')
                          AND leaderboard_id = '%s' AND time_window = '%s' AND period = '%s') TO STDOUT"""
                    .formatted(SyntheticBoard.BOARD, WINDOW, LocalDate.parse(day)), out);
            long t1 = System.nanoTime();
            copy.copyIn("COPY bench_close_copy FROM STDIN", new ByteArrayInputStream(out.toByteArray()));
            connection.commit();
            long t2 = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE bench_close_copy");
            }
            connection.commit();
            return new Result(rows, serverSeconds, untilVisible, heap, Duration.ofNanos(t1 - t0),
                    Duration.ofNanos(t2 - t1), out.size());
        }
    }

    /** Players frozen for the day, or -1 while it is not closed. */
    private static long closedRows(Database database, String day) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT total_players FROM period_result
                     WHERE leaderboard_id = ? AND time_window = ? AND period = ?""")) {
            query.setString(1, SyntheticBoard.BOARD);
            query.setString(2, WINDOW);
            query.setString(3, day);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
