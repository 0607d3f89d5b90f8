package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.baseline.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The export's same-run baseline: the query the export runs (the board in rank order, through a cursor of 1,000
 * rows, in a read-only repeatable-read transaction), read with plain JDBC from the benchmark's JVM and formatted as
 * the CSV rows would be (the bytes are counted, not kept).
 */
final class JdbcExportBaseline {

    record Result(long rows, long bytes, Duration elapsed) {
        double rowsPerSecond() {
            return elapsed.isZero() ? 0 : rows / (elapsed.toNanos() / 1e9);
        }
    }

    private JdbcExportBaseline() {
    }

    static Result run(Database database) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long rows = 0;
            long bytes = 0;
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT user_id, score FROM standing WHERE generation =
                      (SELECT live_generation FROM projection_generation WHERE projection = 'standings')
                    AND leaderboard_id = ? AND time_window = ? AND period = ?
                    ORDER BY score DESC, reached_at, user_id DESC""")) {
                query.setFetchSize(1000);
                query.setString(1, SyntheticBoard.BOARD);
                query.setString(2, SyntheticBoard.WINDOW);
                query.setString(3, SyntheticBoard.PERIOD);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        String line = rows + "," + rs.getString(1) + "," + rs.getLong(2) + "\n";
                        bytes += line.length();
                    }
                }
            }
            connection.commit();
            return new Result(rows, bytes, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
