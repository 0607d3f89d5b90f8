package dev.leaderboard.server.reads;

import dev.leaderboard.server.support.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * An ACCESS EXCLUSIVE lock on one table, held by the test on a connection of its own (outside the server's pools):
 * every read of that table waits until it is released, which makes "a read is running" a state the test controls.
 * {@code suspended_player} is the table of choice: every read goes through {@code visible_standing}, which reads
 * it, while the projection's writes to {@code standing} go on.
 */
final class HeldLock implements AutoCloseable {

    private final String databaseUrl;
    private final Connection connection;

    private HeldLock(String databaseUrl, Connection connection) {
        this.databaseUrl = databaseUrl;
        this.connection = connection;
    }

    static HeldLock on(String databaseUrl, String table) throws SQLException {
        Connection connection = connect(databaseUrl);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return new HeldLock(databaseUrl, connection);
    }

    private static Connection connect(String databaseUrl) throws SQLException {
        return DriverManager.getConnection(databaseUrl, TestPostgres.server().username(),
                TestPostgres.server().password());
    }

    /** Waits until this many server sessions wait for a lock, i.e. that many reads are stuck behind this one. */
    void awaitWaiters(int sessions) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> waiters() >= sessions);
    }

    /** On a connection of its own: the locking transaction would see one snapshot of pg_stat_activity throughout. */
    private int waiters() throws SQLException {
        try (Connection observer = connect(databaseUrl);
             Statement statement = observer.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock'""")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    void release() throws SQLException {
        if (!connection.isClosed()) {
            connection.rollback();
            connection.close();
        }
    }

    @Override
    public void close() throws SQLException {
        release();
    }
}
